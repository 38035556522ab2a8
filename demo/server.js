#!/usr/bin/env node
// `npm start`: the demo, on the real compact-server. The server publishes the sample feeds at
// /feeds/<id>.json, takes pledges at the endpoint those feeds name, and serves the built widgets at
// /widgets/; Vite serves the demo pages themselves (/demo/, TypeScript compiled on the fly).
//
// Configuration is the server's own (server/README.md): PORT (8080), HOST, DATA_DIR (./data),
// DATABASE_URL, PUBLIC_URL … On first start, with an empty database, the sample feeds in
// demo/feeds/ are imported; pledges then go through `npx compact-server pledges approve <id>`.
import http from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer as createVite } from 'vite';
import { importFeed, listCompacts, loadConfig, openDatabase, startServer, SYSTEM, systemClock } from 'compact-server';

const root = fileURLToPath(new URL('..', import.meta.url));
const feedsDir = new URL('./feeds/', import.meta.url);

// Vite serves only what the demo pages need; every other path is the real server's.
const VITE_PATHS = /^\/(demo|src|node_modules|@vite|@id|@fs|stories)(\/|$)|^\/custom-elements\.json$/;

async function seedSampleFeeds(config) {
  const database = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    if ((await listCompacts(database.db)).length > 0) return;
    for (const file of readdirSync(feedsDir).filter((f) => f.endsWith('.json')).sort()) {
      // The samples' privacy notice is the demo's own page, on whatever address this demo runs at.
      const result = await importFeed(database.db, readFileSync(new URL(file, feedsDir), 'utf8'), { clock: systemClock, actor: SYSTEM, serverPrivacyNotice: true });
      if (!result.ok) throw new Error(`demo/feeds/${file} could not be imported: ${JSON.stringify(result.problems)}`);
      console.log(`Imported the sample feed ${result.compactId} (${result.signatories} signatories)`);
    }
  } finally {
    await database.close();
  }
}

const base = loadConfig();
const config = { ...base, privacyNoticeUrl: base.privacyNoticeUrl ?? `${base.publicUrl}/demo/privacy.html` };
await seedSampleFeeds(config);

const vite = await createVite({
  root,
  configFile: false,
  appType: 'mpa',
  logLevel: 'warn',
  // No hot reload and no websocket: a second demo on another PORT must not clash with the first.
  server: { middlewareMode: true, hmr: false, ws: false },
  // Vite still puts its client in every page, which then fails to reach the websocket there is
  // none of, and says so in the console as an uncaught error (vitejs/vite#13994, "wontfix").
  plugins: [
    {
      name: 'demo:no-vite-client',
      transformIndexHtml: {
        order: 'post',
        handler: (html) => html.replace(/<script type="module" src="\/@vite\/client"><\/script>\s*/, ''),
      },
    },
  ],
});

const server = await startServer(config, {
  serverFactory: (handler) =>
    http.createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      if (path === '/') {
        res.writeHead(302, { Location: '/demo/' });
        res.end();
      } else if (VITE_PATHS.test(path)) {
        vite.middlewares(req, res);
      } else {
        handler(req, res);
      }
    }),
});

console.log(`Compact Widgets demo: ${config.publicUrl}/demo/ (server on ${server.address}, ${server.database.dialect} at ${server.database.location})`);

const stop = () => {
  Promise.all([server.stop(), vite.close()]).then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
