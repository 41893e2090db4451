// For tools that read TypeScript without Vue support (typescript-eslint); vue-tsc uses the real .vue types.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
