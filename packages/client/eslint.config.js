import { createEslintConfig } from '@xinfang/eslint-config';

export default createEslintConfig({ layer: 'client', node: false, vue: true, tsconfigRootDir: import.meta.dirname });
