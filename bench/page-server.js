// The bench's own loopback web server for the browser measures: it serves the project's files (the
// built dist/, the peers' scripts under node_modules) and the bench's pages and feed, gzipped as a
// real server would (level 6, nginx's and Apache's usual setting) when the browser accepts it. Bodies
// are compressed once, before they are first timed (routes when the server starts, files on the first
// request, and every library's files are requested in a warm-up round), so no round waits for it.
//
//   const server = await startPageServer({ '/feed.json': { type: 'application/json', body: text } });
//   // server.origin, server.requests (paths in order), server.close()
//
// BENCH_DIST=<directory> serves that directory as /dist/ (a build made with `vite build --outDir …`
// for a comparison, leaving the shared dist/ alone).
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { root } from '../test/node/helpers/browser.js';

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

const DIST = process.env.BENCH_DIST ? resolve(process.env.BENCH_DIST) + sep : undefined;

/** The build the bench measures: dist/, or BENCH_DIST. */
export const distDir = DIST ?? join(root, 'dist') + sep;

const gzip = (body) => gzipSync(body, { level: 6 });

/** `routes`: path → { type, body } (string or Buffer) served before any file. */
export async function startPageServer(routes = {}) {
  const requests = [];
  /** path → gzipped body */
  const compressed = new Map(Object.entries(routes).map(([path, { body }]) => [path, gzip(body)]));
  const files = new Map();
  const server = http.createServer(async (req, res) => {
    const path = new URL(req.url, 'http://127.0.0.1').pathname;
    requests.push(path);
    let body;
    let type;
    if (routes[path]) {
      ({ body, type } = routes[path]);
    } else {
      const decoded = decodeURIComponent(path);
      const base = DIST && decoded.startsWith('/dist/') ? DIST : root;
      const file = normalize(join(base, base === DIST ? decoded.slice('/dist/'.length) : decoded));
      if (!file.startsWith(base)) return void res.writeHead(403).end();
      try {
        body = files.get(file) ?? (await readFile(file));
        files.set(file, body);
      } catch {
        return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      }
      type = TYPES[extname(file)] ?? 'application/octet-stream';
    }
    const headers = { 'Content-Type': type, 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' };
    const accepted = String(req.headers['accept-encoding'] ?? '');
    if (/\bgzip\b/.test(accepted)) {
      if (!compressed.has(path)) compressed.set(path, gzip(body));
      body = compressed.get(path);
      headers['Content-Encoding'] = 'gzip';
    }
    res.writeHead(200, headers);
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
