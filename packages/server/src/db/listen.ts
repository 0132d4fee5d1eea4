import type pg from 'pg';

/**
 * Calls `onMessage` with the payload of every notification on `channel` committed from now on, on a
 * connection of its own held until the returned function is called; `onLost` if that connection fails.
 */
export async function listen(
  pool: pg.Pool,
  channel: string,
  listener: { onMessage: (payload: string) => void; onLost: () => void },
): Promise<() => Promise<void>> {
  const client = await pool.connect();
  const handler = (message: pg.Notification) => {
    if (message.channel === channel) listener.onMessage(message.payload ?? '');
  };
  const lost = () => listener.onLost();
  client.on('notification', handler);
  client.on('error', lost);
  client.on('end', lost);
  try {
    await client.query(`listen ${channel}`);
  } catch (error) {
    client.release(true);
    throw error;
  }
  return () => {
    client.off('notification', handler);
    client.off('error', lost);
    client.off('end', lost);
    // A connection that listened is not handed to anyone else.
    client.release(true);
    return Promise.resolve();
  };
}
