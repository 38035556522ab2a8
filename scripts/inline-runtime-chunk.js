/**
 * A Vite plugin for the script-tag build (vite.config.ts): copies Rolldown's runtime helpers into
 * each chunk that uses them, and drops the chunk of their own that Rolldown gives them when more than
 * one chunk needs one.
 *
 * Why: the shared chunk imported that runtime chunk, and a browser learns of a static import only
 * once the importing chunk has arrived. Every page therefore waited one more round trip after the
 * shared chunk before any element could run: with 150 ms of latency, the first rows of a page with
 * four elements came 117 ms later. The helpers are a few hundred bytes. Rolldown's chunk groups
 * cannot take them (they never see the runtime module; rolldown/rolldown#2654 asks for an option).
 *
 * Each import of the runtime is blanked to spaces of its own length, so every position in the
 * chunk, and so its source map, stays as it was. The helpers follow the chunk's code, inside one
 * function run at first use; each imported name becomes a function declaration (hoisted, so usable
 * from the chunk's first line) that calls the helper. Rolldown's runtime helpers are all functions.
 */
import { posix } from 'node:path';

const RUNTIME_MODULE = '\0rolldown/runtime.js';
const HOLDER = '__compactRuntime';

/** `a`, `b as c` → [['a', 'a'], ['b', 'c']] (exported or imported name, local name). */
function bindings(list) {
  return list
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [name, local = name] = part.split(/\s+as\s+/);
      return [name, local];
    });
}

/** The plugin's name, for a config that leaves it out (.storybook/main.ts). */
export const PLUGIN_NAME = 'compact-widgets:inline-runtime-chunk';

/** A chunk's source map comment, which a browser reads only as the file's last line. */
const SOURCE_MAP_COMMENT = /\n\/\/# sourceMappingURL=[^\n]*\s*$/;

export function inlineRuntimeChunk() {
  return {
    name: PLUGIN_NAME,
    apply: 'build',
    generateBundle(_options, bundle) {
      const runtime = Object.values(bundle).find(
        (file) => file.type === 'chunk' && file.moduleIds.length === 1 && file.moduleIds[0] === RUNTIME_MODULE,
      );
      if (!runtime) return;
      const code = runtime.code.replace(SOURCE_MAP_COMMENT, '');
      const exportStatement = /export\s*\{([^}]*)\};?\s*$/.exec(code);
      if (!exportStatement) this.error(`${runtime.fileName}: no export statement at its end`);
      const exported = new Map(bindings(exportStatement[1]).map(([local, name]) => [name, local]));
      const helpers =
        // Added after the build has lowered the code for its target: written for any browser.
        `function ${HOLDER}(){return ${HOLDER}.v||(${HOLDER}.v=(()=>{${code.slice(0, exportStatement.index)}` +
        `;return{${[...exported].map(([name, local]) => `${JSON.stringify(name)}:${local}`).join(',')}}})())}`;

      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.imports.includes(runtime.fileName)) continue;
        if (chunk.code.includes(HOLDER)) this.error(`${chunk.fileName} already uses the name ${HOLDER}`);
        const from = posix.relative(posix.dirname(chunk.fileName), runtime.fileName);
        const specifier = from.startsWith('.') ? from : `./${from}`;
        const wrappers = [];
        chunk.code = chunk.code.replace(/import\s*\{([^}]*)\}\s*from\s*(["'`])([^"'`]+)\2;?/g, (statement, names, _q, path) => {
          if (path !== specifier) return statement;
          for (const [name, local] of bindings(names)) {
            if (!exported.has(name)) this.error(`${chunk.fileName} imports ${name}, which ${runtime.fileName} does not export`);
            wrappers.push(`function ${local}(...a){return ${HOLDER}()[${JSON.stringify(name)}](...a)}`);
          }
          return ' '.repeat(statement.length);
        });
        if (wrappers.length === 0 || chunk.code.includes(specifier)) {
          this.error(`${chunk.fileName}: its import of ${runtime.fileName} is not a plain named import`);
        }
        // Before the source map comment.
        const end = SOURCE_MAP_COMMENT.exec(chunk.code)?.index ?? chunk.code.length;
        chunk.code = `${chunk.code.slice(0, end)}\n${wrappers.join('')}${helpers}${chunk.code.slice(end)}`;
        chunk.imports = chunk.imports.filter((name) => name !== runtime.fileName);
      }
      delete bundle[runtime.fileName];
      delete bundle[`${runtime.fileName}.map`];
    },
  };
}
