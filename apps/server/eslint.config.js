import { createEslintConfig } from '@xinfang/eslint-config';

export default createEslintConfig({ layer: 'server', tsconfigRootDir: import.meta.dirname });
