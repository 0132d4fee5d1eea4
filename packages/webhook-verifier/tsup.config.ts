import { packageConfig } from '../../tsup.base';

export default packageConfig({
  entry: {
    index: 'src/index.ts',
    web: 'src/web.ts',
    express: 'src/adapters/express.ts',
    hono: 'src/adapters/hono.ts',
    next: 'src/adapters/next.ts',
    'node-http': 'src/adapters/node.ts',
  },
  // Adapters import the main entry by package name instead of bundling a copy: the export conditions
  // then pick node:crypto or Web Crypto for them too, and every entry shares one WebhookVerificationError.
  external: ['@yardpass/webhook-verifier'],
});
