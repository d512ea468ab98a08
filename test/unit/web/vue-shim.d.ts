// The root tsconfig (tsc, not vue-tsc) excludes web/; this lets it type the .vue imports of these tests.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<Record<string, unknown>, object, unknown>;
  export default component;
}
