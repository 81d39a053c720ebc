import { z } from 'zod';

/** Loopback addresses never belong on paper: a phone scanning the QR code would look for itself. */
const LOOPBACK =
  /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\]|\[::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}\]|0\.0\.0\.0)$/i;

/**
 * Why an address cannot be the public address printed on letters and badges, or null when it can. It must be an
 * http(s) address another device reaches: no localhost, no user:password, no query or fragment.
 */
export function publicUrlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return 'Địa chỉ công khai phải là một địa chỉ web đầy đủ, ví dụ https://hoinghi.thanhhoa.gov.vn';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return 'Địa chỉ công khai phải bắt đầu bằng https:// (hoặc http://)';
  if (LOOPBACK.test(url.hostname))
    return `Địa chỉ ${url.hostname} chỉ dùng được trên chính máy chủ: điện thoại của đại biểu không mở được. Hãy dùng tên miền hoặc địa chỉ mạng của máy chủ`;
  if (url.username || url.password) return 'Địa chỉ công khai không được chứa tên đăng nhập hay mật khẩu';
  if (url.search || url.hash) return 'Địa chỉ công khai không được có phần ? hoặc #';
  return null;
}

/** "https://hoinghi.example.gov.vn/" → "https://hoinghi.example.gov.vn": links are the address plus "/r/…". */
export function normalizePublicUrl(text: string): string {
  const url = new URL(text.trim());
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export const publicUrlInputSchema = z.strictObject({
  /** The address delegates' phones reach the app at; null removes the setting. */
  publicUrl: z
    .string()
    .max(300)
    .superRefine((v, ctx) => {
      const problem = publicUrlProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .transform(normalizePublicUrl)
    .nullable(),
});
export type PublicUrlInput = z.infer<typeof publicUrlInputSchema>;

export const PUBLIC_URL_SOURCES = ['env', 'app'] as const;

/** Which public address applies: the environment's PUBLIC_URL wins over the one saved in the app. */
export const publicUrlSettingSchema = z.object({
  publicUrl: z.string().nullable(),
  source: z.enum(PUBLIC_URL_SOURCES).nullable(),
  /** PUBLIC_URL as the server was started with, if any. */
  envValue: z.string().nullable(),
  /** The address an administrator saved in the app, if any. */
  appValue: z.string().nullable(),
});
export type PublicUrlSetting = z.infer<typeof publicUrlSettingSchema>;
