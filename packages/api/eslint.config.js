import { createEslintConfig } from '@xinfang/eslint-config';

export default createEslintConfig({ layer: 'api', tsconfigRootDir: import.meta.dirname });
