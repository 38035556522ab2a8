/**
 * The layout checks themselves (checks.ts), on small shadow trees made to fail each one: a check that
 * passes every element must be shown able to fail.
 */
import { expect, fixture } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import {
  applyTextSpacing,
  clippedTextProblems,
  focusProblems,
  forcedColourProblems,
  ownColourProblems,
  frame,
  reflowProblems,
  targetSizeProblems,
} from './checks.js';
import { forcedColours } from '../../helpers/forced-colours.js';
import { keyboardFocus } from '../../helpers/focus.js';

let last: HTMLElement | undefined;

/** A host with a shadow root holding `css` and `markup`, in a 320 px column; the one before it leaves the page. */
async function shadow(markup: string, css = ''): Promise<HTMLElement> {
  last?.remove();
  const host = (last = await fixture<HTMLElement>('<div style="width: 320px"></div>'));
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`:host { display: block } ${css}`);
  root.adoptedStyleSheets = [sheet];
  root.innerHTML = markup;
  await frame();
  return host;
}

const LONG_WORD = 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch';

describe('layout checks', () => {
  before(() => setViewport({ width: 800, height: 600 }));

  it('reflow: a line that does not wrap is found; a labelled, focusable scroll region may be wider', async () => {
    const bad = await shadow(`<p>${LONG_WORD}${LONG_WORD}</p>`);
    expect(reflowProblems(bad).join('\n')).to.contain('<div> overflows');
    const inline = await shadow(`<p>A name: <b>${LONG_WORD}${LONG_WORD}</b></p>`);
    expect(reflowProblems(inline).join('\n')).to.contain('b "Llanfair');
    const region = await shadow(`<div role="region" tabindex="0" aria-label="A table" style="overflow-x: auto"><p style="width: 900px">wide</p></div>`);
    expect(reflowProblems(region)).to.deep.equal([]);
    const unlabelled = await shadow(`<div style="overflow-x: auto"><p style="width: 900px">wide</p></div><p style="width: 900px">wide</p>`);
    expect(reflowProblems(unlabelled)).not.to.deep.equal([]);
  });

  it('text spacing: a box of fixed height that clips or spills its text is found once the spacing is on', async () => {
    const text = 'Two short lines of text that fit';
    const host = await shadow(
      `<p class="clip">${text}</p><div class="spill">${text}</div>`,
      '.clip, .spill { width: 15.5rem; height: 1.25rem; line-height: 1.25rem; margin: 0 } .clip { overflow: hidden }',
    );
    expect(clippedTextProblems(host.shadowRoot!)).to.deep.equal([]);
    const undo = applyTextSpacing(document);
    try {
      await frame();
      const problems = clippedTextProblems(host.shadowRoot!).join('\n');
      expect(problems).to.contain('p.clip');
      expect(problems).to.contain('div.spill');
    } finally {
      undo();
    }
  });

  it('target size: small controls side by side are found; one alone, spaced, or a link in a sentence is not', async () => {
    const css = 'button { width: 16px; height: 16px; padding: 0; border: 0; margin: 0 }';
    const crowded = await shadow('<button>a</button><button>b</button>', css);
    expect(targetSizeProblems(crowded.shadowRoot!)).to.have.length(2);
    const spaced = await shadow('<button>a</button><span style="display: inline-block; width: 12px"></span><button>b</button>', css);
    expect(targetSizeProblems(spaced.shadowRoot!)).to.deep.equal([]);
    const inline = await shadow('<p>Read the <a href="#a">privacy notice</a> and the <a href="#b">terms</a> first.</p>');
    expect(targetSizeProblems(inline.shadowRoot!)).to.deep.equal([]);
  });

  it('focus: a control that looks the same focused, and one covered by another part, are found', async () => {
    const same = await shadow('<button>Go</button>', 'button:focus-visible { outline: none }');
    expect((await focusProblems(same.shadowRoot!)).join('\n')).to.contain('looks the same focused');
    const covered = await shadow(
      '<div class="wrap"><button>Go</button><div class="bar">Sticky bar</div></div>',
      '.wrap { position: relative } .bar { position: absolute; inset: 0; background: white }',
    );
    expect((await focusProblems(covered.shadowRoot!)).join('\n')).to.contain('hidden when focused');
    // overflow: clip (unlike hidden, which focus scrolls) keeps it out of sight.
    const clipped = await shadow('<div style="height: 20px; overflow: clip"><p style="margin: 0; padding-top: 40px"><a href="#x">Out of sight</a></p></div>');
    expect((await focusProblems(clipped.shadowRoot!)).join('\n')).to.contain('hidden when focused');
    const fine = await shadow('<button>Go</button>');
    expect(await focusProblems(fine.shadowRoot!)).to.deep.equal([]);
  });

  it('the checks read a document in an iframe too, whose elements belong to the frame window', async () => {
    last?.remove();
    const frameEl = (last = await fixture<HTMLIFrameElement>('<iframe style="width: 320px; height: 200px; border: 0"></iframe>'));
    const doc = frameEl.contentDocument!;
    doc.body.innerHTML = `<style>button { width: 16px; height: 16px; padding: 0; border: 0; margin: 0 } button:focus-visible { outline: none }</style><button>a</button><button>b</button>`;
    await frame(frameEl.contentWindow!);
    expect(targetSizeProblems(doc), 'small targets in the frame').to.have.length(2);
    expect((await focusProblems(doc)).join('\n')).to.contain('looks the same focused');
    await forcedColours(true);
    expect((await forcedColourProblems(doc)).join('\n')).to.contain('has no border in forced colours');
  });

  it('forced colours: Chromium really forces them, and the mode ends with the test', async () => {
    const host = await shadow('<button>Go</button>', 'button { border: 2px solid transparent; background: green; color: red } button:focus-visible { box-shadow: 0 0 0 3px yellow }');
    const button = host.shadowRoot!.querySelector('button')!;
    await forcedColours(true);
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    const style = getComputedStyle(button);
    expect(style.backgroundColor, 'a system colour, not green').not.to.equal('rgb(0, 128, 0)');
    expect(style.color, 'a system colour, not red').not.to.equal('rgb(255, 0, 0)');
    expect(style.borderTopColor, 'the transparent border made visible').not.to.equal('rgba(0, 0, 0, 0)');
    await keyboardFocus(button);
    expect(getComputedStyle(button).boxShadow, 'box shadows dropped').to.equal('none');
    button.blur();
    await forcedColours(false);
    expect(getComputedStyle(button).backgroundColor, 'its own colours again').to.equal('rgb(0, 128, 0)');
  });

  it('forced colours: a button with no border and a focus shown only by shadow are found, until forced-colours rules mend them', async () => {
    const css = `button { border: 0; background: green } button:focus-visible { outline: none; box-shadow: 0 0 0 3px yellow }`;
    const bad = await shadow('<button>Go</button>', css);
    await forcedColours(true);
    const problems = (await forcedColourProblems(bad.shadowRoot!)).join('\n');
    expect(problems).to.contain('has no border in forced colours');
    expect(problems).to.contain('has no focus outline in forced colours');
    expect(problems).to.contain('looks the same focused in forced colours');
    const mended = await shadow('<button>Go</button>', `${css} @media (forced-colors: active) { button { border: 2px solid transparent } button:focus-visible { outline: 3px solid transparent } }`);
    expect(await forcedColourProblems(mended.shadowRoot!)).to.deep.equal([]);
    await forcedColours(false);
    expect(getComputedStyle(mended.shadowRoot!.querySelector('button')!).borderTopStyle, 'the rules are off again').to.equal('none');
  });

  it('forced colours: an edge, a focus outline or text in the colour of what is behind it is found', async () => {
    await forcedColours(true);
    const hidden = await shadow(
      '<button>Go</button>',
      '@media (forced-colors: active) { button { border: 2px solid Canvas; background: Canvas } button:focus-visible { outline: 3px solid Canvas; text-decoration: underline } }',
    );
    const problems = (await forcedColourProblems(hidden.shadowRoot!)).join('\n');
    expect(problems).to.contain('has a border that does not show in forced colours');
    expect(problems).to.contain('has a focus outline that does not show in forced colours');
    const ownColours = await shadow('<button>Go</button>', 'button { forced-color-adjust: none; border: 2px solid white; background: white; color: #eee }');
    expect((await forcedColourProblems(ownColours.shadowRoot!)).join('\n')).to.contain('has text that does not show in forced colours');
  });

  it('forced colours: a focus that only a background or a shadow shows is found, though the outline is there', async () => {
    await forcedColours(true);
    // In system colours, which Chromium keeps: an author's other colours give way to its own, and a
    // focused control's drawn outline turns Highlight.
    const always = await shadow('<a href="#x">Go</a>', 'a { outline: 3px solid LinkText } a:focus-visible { outline: 3px solid LinkText; background: yellow; box-shadow: 0 2px 0 black }');
    expect((await forcedColourProblems(always.shadowRoot!)).join('\n')).to.contain('looks the same focused in forced colours');
    const changes = await shadow('<a href="#x">Go</a>', 'a { outline: 3px solid LinkText } a:focus-visible { outline: 4px solid LinkText; background: yellow }');
    expect(await forcedColourProblems(changes.shadowRoot!)).to.deep.equal([]);
  });

  it('forced colours: colours Chromium leaves alone (the colour set on an icon, a box that opts out) are found unless they are system colours', async () => {
    await forcedColours(true);
    const icon = '<p>Done <svg class="icon" viewBox="0 0 16 16" width="16" height="16"><circle cx="8" cy="8" r="6" fill="currentColor" /></svg></p>';
    const green = await shadow(`${icon}<div class="own">Page 1</div>`, '.icon { color: green } .own { forced-color-adjust: none; background: green; color: white }');
    const problems = (await ownColourProblems(green.shadowRoot!)).join('\n');
    expect(problems).to.contain('circle keeps its own colour in forced colours: fill rgb(0, 128, 0)');
    expect(problems).to.contain('div.own "Page 1" keeps its own colour in forced colours: background rgb(0, 128, 0)');
    expect(problems).to.contain('text rgb(255, 255, 255)');
    const mended = await shadow(
      `${icon}<div class="own">Page 1</div>`,
      '.icon { color: green } .own { forced-color-adjust: none; background: green; color: white } @media (forced-colors: active) { .icon { color: inherit } .own { background: Highlight; color: HighlightText } }',
    );
    expect(await ownColourProblems(mended.shadowRoot!)).to.deep.equal([]);
  });

  it('forced colours: a hard-coded white that is Canvas in High Contrast White is found, as High Contrast Black shows it is not', async () => {
    await forcedColours(true, 'light');
    const host = await shadow('<div class="own">Page 1</div>', '.own { forced-color-adjust: none; background: white; color: black; border: 2px solid black }');
    const own = getComputedStyle(host.shadowRoot!.querySelector('.own')!);
    expect([own.backgroundColor, own.color], 'Canvas and CanvasText in the light palette').to.deep.equal(['rgb(255, 255, 255)', 'rgb(0, 0, 0)']);
    const problems = await ownColourProblems(host.shadowRoot!);
    expect(problems.join('\n')).to.contain('background rgb(255, 255, 255) (light) / rgb(255, 255, 255) (dark)');
    expect(problems).to.have.length(6);
    const mended = await shadow('<div class="own">Page 1</div>', '.own { forced-color-adjust: none; background: Canvas; color: CanvasText; border: 2px solid CanvasText }');
    expect(await ownColourProblems(mended.shadowRoot!)).to.deep.equal([]);
  });

  it('forced colours: the check refuses to run outside the mode, where it would prove nothing', async () => {
    const host = await shadow('<button>Go</button>');
    let error: unknown;
    await forcedColourProblems(host.shadowRoot!).catch((e: unknown) => (error = e));
    expect(String(error)).to.contain('needs the page in forced colours');
    error = undefined;
    await ownColourProblems(host.shadowRoot!).catch((e: unknown) => (error = e));
    expect(String(error)).to.contain('needs the page in forced colours');
  });
});
