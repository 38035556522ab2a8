// Test-server routes for the loader and embed tests (test/helpers/test-routes.js has the feed itself):
//   /test-redirect?to=<address>&status=302     answers a redirect to that address
//   /test-embed?<query>                         the embed page (embed-public/embed.html) built from the
//                                               sources, so src/embed/embed.ts can be tested in an iframe
//   /test-embed-host                            a page with embed-public/embed-host.js and one iframe
import { readFileSync } from 'node:fs';

const embedPage = () =>
  readFileSync(new URL('../../embed-public/embed.html', import.meta.url), 'utf8')
    .replace('./embed.css', '/embed-public/embed.css')
    .replace('./compact-widgets.js', '/src/bundle.ts')
    .replace('./embed.js', '/src/embed/embed.ts');

export async function feedTestRoutes(ctx, next) {
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
    ctx.type = 'text/html';
    ctx.body = page;
    return;
  }
  return next();
}
