// `npm run manifest` writes custom-elements.json from the elements' JSDoc (@attr, @fires, @csspart,
// @cssprop…): it feeds Storybook's docs tables and editors' autocompletion.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/generated/**', 'src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
};
