import { createEslintConfig } from '@xinfang/eslint-config';

export default createEslintConfig({ layer: 'app', vue: true, node: false, tsconfigRootDir: import.meta.dirname });
