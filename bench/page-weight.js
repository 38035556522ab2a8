// The page-weight measure in the browser: which JavaScript files Chromium really downloads for a page
// with four elements before anyone interacts with it. The static-import closure (run.js) is what the
// build says; this is what happens, and it counts anything an element imports lazily at first paint.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../test/node/helpers/browser.js';

export const FOUR_ELEMENTS = ['compact-signatory-list', 'compact-pledge-form', 'compact-consultation-countdown', 'compact-pledge-badge'];

const DAY = 86_400_000;

/** The Southend sample feed with a consultation open now, so the countdown has something to count. */
export function fourElementFeed() {
  const feed = JSON.parse(readFileSync(join(root, 'demo/feeds/southend.json'), 'utf8'));
  const iso = (ms) => new Date(ms).toISOString().slice(0, 19) + 'Z';
  const now = Date.now();
  feed.consultations = [{ id: 'open-now', title: 'Community grants programme', opens: iso(now - 30 * DAY), closes: iso(now + 40 * DAY) }];
  return feed;
}

/**
 * Watches every animation frame for all four elements showing their feed, and keeps the time (ms from
 * navigation start) on `window.__ready`.
 */
const READY_PROBE = `<script>(() => {
  const tags = ${JSON.stringify(FOUR_ELEMENTS)};
  // Loaded, and not with its error and "Try again": a broken page must not time as ready.
  const shown = (tag) => {
    const base = document.querySelector(tag)?.shadowRoot?.querySelector('.base');
    return base && base.getAttribute('aria-busy') !== 'true' && !base.querySelector('[part~="retry"]');
  };
  const check = () => (tags.every(shown) ? (window.__ready = performance.now()) : requestAnimationFrame(check));
  requestAnimationFrame(check);
})();</script>`;

export function fourElementPage(src) {
  const badge = fourElementFeed().signatories[0].id;
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Our compact</title>
${READY_PROBE}
<script type="module" src="/dist/compact-widgets.js"></script></head><body><main>
<h1>Our compact</h1>
<compact-pledge-badge src="${src}" signatory="${badge}"></compact-pledge-badge>
<compact-consultation-countdown src="${src}"></compact-consultation-countdown>
<compact-signatory-list src="${src}"></compact-signatory-list>
<compact-pledge-form src="${src}"></compact-pledge-form>
</main></body></html>`;
}

/** Where the bench serves the four-element page. */
export const FOUR_ELEMENT_PATH = '/bench/four.html';

/** The page and its feed, as routes for startPageServer (page-server.js). */
export function fourElementRoutes() {
  return {
    [FOUR_ELEMENT_PATH]: { type: 'text/html; charset=utf-8', body: fourElementPage('/four-feed.json') },
    '/four-feed.json': { type: 'application/json', body: JSON.stringify(fourElementFeed()) },
  };
}

/**
 * dist/ files (as `compact-widgets.js`, `chunks/…`) Chromium fetched for `url` in a fresh context, by
 * the time every element shows its feed and the network has been quiet for half a second.
 */
export async function jsDownloadedBy(browser, url) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const fetched = [];
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (path.startsWith('/dist/') && path.endsWith('.js')) fetched.push(path.slice('/dist/'.length));
    });
    await page.goto(url);
    await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 30_000 }); // READY_PROBE
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    return [...new Set(fetched)];
  } finally {
    await context.close();
  }
}

/**
 * A slow phone on a slow mobile connection, as Lighthouse's simulated mobile profile describes one:
 * the CPU 4× slower than this machine's, 150 ms of latency, 1.6 Mbit/s down, 750 kbit/s up.
 */
export const SLOW_PHONE = {
  cpuSlowdown: 4,
  network: { latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 },
};

/**
 * ms from navigation start to the frame in which all four elements show their feed, on `url`, in a
 * fresh context (empty cache); as on `device` (Chrome DevTools Protocol emulation) when given.
 */
export async function readyAfter(browser, url, device) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    if (device) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...device.network });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: device.cpuSlowdown });
    }
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 60_000, polling: 100 });
    if (errors.length) throw new Error(`the four-element page: ${errors.join('; ')}`);
    return await page.evaluate(() => window.__ready);
  } finally {
    await context.close();
  }
}
