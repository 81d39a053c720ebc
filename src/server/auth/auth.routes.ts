import { changePasswordSchema, loginSchema, meSchema } from '../../shared/auth';
import { okSchema } from '../../shared/common';
import { isLoopbackAddress } from '../config';
import {
  authenticate,
  clearSessionCookie,
  deviceTokenOf,
  sessionTokenOf,
  setDeviceCookie,
  setSessionCookie,
} from '../http/session';
import { type App, cookieAuth, type RouteDeps } from '../http/types';
import { changePassword, getMe, login, logout } from './auth.service';

export async function authRoutes(app: App, { handle: { db } }: RouteDeps) {
  app.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: { tags: ['auth'], summary: 'Đăng nhập', body: loginSchema, response: { 200: meSchema } },
    },
    async (request, reply) => {
      // request.ip is the proxy's client address only under TRUST_PROXY; otherwise the socket's.
      const { token, deviceToken, me } = await login(db, request.body, {
        ip: request.ip,
        isLoopback: isLoopbackAddress(request.ip),
        userAgent: request.headers['user-agent'] ?? null,
        deviceToken: deviceTokenOf(request),
      });
      setSessionCookie(reply, token);
      setDeviceCookie(reply, deviceToken);
      return me;
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'Đăng xuất', security: cookieAuth, response: { 200: okSchema } } },
    async (request, reply) => {
      const actor = await authenticate(db, request);
      await logout(db, actor, sessionTokenOf(request)!);
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Người dùng đang đăng nhập',
        security: cookieAuth,
        response: { 200: meSchema },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request);
      return getMe(db, actor.id);
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary:
          'Đổi mật khẩu của chính mình (đăng xuất các phiên khác; nhập sai mật khẩu hiện tại bị tính như đăng nhập sai)',
        security: cookieAuth,
        body: changePasswordSchema,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request);
      await changePassword(db, actor, sessionTokenOf(request)!, request.body, {
        ip: request.ip,
        deviceToken: deviceTokenOf(request),
      });
      return { ok: true as const };
    },
  );
}
