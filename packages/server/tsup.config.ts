import { cp } from 'node:fs/promises';
import { packageConfig } from '../../tsup.base';

export default packageConfig({
  entry: ['src/main.ts', 'src/index.ts'],
  format: ['esm'],
  target: 'node20',
  // The bundle reads the contract and the SQL migrations from files beside it.
  onSuccess: async () => {
    await cp('../../openapi.yaml', 'dist/openapi.yaml');
    await cp('src/db/migrations', 'dist/migrations', { recursive: true });
  },
});
