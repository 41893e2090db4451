import { createVitestConfig } from '@xinfang/vitest-config';

export default createVitestConfig();
