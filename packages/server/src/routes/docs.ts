import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Hono } from 'hono';
import { NotFoundError } from '../errors';
import type { AppEnv } from '../http/response';

/** The files of the swagger-ui-dist package the page loads, and their content types. */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Yardpass Sponsorships API</title>
    <link rel="stylesheet" href="/docs/swagger-ui.css" />
  </head>
  <body>
    <div id="reference"></div>
    <script src="/docs/swagger-ui-bundle.js"></script>
    <script>
      SwaggerUIBundle({ url: '/openapi.json', dom_id: '#reference', deepLinking: true, persistAuthorization: true });
    </script>
  </body>
</html>
`;

/**
 * The interactive API reference at `/docs`: Swagger UI, its script and style sheet served from the installed
 * swagger-ui-dist package (read once, on first use), so the page renders where no CDN is reachable.
 */
export function registerDocsRoutes(app: Hono<AppEnv>): void {
  const folder = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const files = new Map<string, Promise<Buffer>>();
  app.get('/docs', (c) => c.html(PAGE));
  // honoPath('/docs/{file}'), spelled out so that Hono types the parameter.
  app.get('/docs/:file{[^/:]+}', async (c) => {
    const name = c.req.param('file');
    const type = ASSETS[name];
    if (!type) throw new NotFoundError(`file: the API reference serves ${Object.keys(ASSETS).join(' and ')}`);
    let file = files.get(name);
    if (!file) files.set(name, (file = readFile(join(folder, name))));
    return c.body(new Uint8Array(await file), 200, {
      'content-type': type,
      'cache-control': 'public, max-age=86400',
    });
  });
}
