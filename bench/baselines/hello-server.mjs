// Baseline: a bare Fastify server answering a constant JSON — the ceiling for any route on this machine.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/hello', async () => ({ ok: true, db: 'none', version: '0' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
