import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness';

let ctx: TestContext;
let admin: string;
let adminId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  adminId = (await ctx.buildUser({ username: 'quantri', isAdmin: true })).id;
  admin = await ctx.login('quantri');
});
afterAll(() => ctx.close());

const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: { cookie: admin }, ...(payload ? { payload } : {}) });

describe('users', () => {
  it('creates an account with a temporary password the user must change', async () => {
    const created = await api('POST', '/api/users', {
      username: 'HoangHoa.01',
      fullName: 'Nguyễn Thị Hoa',
      password: 'tam-thoi-123',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      username: 'hoanghoa.01',
      mustChangePassword: true,
      isAdmin: false,
      isActive: true,
    });
    expect(created.json()).not.toHaveProperty('passwordHash');
    const me = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: await ctx.login('hoanghoa.01', 'tam-thoi-123') },
    });
    expect(me.json().mustChangePassword).toBe(true);
  });

  it('refuses a taken username and a username with accents', async () => {
    await api('POST', '/api/users', { username: 'trungten', fullName: 'A', password: 'tam-thoi-123' });
    const taken = await api('POST', '/api/users', {
      username: 'TrungTen',
      fullName: 'B',
      password: 'tam-thoi-123',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.details[0].field).toBe('username');
    const accented = await api('POST', '/api/users', {
      username: 'hoằng',
      fullName: 'C',
      password: 'tam-thoi-123',
    });
    expect(accented.statusCode).toBe(400);
    expect(accented.json().error.details[0].message).toContain('chữ không dấu');
  });

  it('locks an account, resets a password, and audits each change', async () => {
    const user = await ctx.buildUser({ username: 'sekhoa' });
    expect((await api('PATCH', `/api/users/${user.id}`, { isActive: false })).json().isActive).toBe(false);
    expect(
      (await api('POST', `/api/users/${user.id}/password`, { password: 'mat-khau-moi-1' })).statusCode,
    ).toBe(200);
    const audit = await ctx.handle.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('entity_id', '=', user.id)
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'password']);
    expect(audit.slice(1).every((a) => a.actor_id === adminId)).toBe(true);
  });

  it('does not let an admin lock themself out', async () => {
    const response = await api('PATCH', `/api/users/${adminId}`, { isAdmin: false });
    expect(response.statusCode).toBe(409);
  });
});
