import { z } from 'zod';
import { idSchema, okSchema } from '../../shared/common';
import {
  createUserSchema,
  passwordResetResultSchema,
  resetPasswordSchema,
  updateUserSchema,
  userSchema,
} from '../../shared/users';
import { canManageMembers } from '../events/events.policy';
import { findMembershipsOfUser } from '../events/events.service';
import { authenticate, authorize } from '../http/session';
import { type App, cookieAuth, type RouteDeps } from '../http/types';
import { canListUsers, canManageUsers } from './users.policy';
import {
  createUser,
  findUsers,
  resetPasswordByOrganizer,
  setUserPassword,
  unlockSignIn,
  updateUser,
} from './users.service';

const params = z.object({ userId: idSchema });
const memberParams = z.object({ eventId: idSchema, userId: idSchema });

export async function usersRoutes(app: App, { handle: { db } }: RouteDeps) {
  app.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Danh sách người dùng',
        security: cookieAuth,
        response: { 200: z.array(userSchema) },
      },
    },
    async (request) => {
      authorize(canListUsers(await authenticate(db, request)));
      return findUsers(db);
    },
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Tạo người dùng',
        security: cookieAuth,
        body: createUserSchema,
        response: { 201: userSchema },
      },
    },
    async (request, reply) => {
      const actor = await authenticate(db, request);
      authorize(canManageUsers(actor));
      // A password set by someone else is temporary: the user picks their own at first sign-in.
      reply.status(201);
      return createUser(db, actor, { ...request.body, mustChangePassword: true });
    },
  );

  app.patch(
    '/api/users/:userId',
    {
      schema: {
        tags: ['users'],
        summary: 'Sửa người dùng (họ tên, quyền quản trị, khóa/mở khóa)',
        security: cookieAuth,
        params,
        body: updateUserSchema,
        response: { 200: userSchema },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request);
      authorize(canManageUsers(actor));
      return updateUser(db, actor, request.params.userId, request.body);
    },
  );

  app.post(
    '/api/users/:userId/password',
    {
      schema: {
        tags: ['users'],
        summary: 'Đặt lại mật khẩu (đăng xuất mọi phiên; người dùng phải đổi khi đăng nhập lần sau)',
        security: cookieAuth,
        params,
        body: resetPasswordSchema,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request);
      authorize(canManageUsers(actor));
      await setUserPassword(db, actor, request.params.userId, request.body.password, true);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/users/:userId/unlock',
    {
      schema: {
        tags: ['users'],
        summary: 'Mở khóa đăng nhập (xóa các lần đăng nhập sai đang chặn tài khoản)',
        security: cookieAuth,
        params,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request);
      authorize(canManageUsers(actor));
      await unlockSignIn(db, actor, request.params.userId);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/events/:eventId/members/:userId/password-reset',
    {
      schema: {
        tags: ['users'],
        summary:
          'Ban tổ chức đặt lại mật khẩu cho người trong hội nghị của mình: mật khẩu tạm (hiện một lần), phải đổi khi đăng nhập',
        security: cookieAuth,
        params: memberParams,
        response: { 200: passwordResetResultSchema },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request);
      authorize(canManageMembers(actor, request.params.eventId));
      const memberships = await findMembershipsOfUser(db, request.params.userId);
      return resetPasswordByOrganizer(db, actor, request.params.eventId, request.params.userId, memberships);
    },
  );
}
