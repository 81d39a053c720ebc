import { healthSchema } from '../../shared/health';
import type { App, RouteDeps } from '../http/types';
import { checkHealth } from './health.service';

export async function healthRoutes(app: App, { handle }: RouteDeps) {
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Tình trạng máy chủ và cơ sở dữ liệu',
        response: { 200: healthSchema },
      },
    },
    async () => checkHealth(handle),
  );
}
