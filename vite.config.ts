import { defineConfig } from 'vite';
import { resolve } from 'node:path';
import { inlineRuntimeChunk } from './scripts/inline-runtime-chunk.js';
import { minifyCssLiterals } from './scripts/minify-css-literals.js';
import { thirdPartyLicences } from './scripts/third-party-licences.js';

/**
 * Two builds (see package.json "build"):
 * - default: the script-tag bundle, dist/compact-widgets.js (src/bundle.ts), one ES module that
 *   defines every element; each element's code, chart.js and each non-English locale are chunks
 *   loaded on demand from beside it (dynamic imports resolve relative to the module, wherever it
 *   is hosted);
 * - `--mode lib`: the npm package's ES modules in dist/lib, one file per source module, with lit,
 *   @lit/localize and chart.js left as dependencies so an app bundles them once.
 */
export default defineConfig(({ mode }) => {
  if (mode === 'lib') {
    return {
      publicDir: false,
      build: {
        outDir: 'dist/lib',
        emptyOutDir: true,
        minify: false,
        sourcemap: true,
        lib: {
          entry: {
            index: resolve('src/index.ts'),
            'feed/index': resolve('src/feed/index.ts'),
          },
          formats: ['es'],
        },
        rolldownOptions: {
          external: [/^lit($|\/)/, /^@lit\//, /^chart\.js($|\/)/],
          output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
        },
      },
    };
  }
  return {
    publicDir: 'embed-public',
    // No chunk of Rolldown's helpers for the shared chunk to wait on (see the plugin).
    plugins: [inlineRuntimeChunk(), minifyCssLiterals(), thirdPartyLicences()],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      sourcemap: true,
      // embed.html, embed.css and embed-host.js are static files copied beside the bundle.
      copyPublicDir: true,
      lib: {
        entry: { 'compact-widgets': resolve('src/bundle.ts'), embed: resolve('src/embed/embed.ts') },
        formats: ['es'],
        fileName: (_format, name) => `${name}.js`,
      },
      rolldownOptions: {
        // Each entry keeps its own code (compact-widgets.js is not a stub importing a chunk), and chunks never
        // import an entry, which would load a second copy when a page adds ?ver=… to the script URL.
        preserveEntrySignatures: 'strict',
        output: {
          minify: true,
          // These files are what browsers run, not inputs to another bundler: its /* @__PURE__ */
          // annotations are 0.3 kB of the four-element page.
          comments: { legal: false, annotation: false, jsdoc: false },
          // Name each element's chunk after its folder (every entry module is called define.ts).
          chunkFileNames: (chunk) => {
            const folder = chunk.facadeModuleId?.match(/src\/([\w-]+)\/define\.ts$/)?.[1];
            return `chunks/${folder ?? '[name]'}-[hash].js`;
          },
          // Lit and the shared src/ folders (core, feed, i18n) go into one "shared" chunk rather than
          // several tiny ones, so a page with a few elements makes fewer requests. The full feed
          // validator stays a chunk of its own: the widgets load it only for a feed with problems.
          advancedChunks: {
            groups: [
              {
                name: 'shared',
                test: /node_modules[\\/](lit|lit-html|lit-element|@lit)[\\/]|src[\\/](core|i18n)[\\/]|src[\\/]feed[\\/](?!validate\.ts)|src[\\/]generated[\\/]locale-codes/,
              },
            ],
          },
        },
      },
    },
  };
});
