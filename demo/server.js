#!/usr/bin/env node
// `npm start`: the demo. Serves the demo pages and sample feeds with Vite (TypeScript compiled on the
// fly), and the demo's pledge endpoint at /api/pledges, on http://localhost:8080 (PORT to change).
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { createServer as createVite } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? 'localhost';

const vite = await createVite({
  root,
  configFile: false,
  appType: 'mpa',
  logLevel: 'warn',
  server: { middlewareMode: true, hmr: false },
});

let pledges = null;
try {
  const { createPledgeEndpoint } = await import('./pledge-endpoint.js');
  pledges = createPledgeEndpoint({ dataDir: fileURLToPath(new URL('./data/', import.meta.url)) });
} catch (error) {
  if (error.code !== 'ERR_MODULE_NOT_FOUND') throw error;
}

const server = http.createServer((req, res) => {
  const { pathname } = new URL(req.url, 'http://localhost');
  if (pathname === '/') {
    res.writeHead(302, { Location: '/demo/' });
    res.end();
    return;
  }
  if (pledges && pathname.startsWith('/api/pledges')) {
    pledges(req, res);
    return;
  }
  vite.middlewares(req, res);
});

server.listen(port, host, () => {
  console.log(`Compact Widgets demo: http://${host}:${port}/demo/`);
});

const stop = () => {
  server.close();
  void vite.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
