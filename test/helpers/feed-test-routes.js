// Test-server routes for the loader and embed tests (test/helpers/test-routes.js has the feed itself):
//   /test-redirect?to=<address>&status=302     answers a redirect to that address
//   /test-embed?<query>                         the embed page (embed-public/embed.html) built from the
//                                               sources, so src/embed/embed.ts can be tested in an iframe
//                                               (&feeds=<origins> fills its allow-list; &csp with
//                                               compact-server's Content-Security-Policy for it)
//   /feeds/<compact id>.json                    the demo's sample feeds, where the demo server publishes them
//   /custom-elements.json                       written by `npm run manifest` first if it is missing
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../../', import.meta.url);
const samplesDir = new URL('demo/feeds/', root);

/** The sample feeds by compact id (southend, south-ayrshire, south-lanarkshire, ceredigion). */
function sampleFeeds() {
  const feeds = new Map();
  if (!existsSync(samplesDir)) return feeds;
  for (const file of readdirSync(samplesDir).filter((f) => f.endsWith('.json'))) {
    const text = readFileSync(new URL(file, samplesDir), 'utf8');
    const id = JSON.parse(text)?.compact?.id;
    if (typeof id === 'string') feeds.set(id, text);
  }
  return feeds;
}

/** custom-elements.json is generated (and git-ignored): make it once if this checkout has none. */
function ensureManifest() {
  const manifest = new URL('custom-elements.json', root);
  if (!existsSync(manifest)) {
    const cli = fileURLToPath(new URL('node_modules/@custom-elements-manifest/analyzer/cem.js', root));
    execFileSync(process.execPath, [cli, 'analyze', '--quiet'], { cwd: fileURLToPath(root), stdio: 'ignore' });
  }
  return readFileSync(manifest, 'utf8');
}

/** The policy compact-server sends with embed.html (EMBED_PAGE_CSP in server/src/http/routes/widgets.ts; server/test/public/embed-policy.test.ts checks they agree). */
export const EMBED_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "object-src 'none'",
  'frame-ancestors *',
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

const embedPage = () =>
  readFileSync(new URL('../../embed-public/embed.html', import.meta.url), 'utf8')
    .replace('./embed.css', '/embed-public/embed.css')
    .replace('./compact-widgets.js', '/src/bundle.ts')
    .replace('./embed.js', '/src/embed/embed.ts');

export async function feedTestRoutes(ctx, next) {
  const feed = /^\/feeds\/([a-z0-9-]+)\.json$/.exec(ctx.path);
  if (feed) {
    const text = sampleFeeds().get(feed[1]);
    if (text === undefined) return next();
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.type = 'application/json';
    ctx.body = text;
    return;
  }
  if (ctx.path === '/custom-elements.json') {
    ctx.type = 'application/json';
    ctx.body = ensureManifest();
    return;
  }
  if (ctx.path === '/test-redirect') {
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.status = Number(ctx.query.status ?? 302);
    ctx.set('Location', String(ctx.query.to));
    ctx.body = '';
    return;
  }
  if (ctx.path === '/test-embed') {
    let page = embedPage();
    if (ctx.query.feeds !== undefined) {
      page = page.replace('name="compact-widgets-feeds" content=""', `name="compact-widgets-feeds" content="${String(ctx.query.feeds).replace(/[^\w:/. -]/g, '')}"`);
    }
    if (ctx.query.csp !== undefined) ctx.set('Content-Security-Policy', EMBED_PAGE_CSP);
    ctx.type = 'text/html';
    ctx.body = page;
    return;
  }
  return next();
}
