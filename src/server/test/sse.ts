import type { RoomSummary } from '../../shared/checkin';

/** Reads a live room stream (Server-Sent Events) one `room` event at a time. */
export function roomEvents(response: Response): () => Promise<RoomSummary> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return async () => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(message);
        if (message.includes('event: room') && data) return JSON.parse(data[1]!) as RoomSummary;
        continue;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buffer += decoder.decode(value, { stream: true });
    }
  };
}

/** Reads a live stream one event of the given name at a time (`hall` for the hall screen). */
export function sseEvents<T>(response: Response, name: string): () => Promise<T> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return async () => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(message);
        if (message.includes(`event: ${name}`) && data) return JSON.parse(data[1]!) as T;
        continue;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buffer += decoder.decode(value, { stream: true });
    }
  };
}
