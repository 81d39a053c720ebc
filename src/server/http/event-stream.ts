import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

/** The OpenAPI response of a Server-Sent Events route. */
export const eventStreamResponse = {
  200: { description: 'text/event-stream', content: { 'text/event-stream': { schema: z.string() } } },
};

/**
 * One live view of an event over Server-Sent Events: `read` is sent at once, then again after each change the
 * subscription reports — a burst is one update (at most five a second, the first within 200 ms). A heartbeat keeps
 * proxies from closing an idle stream; a client that does not ask for a stream (a script, a health probe) gets the
 * one snapshot and the end. Call after authorization: the reply is hijacked.
 */
export async function streamEvents(
  request: FastifyRequest,
  reply: FastifyReply,
  options: {
    event: string;
    read: () => Promise<unknown>;
    subscribe: (onChange: () => void) => () => void;
  },
): Promise<void> {
  reply.hijack();
  const out = reply.raw;
  out.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  let closed = false;
  let pending: NodeJS.Timeout | null = null;
  const send = async () => {
    pending = null;
    if (closed) return;
    try {
      const data = await options.read();
      if (!closed) out.write(`event: ${options.event}\ndata: ${JSON.stringify(data)}\n\n`);
    } catch (error) {
      request.log.warn({ err: error }, `${options.event} stream read failed`);
    }
  };
  const unsubscribe = options.subscribe(() => {
    pending ??= setTimeout(send, 200);
  });
  const heartbeat = setInterval(() => !closed && out.write(': keep-alive\n\n'), 15_000);
  const stop = () => {
    closed = true;
    unsubscribe();
    clearInterval(heartbeat);
    if (pending) clearTimeout(pending);
  };
  request.raw.on('close', stop);
  out.write('retry: 2000\n\n');
  await send();
  if (!String(request.headers.accept ?? '').includes('text/event-stream')) {
    stop();
    out.end();
  }
}
