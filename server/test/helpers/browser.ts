/** Debian's Chromium through playwright-core (never a downloaded browser), and a host page of its own origin. */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { widgetsDir } from '../../src/http/routes/widgets.js';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(join(widgetsDir(), 'compact-widgets.js'))) {
    throw new Error('The widgets are not built: run `npm run build` at the repository root first (npm test does)');
  }
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

export interface HostSite {
  url: string;
  close(): Promise<void>;
}

/**
 * A council's or charity's own site: another origin than the compact server, serving the pages
 * given (path → HTML), so feeds, scripts and pledges all cross origins as they do in real life.
 */
export async function hostSite(pages: Record<string, string>): Promise<HostSite> {
  const server: Server = createServer((request, response) => {
    const page = pages[(request.url ?? '/').split('?')[0]];
    if (page === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  // "localhost" vs the server's 127.0.0.1: two different origins on one machine.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const page = (title: string, body: string, widgets: string) => `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${title}</title>
<script type="module" src="${widgets}/widgets/compact-widgets.js"></script></head>
<body><main>${body}</main></body></html>`;
