import { fileURLToPath } from 'node:url';
import { createVitestConfig } from '@xinfang/vitest-config';

export default createVitestConfig({ dbGlobalSetup: fileURLToPath(new URL('../../packages/db/src/testing/global-setup.ts', import.meta.url)) });
