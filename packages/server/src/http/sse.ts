const HEARTBEAT_MS = 15_000;

/** Server-sent events: `id` (for Last-Event-ID), `event` (the type), `data` (the payload); heartbeats. */
export function sseResponse(events: AsyncGenerator<{ id: string | number; type: string }>): Response {
  const encoder = new TextEncoder();
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
      const event = next.value;
      controller.enqueue(
        encoder.encode(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`),
      );
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
