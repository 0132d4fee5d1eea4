import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../test/server.js';
import { assertBuilt, isolatedEnv } from './binary.js';
import { createTerminals } from './terminal.js';

// Real terminals: each test runs the built binary in a tmux pane, types into it and reads the screen.
const terminals = createTerminals();
const { waitFor, keys } = terminals;

let server: TestServer;
let env: Record<string, string>;

/** Starts `yardpass …` as the organizer in a fresh pane. */
const start = (args: string[], extraEnv: Record<string, string> = {}) =>
  terminals.start({ ...env, ...extraEnv }, args);

beforeAll(async () => {
  assertBuilt();
  server = await startTestServer();
  env = await isolatedEnv({
    YARDPASS_API_KEY: server.organizer.apiKey,
    YARDPASS_BASE_URL: server.baseUrl,
    TERM: 'xterm-256color',
  });
}, 60_000);

afterAll(async () => {
  terminals.close();
  await server?.close();
});

// Terminals are slow to drive when the whole suite runs in parallel: allow for it.
describe('yardpass on a terminal', { timeout: 30_000 }, () => {
  it('asks for a missing required value, then creates the sponsor', async () => {
    const pane = start(['sponsors', 'create', '--industry', 'beverages']);
    await waitFor(pane, 'Brand name:');
    keys(pane, '-l', 'Fizz Cola');
    keys(pane, 'Enter');
    const shown = await waitFor(pane, '[exit ');
    expect(shown).toContain('[exit 0]');
    expect(shown).toContain('✓ Created sponsor "Fizz Cola"');
    const { json } = await api(server, server.organizer)('GET', '/v1/sponsors');
    expect((json as { data: { name: string }[] }).data.map((sponsor) => sponsor.name)).toContain('Fizz Cola');
  });

  it('lets you choose the event from a list fetched from the API when the id is left out', async () => {
    await api(server, server.organizer)('POST', '/v1/events', {
      body: { title: 'Harvest Fair', starts_at: '2026-09-01T10:00:00Z', ends_at: '2026-09-01T18:00:00Z' },
    });
    const pane = start(['events', 'get']);
    await waitFor(pane, 'Harvest Fair');
    keys(pane, 'Enter');
    const shown = await waitFor(pane, '[exit ');
    expect(shown).toContain('[exit 0]');
    expect(shown).toMatch(/Starts at +2026-09-01 10:00 UTC/);
  });

  it('deletes nothing when the confirmation is answered no', async () => {
    const call = api(server, server.organizer);
    const created = await call('POST', '/v1/events', {
      body: { title: 'Keep Fest', starts_at: '2026-08-01T10:00:00Z', ends_at: '2026-08-01T18:00:00Z' },
    });
    const id = (created.json as { data: { id: string } }).data.id;
    const pane = start(['events', 'delete', id]);
    await waitFor(pane, `Delete event "Keep Fest" (${id})? This cannot be undone.`);
    keys(pane, 'n');
    keys(pane, 'Enter');
    const shown = await waitFor(pane, '[exit ');
    expect(shown).toContain('Cancelled: nothing was changed.');
    expect(shown).toContain('[exit 2]');
    expect((await call('GET', `/v1/events/${id}`)).status).toBe(200);
  });

  it('exits quietly with 130 on Ctrl+C while waiting for the server, clearing the spinner', async () => {
    // A server that takes the request and never answers.
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const pane = start(['events', 'list'], { YARDPASS_BASE_URL: `http://127.0.0.1:${port}` });
      await waitFor(pane, 'Fetching events');
      keys(pane, 'C-c');
      const shown = await waitFor(pane, '[exit ');
      expect(shown).toContain('[exit 130]');
      expect(shown).not.toContain('Fetching events');
      expect(shown).not.toContain('error');
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  it('exits quietly with 130 on Ctrl+C in a prompt', async () => {
    const pane = start(['sponsors', 'create']);
    await waitFor(pane, 'Brand name:');
    keys(pane, 'C-c');
    const shown = await waitFor(pane, '[exit ');
    expect(shown).toContain('[exit 130]');
    expect(shown).not.toContain('error');
  });
});
