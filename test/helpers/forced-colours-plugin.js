// A web-test-runner server command that puts the test's page in Chromium's real forced-colours mode:
// `emulateMedia` from @web/test-runner-commands cannot (its puppeteer path sends only colour scheme
// and reduced motion). The DevTools protocol's forced-colors media feature makes Chromium force
// colours as Windows High Contrast does (system colours, backgrounds and box shadows dropped), not
// only answer the media query. With `prefers-color-scheme: dark` beside it Chromium takes a dark
// palette (Canvas black, CanvasText white, LinkText yellow), as High Contrast Black; light is
// Canvas white. Browser side: test/helpers/forced-colours.ts.

/** One DevTools session per page, kept open: emulation ends when the session that set it detaches. */
const sessions = new WeakMap();

/** @param {import('puppeteer-core').Page} page */
async function cdpOf(page) {
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = await page.createCDPSession();
    sessions.set(page, cdp);
  }
  return cdp;
}

export function forcedColoursPlugin() {
  return {
    name: 'emulate-forced-colors',
    /** @param {{ command: string, payload: unknown, session: any }} args */
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-forced-colors') return undefined;
      if (session.browser.type !== 'puppeteer') {
        throw new Error(`emulate-forced-colors needs the chrome launcher, not ${session.browser.type}`);
      }
      const { active, scheme = 'light' } = /** @type {{ active?: unknown, scheme?: unknown }} */ (payload ?? {});
      if (typeof active !== 'boolean' || (scheme !== 'light' && scheme !== 'dark')) {
        throw new Error("emulate-forced-colors needs { active: boolean, scheme?: 'light' | 'dark' }");
      }
      const cdp = await cdpOf(session.browser.getPage(session.id));
      // An empty list ends this session's override, so the page is as Chromium starts it.
      await cdp.send('Emulation.setEmulatedMedia', {
        features: active
          ? [
              { name: 'forced-colors', value: 'active' },
              { name: 'prefers-color-scheme', value: scheme },
            ]
          : [],
      });
      return true;
    },
  };
}
