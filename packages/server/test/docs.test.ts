import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createDb } from '../src/db/pool';
import { listen } from '../src/listen';
import { createLogger } from '../src/logger';

// /docs needs no database: the page, its files and /openapi.json are served from memory and the package.
const db = createDb({ databaseUrl: 'postgres://unused@127.0.0.1:1/none', max: 1 });
const { app } = createApp({
  config: loadConfig({ LOG_LEVEL: 'silent' }, 'dev'),
  db,
  log: createLogger('silent'),
});
let server: Awaited<ReturnType<typeof listen>>;
let baseUrl: string;

beforeAll(async () => {
  server = await listen({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.close();
  await db.close();
});

/** Every script and style sheet a page references. */
const referencedFiles = (html: string) =>
  [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\bhref)="([^"]+)"/g)].map((match) => match[1]!);

describe('GET /docs', () => {
  it('references only files that this server serves itself', async () => {
    const page = await fetch(`${baseUrl}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    const files = referencedFiles(html);
    expect(files).toEqual(['/docs/swagger-ui.css', '/docs/swagger-ui-bundle.js']);
    expect(html).not.toMatch(/https?:\/\//);
    for (const file of files) {
      const res = await fetch(new URL(file, baseUrl));
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-type'), file).toMatch(
        file.endsWith('.css') ? /^text\/css/ : /^text\/javascript/,
      );
      expect((await res.arrayBuffer()).byteLength, file).toBeGreaterThan(100_000);
    }
  });

  it('answers 404 for a file that is not part of the reference', async () => {
    const res = await fetch(`${baseUrl}/docs/index.html`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  // A documented check as well as a test: Debian's `chromium` renders the page with no network beyond this
  // server (QUIC and background networking off). Skipped where chromium is not installed.
  const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
  it.skipIf(!chromium)('renders the operations in headless Chromium', { timeout: 90_000 }, async () => {
    const profile = await mkdtemp(join(tmpdir(), 'yardpass-chromium-'));
    try {
      const { stdout } = await promisify(execFile)(
        chromium!,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          `--user-data-dir=${profile}`,
          '--virtual-time-budget=15000',
          '--dump-dom',
          `${baseUrl}/docs`,
        ],
        { timeout: 80_000, maxBuffer: 64 * 1024 * 1024 },
      );
      // Swagger UI rendered the contract: its title and an operation from it are in the DOM. With this many
      // operations it renders only the first screen of the list (the rest on scrolling), so the operation is
      // one of the first tag's.
      expect(stdout).toContain('Yardpass Sponsorships');
      expect(stdout).toContain('opblock-summary-path');
      expect(stdout).toContain('data-path="/v1/organizations/current"');
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
  });
});
