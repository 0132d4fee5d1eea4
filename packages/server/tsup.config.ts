import { packageConfig } from '../../tsup.base';

export default packageConfig({ entry: ['src/main.ts', 'src/index.ts'], format: ['esm'], target: 'node20' });
