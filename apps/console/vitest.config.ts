import { mergeConfig } from 'vite';
import { createVitestConfig } from '@xinfang/vitest-config';
import viteConfig from './vite.config.ts';

export default mergeConfig(viteConfig, createVitestConfig({ environment: 'happy-dom', server: { deps: { inline: ['element-plus'] } } }));
