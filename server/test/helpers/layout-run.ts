/**
 * Drives the page-side layout checks (layout.ts) from playwright: at a 320 px viewport, with WCAG's
 * text spacing, and a real Tab walk through the page, whose stops are each checked focused, in normal
 * and in forced colours (playwright's emulateMedia really switches Chromium to forced colours).
 * `layoutProblems` returns every problem as "label: what" lines, so one assertion over many pages
 * names all of them.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import type { Page } from 'playwright-core';
import type * as Checks from './layout.js';

let bundle: string | undefined;

/** layout.ts and what it imports, as one script that leaves its exports on `window.compactLayout`. */
function source(): string {
  bundle ??= buildSync({
    entryPoints: [fileURLToPath(new URL('./layout.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    globalName: 'compactLayout',
    footer: { js: 'globalThis.compactLayout = compactLayout;' },
    write: false,
    logLevel: 'silent',
  }).outputFiles[0]!.text;
  return bundle;
}

type Api = typeof Checks;
declare const compactLayout: Api;

/** Puts the checks in the page as it is now (again after each navigation; evaluated, so its CSP does not stop them). */
export async function installLayoutChecks(page: Page): Promise<void> {
  if (!(await page.evaluate(() => 'compactLayout' in globalThis))) await page.evaluate(source());
}

const frames = (page: Page) => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));

const TAB = { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9 };

/**
 * Tab from the top of the page until focus leaves it or comes round again; returns the stops, in
 * order. The key presses go straight to the DevTools protocol, twenty at a time without waiting
 * for each (Chromium handles them in order): waiting on every press made a long form take seconds.
 */
async function tabWalk(page: Page): Promise<{ stops: number[]; unreached: string[] }> {
  const scrollers = await page.evaluate(() => compactLayout.startTabWalk());
  const cdp = await page.context().newCDPSession(page);
  let walk = { stops: [] as number[], done: false };
  try {
    for (let batch = 0; batch < 25 && !walk.done; batch++) {
      await Promise.all(Array.from({ length: 20 }, () => [cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...TAB }), cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...TAB })]).flat());
      walk = await page.evaluate(() => compactLayout.tabStops());
    }
  } finally {
    await cdp.detach();
  }
  assert.ok(walk.done, 'the Tab walk came to an end within 500 presses');
  const missed = scrollers.filter((id) => !walk.stops.includes(id));
  const unreached = missed.length ? await page.evaluate((ids) => compactLayout.namesOf(ids), missed) : [];
  return { stops: walk.stops, unreached: unreached.map((name) => `${name} scrolls sideways but Tab never reaches it`) };
}

export const PHONE = { width: 320, height: 640 };

/**
 * The page as it stands, at 320 px: reflow (1.4.10), text spacing (1.4.12, then reflow again with
 * it), target size (2.5.8), focus visible and not obscured on every Tab stop (2.4.7, 2.4.11), and
 * the same stops in forced colours, each with an outline. Leaves the viewport at 320 px.
 */
export async function layoutProblems(page: Page, label: string): Promise<string[]> {
  const size = page.viewportSize();
  if (size?.width !== PHONE.width || size.height !== PHONE.height) await page.setViewportSize(PHONE);
  await installLayoutChecks(page);
  await frames(page);
  const problems = await page.evaluate(() => [...compactLayout.reflowProblems(), ...compactLayout.targetSizeProblems(document)]);
  const spacing = await page.evaluate(() => {
    const undo = compactLayout.applyTextSpacing(document);
    return new Promise<string[]>((resolve) =>
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          const found = [...compactLayout.textSpacingProblems(), ...compactLayout.reflowProblems().map((p) => `with text spacing, ${p}`)];
          undo();
          resolve(found);
        }),
      ),
    );
  });
  const walk = await tabWalk(page);
  problems.push(...spacing, ...walk.unreached, ...(await page.evaluate(([stops]) => compactLayout.checkStops(stops!, false), [walk.stops])));
  await page.emulateMedia({ forcedColors: 'active' });
  try {
    await frames(page);
    // Redrawn for forced colours, a widget's controls are new elements: they are found by Tab again.
    const stops = (await page.evaluate((ids) => compactLayout.anyGone(ids), walk.stops)) ? (await tabWalk(page)).stops : walk.stops;
    problems.push(...(await page.evaluate(([ids]) => compactLayout.checkStops(ids!, true), [stops])).map((p) => `forced colours: ${p}`));
  } finally {
    await page.emulateMedia({ forcedColors: 'none' });
  }
  return [...new Set(problems)].map((p) => `${label}: ${p}`);
}
