// Lets TypeScript (vue-tsc) resolve single-file components imported from .ts modules.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
