const HEARTBEAT_MS = 15_000;
const encoder = new TextEncoder();
// A notification fanned out to many streams of this process is one event object: its frame is encoded once, not
// once per client (1,000 command-center clients spent most of a change's time serializing the same event).
const frames = new WeakMap<object, Uint8Array>();

function frameOf(event: { id: string | number; type: string }): Uint8Array {
  let frame = frames.get(event);
  if (!frame) {
    frame = encoder.encode(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    frames.set(event, frame);
  }
  return frame;
}

/** Server-sent events: `id` (for Last-Event-ID), `event` (the type), `data` (the payload); heartbeats. */
export function sseResponse(events: AsyncGenerator<{ id: string | number; type: string }>): Response {
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(': connected\n\n'));
      heartbeat = setInterval(() => controller.enqueue(encoder.encode(': heartbeat\n\n')), HEARTBEAT_MS);
    },
    async pull(controller) {
      const next = await events.next().catch(() => ({ done: true as const, value: undefined }));
      if (next.done) {
        clearInterval(heartbeat);
        controller.close();
        return;
      }
      controller.enqueue(frameOf(next.value));
    },
    async cancel() {
      clearInterval(heartbeat);
      await events.return(undefined);
    },
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      'x-accel-buffering': 'no',
    },
  });
}
