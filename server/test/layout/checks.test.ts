/**
 * The page layout checks (helpers/layout.ts, driven by helpers/layout-run.ts) on small pages made
 * to fail each one, and on the same pages put right: a check that passes every page must be shown
 * able to fail.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.js';
import { layoutProblems } from '../helpers/layout-run.js';

const LONG = 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch';
const html = (body: string, css = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body { margin: 8px; font: 19px/1.3 arial, sans-serif } a:focus, button:focus { outline: 3px solid #fd0 } ${css}</style></head><body>${body}</body></html>`;

describe('the page layout checks, on pages made to fail them', () => {
  let browser: Browser;
  let page: Page;
  before(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
  });
  after(() => browser?.close());

  async function problemsOf(body: string, css = ''): Promise<string> {
    await page.setContent(html(body, css));
    return (await layoutProblems(page, 'page')).join('\n');
  }

  it('passes a plain page with a labelled, focusable table region', async () => {
    const region = '<div role="region" aria-label="A wide table" tabindex="0" class="wide"><table><tr><td>wide</td></tr></table></div>';
    assert.equal(await problemsOf(`<p>Some text with <a href="#a">a link</a> in it.</p>${region}<button>Go on</button>`, '.wide { overflow-x: auto } table { width: 900px } button { padding: 8px 10px }'), '');
  });

  it('reflow: a line that does not wrap, and a box that scrolls sideways without a label', async () => {
    assert.match(await problemsOf(`<p style="white-space: nowrap">${LONG} ${LONG}</p>`), /page: the page scrolls sideways: \d+ > 320/);
    const scroller = await problemsOf('<div class="wide" tabindex="0"><table><tr><td>wide</td></tr></table></div>', '.wide { overflow-x: auto } table { width: 900px }');
    assert.match(scroller, /div.wide "wide" scrolls sideways but is not a labelled region in the tab order/);
    assert.doesNotMatch(scroller, /the page scrolls sideways/);
  });

  it('reflow: a labelled region the keyboard cannot reach', async () => {
    const region = '<div inert><div role="region" aria-label="A wide table" tabindex="0" class="wide"><table><tr><td>wide</td></tr></table></div></div>';
    assert.match(await problemsOf(region, '.wide { overflow-x: auto } table { width: 900px }'), /div.wide "wide" scrolls sideways but Tab never reaches it/);
  });

  it('text spacing: a box of fixed height that clips its text once the spacing is on', async () => {
    // One line of 19 px text fits in 30 px at line-height 1.5; spaced out, the words no longer fit in 300 px.
    const css = '.clip { width: 300px; height: 30px; overflow: hidden; margin: 0 }';
    const problems = await problemsOf('<p class="clip">Fits on one line until spaced</p>', css);
    assert.match(problems, /p.clip "Fits on one line until spaced" is too short for its text: \d+ > 30 \(overflow hidden\)/);
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.clip')!).letterSpacing), 'normal', 'the spacing is taken off again');
    assert.equal(await problemsOf('<p class="clip">Short</p>', css), '');
  });

  it('target size: small buttons side by side, but not a link in a sentence', async () => {
    const problems = await problemsOf('<p>A sentence with <a href="#x">a link</a> in it.</p><button class="s">a</button><button class="s">b</button>', '.s { width: 16px; height: 16px; padding: 0; margin: 0 }');
    assert.match(problems, /button.s "a" is 16 × 16 and within 12 px of button.s "b"/);
    assert.doesNotMatch(problems, /a link/);
  });

  it('focus: an indicator taken away, and a control under a fixed banner', async () => {
    assert.match(await problemsOf('<a href="#x" class="plain">Plain</a>', 'a.plain:focus { outline: none }'), /a.plain "Plain" looks the same focused/);
    const covered = await problemsOf('<div class="banner">Cookies</div><p><a href="#x" class="under">Under</a></p>', '.banner { position: fixed; top: 0; left: 0; right: 0; height: 120px; background: #fff } .under { display: inline-block; padding: 10px; margin-top: 20px }');
    assert.match(covered, /a.under "Under" is hidden when focused/);
  });

  it('forced colours: focus shown only by a background and a shadow is lost', async () => {
    const css = 'a.fill:focus { outline: none; background: #fd0; box-shadow: 0 4px #0b0c0c }';
    const problems = await problemsOf('<a href="#x" class="fill">Fill</a>', css);
    assert.match(problems, /forced colours: a.fill "Fill" has no focus outline in forced colours \(outline none/);
    assert.doesNotMatch(problems, /^page: a.fill "Fill" looks the same/m, 'outside forced colours it shows');
    assert.equal(await problemsOf('<a href="#x" class="fill">Fill</a>', css.replace('outline: none', 'outline: 3px solid transparent')), '');
    // Shown on :focus-visible only, as the widgets do: the stops are focused again by script in forced colours.
    const visible = 'a.v:focus { outline: none } a.v:focus-visible { outline: 3px solid #fd0 }';
    assert.equal(await problemsOf('<p><a href="#x" class="v">One</a></p><p><a href="#y" class="v">Two</a></p>', visible), '');
    assert.match(await problemsOf('<p><a href="#x" class="v">One</a></p>', visible.replace('a.v:focus-visible', 'a.v:hover')), /forced colours: a.v "One" has no focus outline/);
  });
});
