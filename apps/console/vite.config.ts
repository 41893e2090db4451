import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/console/',
  plugins: [vue(), Components({ resolvers: [ElementPlusResolver()], dts: 'src/components.d.ts' })],
  server: { port: 5173, proxy: { '/trpc': 'http://localhost:3000' } },
  build: { chunkSizeWarningLimit: 1200 },
});
