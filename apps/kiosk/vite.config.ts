import { VantResolver } from '@vant/auto-import-resolver';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { defineConfig, type Plugin } from 'vite';

// Vant's icon font lists a remote woff after the inlined woff2; nothing may be fetched from the internet at run time.
function stripRemoteFontSources(): Plugin {
  return {
    name: 'xinfang-strip-remote-font-sources',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('vant') || !id.endsWith('.css')) return null;
      return code.replace(/,\s*url\(\/\/at\.alicdn\.com[^)]*\)\s*format\("woff"\)/g, '');
    },
  };
}

export default defineConfig({
  base: '/kiosk/',
  plugins: [stripRemoteFontSources(), vue(), Components({ resolvers: [VantResolver()], dts: 'src/components.d.ts' })],
  server: { port: 5174, proxy: { '/trpc': 'http://localhost:3000' } },
});
