// `npm run manifest` writes custom-elements.json from the elements' JSDoc (@attr, @fires, @csspart,
// @cssprop…): it feeds Storybook's docs tables, editors' autocompletion and the API tables of
// docs/elements/*.md and docs/cms.md (scripts/element-docs.js).
import { parse } from 'comment-parser';

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

/**
 * The analyzer takes an attribute's type and default from its class field (`string`, `DEFAULT_TIMEOUT`),
 * not from the JSDoc. For a webmaster the JSDoc says it better, so where an `@attr` gives them they win:
 *   @attr {'inline' | 'card'} [variant=inline] - …      @attr {number} [timeout=15000] - …
 */
function jsdocAttributePlugin() {
  const documented = new Map(); // class name → Map(attribute → { type, default })
  return {
    name: 'compact-jsdoc-attribute-types',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const attributes = new Map();
      for (const doc of node.jsDoc ?? []) {
        for (const block of parse(doc.getFullText())) {
          for (const tag of block.tags) {
            if (tag.tag !== 'attr' && tag.tag !== 'attribute') continue;
            attributes.set(tag.name, { type: tag.type || undefined, default: tag.default });
          }
        }
      }
      if (attributes.size > 0) documented.set(node.name.text, attributes);
    },
    moduleLinkPhase({ moduleDoc }) {
      for (const declaration of moduleDoc.declarations ?? []) {
        const attributes = documented.get(declaration.name);
        if (!attributes) continue;
        for (const attribute of declaration.attributes ?? []) {
          const jsdoc = attributes.get(attribute.name);
          if (jsdoc?.type) attribute.type = { text: jsdoc.type };
          if (jsdoc?.default !== undefined) attribute.default = jsdoc.default;
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
  plugins: [defineElementPlugin(), jsdocAttributePlugin()],
};
