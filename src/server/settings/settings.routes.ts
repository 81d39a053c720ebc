import { publicUrlInputSchema, publicUrlSettingSchema } from '../../shared/settings';
import { authenticate, authorize } from '../http/session';
import { type App, cookieAuth, type RouteDeps } from '../http/types';
import { canManageSettings } from './settings.policy';
import { getPublicUrlSetting, savePublicUrl } from './settings.service';

const tags = ['settings'];

export async function settingsRoutes(app: App, { handle: { db }, publicUrl }: RouteDeps) {
  app.get(
    '/api/settings/public-url',
    {
      schema: {
        tags,
        summary:
          'Địa chỉ công khai in trên giấy mời và thẻ (mã QR, liên kết): biến môi trường PUBLIC_URL, nếu không có thì địa chỉ quản trị viên đặt',
        security: cookieAuth,
        response: { 200: publicUrlSettingSchema },
      },
    },
    async (request) => {
      authorize(canManageSettings(await authenticate(db, request)));
      return getPublicUrlSetting(db, publicUrl);
    },
  );

  app.put(
    '/api/settings/public-url',
    {
      schema: {
        tags,
        summary:
          'Đặt (hoặc xóa, với null) địa chỉ công khai trong ứng dụng; PUBLIC_URL của máy chủ vẫn được ưu tiên',
        security: cookieAuth,
        body: publicUrlInputSchema,
        response: { 200: publicUrlSettingSchema },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request);
      authorize(canManageSettings(actor));
      return savePublicUrl(db, actor, publicUrl, request.body.publicUrl);
    },
  );
}
