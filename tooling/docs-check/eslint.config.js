import { createEslintConfig } from '@xinfang/eslint-config';

export default createEslintConfig({ layer: 'tool', tsconfigRootDir: import.meta.dirname });
