/**
 * Chromium's real forced-colours mode for a test, through the `emulate-forced-colors` server command
 * (test/helpers/forced-colours-plugin.js): the media query matches, and Chromium forces the colours
 * as Windows High Contrast does — system colours (transparent borders and outlines too), backgrounds
 * replaced, box shadows dropped — unless an element keeps its own (forced-color-adjust: none).
 */
import { executeServerCommand } from '@web/test-runner-commands';

const QUERY = '(forced-colors: active)';
let on = false;

/** A forced palette: light (Canvas white, as High Contrast White) or dark (Canvas black, as High Contrast Black). */
export type Palette = 'light' | 'dark';

/** Turns forced colours on (in that palette) or off for the test's page; resolves once the page is in that mode. */
export async function forcedColours(active: boolean, palette: Palette = 'light'): Promise<void> {
  await executeServerCommand<boolean, { active: boolean; scheme: Palette }>('emulate-forced-colors', { active, scheme: palette });
  on = active;
  if (matchMedia(QUERY).matches !== active) throw new Error(`forced colours did not turn ${active ? 'on' : 'off'}`);
  if (active && matchMedia('(prefers-color-scheme: dark)').matches !== (palette === 'dark')) throw new Error(`forced colours are not ${palette}`);
}

/** True while the page is in forced colours: checks that mean nothing outside it refuse to run. */
export const inForcedColours = () => matchMedia(QUERY).matches;

// Whatever a test does, the next one starts out of forced colours: the runner reuses the page (and its
// emulation) for the next test file, and a test that fails half-way would leave the mode on. A root
// hook, installed by importing this module, in every file that can turn the mode on.
afterEach(async () => {
  if (on || inForcedColours()) await forcedColours(false);
});
