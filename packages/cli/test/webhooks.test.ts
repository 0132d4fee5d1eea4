import { spawn } from 'node:child_process';
import { verify } from '@yardpass/webhook-verifier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../../server/test/receiver.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { assertBuilt, BINARY, loggedInEnv, yardpass } from './binary.js';

let server: TestServer;
let receiver: Receiver;
let env: Record<string, string>;
const run = (...args: string[]) => yardpass({ args, env });

beforeAll(async () => {
  assertBuilt();
  server = await startTestServer({ YARDPASS_ALLOW_PRIVATE_WEBHOOK_URLS: 'true' }, { worker: true });
  receiver = await startReceiver();
  env = await loggedInEnv(server.baseUrl, server.organizer.apiKey);
}, 60_000);

afterAll(async () => {
  await receiver?.close();
  await server?.close();
});

describe('yardpass webhooks', { timeout: 60_000 }, () => {
  it('listen forwards each streamed event, signed with the printed secret, and prints the local status', async () => {
    receiver.answer(() => ({ status: 202 }));
    const child = spawn(
      process.execPath,
      [BINARY, 'webhooks', 'listen', '--forward-to', receiver.url, '--events', 'order.funded,ping'],
      { env },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    try {
      const secret = await new Promise<string>((resolve, reject) => {
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          const match = /signing secret is (whsec_[A-Za-z0-9+/=]+)/.exec(stderr);
          if (match) resolve(match[1]!);
        });
        child.on('exit', () => reject(new Error(`listen exited: ${stderr}`)));
      });
      const triggered = await run('webhooks', 'trigger', 'order.funded', '--json');
      expect(triggered.code, triggered.stderr).toBe(0);
      const event = JSON.parse(triggered.stdout) as { id: string };
      expect((await run('webhooks', 'trigger', 'payout.failed')).code).toBe(0);
      const [arrival] = await receiver.waitFor(1);
      const verified = await verify(arrival!.body, arrival!.headers, secret);
      expect(verified).toMatchObject({ id: event.id, type: 'order.funded' });
      await expect.poll(() => stdout, { timeout: 10_000 }).toContain(`order.funded [${event.id}]  <-- 202`);
      expect(stdout).not.toContain('payout.failed');
    } finally {
      child.kill();
    }
  });

  it('listen keeps its URL and secret for the profile: a second run without flags forwards the same way', async () => {
    const started = async (args: string[]) => {
      const child = spawn(process.execPath, [BINARY, 'webhooks', 'listen', ...args], { env });
      let stderr = '';
      const ready = await new Promise<string>((resolve, reject) => {
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          if (/signing secret is whsec_/.test(stderr)) resolve(stderr);
        });
        child.on('exit', () => reject(new Error(`listen exited: ${stderr}`)));
      });
      child.kill();
      return ready;
    };
    const secretIn = (text: string) => /signing secret is (whsec_[A-Za-z0-9+/=]+)/.exec(text)?.[1];
    const first = await started(['--forward-to', `${receiver.url}/kept`]);
    const second = await started([]);
    expect(second).toContain(`Forwarding events to ${receiver.url}/kept`);
    expect(secretIn(second)).toBe(secretIn(first));
    const refused = await run('webhooks', 'listen', '--forward-to', `${server.baseUrl}/hooks`);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is the Yardpass server itself');
  });

  it('manages endpoints, shows events with their deliveries, and replays a delivery', async () => {
    const created = await run(
      'webhooks',
      'endpoints',
      'create',
      '--url',
      receiver.url,
      '--event-types',
      'sla.breached',
      '--json',
    );
    expect(created.code, created.stderr).toBe(0);
    const endpoint = JSON.parse(created.stdout) as { id: string; secret: string };
    expect(endpoint.secret).toMatch(/^whsec_/);
    const list = await run('webhooks', 'endpoints', 'list');
    expect(list.stdout).toContain(endpoint.id);

    const event = JSON.parse((await run('webhooks', 'trigger', 'sla.breached', '--json')).stdout) as {
      id: string;
    };
    await expect
      .poll(
        async () => (await run('webhooks', 'deliveries', 'list', '--event-id', event.id, '--json')).stdout,
        {
          timeout: 15_000,
        },
      )
      .toContain('"succeeded"');
    const shown = await run('webhooks', 'events', 'get', event.id);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('succeeded');
    const deliveries = JSON.parse(
      (await run('webhooks', 'deliveries', 'list', '--event-id', event.id, '--json')).stdout,
    ) as { id: string }[];
    const replayed = await run('webhooks', 'replay', deliveries[0]!.id);
    expect(replayed.code, replayed.stderr).toBe(0);
    expect(replayed.stderr).toContain('Queued delivery');
    const rotated = await run('webhooks', 'endpoints', 'rotate-secret', endpoint.id, '--yes', '--json');
    expect(JSON.parse(rotated.stdout).secret).not.toBe(endpoint.secret);
    const types = await run('webhooks', 'event-types');
    expect(types.stdout).toContain('order.funded');
    expect((await run('webhooks', 'trigger', 'order.exploded')).code).not.toBe(0);
  });
});
