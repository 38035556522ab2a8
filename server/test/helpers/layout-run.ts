/**
 * Drives the page-side layout checks (layout.ts) from playwright: at a 320 px viewport, with WCAG's
 * text spacing, and a real Tab walk through the page in normal and in forced colours (playwright's
 * emulateMedia really switches Chromium to forced colours). `layoutProblems` returns every problem
 * as "label: what" lines, so one assertion over many pages names all of them.
 */
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

/** Tab from the top of the page until focus leaves it or comes round again, checking each stop. */
async function tabWalk(page: Page, forced: boolean): Promise<string[]> {
  const scrollers = await page.evaluate(() => compactLayout.startTabWalk());
  const seen = new Set<number>();
  const problems: string[] = [];
  for (let presses = 0; presses < 500; presses++) {
    await page.keyboard.press('Tab');
    const { id, problems: found } = await page.evaluate((f) => compactLayout.checkFocused(f), forced);
    if (id === null || seen.has(id)) break;
    seen.add(id);
    problems.push(...found);
  }
  const unreached = scrollers.filter((id) => !seen.has(id));
  if (unreached.length) problems.push(...(await page.evaluate((ids) => compactLayout.namesOf(ids), unreached)).map((name) => `${name} scrolls sideways but Tab never reaches it`));
  return problems;
}

export const PHONE = { width: 320, height: 640 };

/**
 * The page as it stands, at 320 px: reflow (1.4.10), text spacing (1.4.12, then reflow again with
 * it), target size (2.5.8), focus visible and not obscured on every Tab stop (2.4.7, 2.4.11), and the
 * Tab walk again in forced colours with an outline on each stop. Leaves the viewport at 320 px.
 */
export async function layoutProblems(page: Page, label: string): Promise<string[]> {
  await page.setViewportSize(PHONE);
  await installLayoutChecks(page);
  await frames(page);
  const problems = [...(await page.evaluate(() => compactLayout.reflowProblems())), ...(await page.evaluate(() => compactLayout.targetSizeProblems(document)))];
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
  problems.push(...spacing, ...(await tabWalk(page, false)));
  await page.emulateMedia({ forcedColors: 'active' });
  try {
    await frames(page);
    problems.push(...(await tabWalk(page, true)).map((p) => `forced colours: ${p}`));
  } finally {
    await page.emulateMedia({ forcedColors: 'none' });
  }
  return [...new Set(problems)].map((p) => `${label}: ${p}`);
}
