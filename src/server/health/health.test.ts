import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_ENGINE, type TestContext } from '../test/harness';
import { APP_VERSION } from '../version';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('system routes', () => {
  it('reports health with the engine in use, without a session', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true, db: TEST_ENGINE, version: APP_VERSION });
  });

  it('publishes an OpenAPI 3 document that validates and describes the error shape', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy();
    expect(doc.paths['/api/events/{eventId}'].get.security).toEqual([{ cookieAuth: [] }]);
    expect(doc.paths['/api/units'].get.parameters.map((p: { name: string }) => p.name)).toContain('q');
  });
});
