import { createEslintConfig } from '@xinfang/eslint-config';

export default createEslintConfig({ layer: 'domain', node: false, tsconfigRootDir: import.meta.dirname });
