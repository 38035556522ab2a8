// `npm run manifest` writes custom-elements.json from the elements' JSDoc (@attr, @fires, @csspart,
// @cssprop…): it feeds Storybook's docs tables and editors' autocompletion.

/** Our elements register through defineElement('tag', Class) (see src/core/define.ts), which the
 *  analyzer does not know: read those calls and mark each class as the custom element it defines. */
function defineElementPlugin() {
  const definitions = new Map(); // class name → tag
  return {
    name: 'compact-define-element',
    analyzePhase({ ts, node }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'defineElement') return;
      const [tag, cls] = node.arguments;
      if (tag && cls && ts.isStringLiteral(tag) && ts.isIdentifier(cls)) definitions.set(cls.text, tag.text);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          const tag = definitions.get(declaration.name);
          if (!tag) continue;
          declaration.tagName = tag;
          declaration.customElement = true;
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/generated/**', 'src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  plugins: [defineElementPlugin()],
};
