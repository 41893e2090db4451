import { createEslintConfig } from '@xinfang/eslint-config';

export default createEslintConfig({ layer: 'db', tsconfigRootDir: import.meta.dirname });
