/** Debian's Chromium through playwright-core (never a downloaded browser), and a host page of its own origin. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO } from './server.js';
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

const AXE_SOURCE = readFileSync(fileURLToPath(new URL('node_modules/axe-core/axe.min.js', REPO)), 'utf8');

/**
 * axe-core's WCAG 2.2 A and AA rules (and best practices) on the page as it is, as "rule: targets"
 * lines. Evaluated through the DevTools protocol, so the page's own CSP does not stop it.
 */
export async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    const run = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run;
    return run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
