import { packageConfig } from '../../tsup.base';

export default packageConfig({ entry: ['src/main.ts'], format: ['esm'], dts: false, target: 'node20' });
