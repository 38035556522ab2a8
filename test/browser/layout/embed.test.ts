/**
 * embed.html (embed-public/, src/embed) in a 320 px wide iframe, as a phone shows a CMS page: each
 * widget, on the demo's real feeds, with WCAG text spacing, by touch and keyboard. The frame's clock
 * cannot be frozen, so the countdown reads a test feed dated from the moment it is asked for
 * (`consultations=now`): each of its states, whatever the day.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { feedUrl } from '../../helpers/feeds.js';
import { forcedColours } from '../../helpers/forced-colours.js';
import {
  applyTextSpacing,
  clippedTextProblems,
  focusProblems,
  forcedColourProblems,
  frame,
  ownColourProblems,
  reflowProblems,
  targetSizeProblems,
} from './checks.js';

interface Case {
  name: string;
  query: Record<string, string>;
  /** Shown in the widget's shadow root once it is in the state to check. */
  ready: string;
  /** Also shown then (the states a case is there for). */
  shows?: string[];
}

const CASES: Case[] = [
  { name: 'the signatory list, in Welsh', query: { widget: 'signatory-list', src: '/feeds/ceredigion.json', lang: 'cy', 'page-size': '5' }, ready: '.summary' },
  { name: 'the pledge form', query: { widget: 'pledge-form', src: '/feeds/southend.json' }, ready: 'form' },
  { name: 'the pledge form, in Welsh', query: { widget: 'pledge-form', src: '/feeds/ceredigion.json', lang: 'cy' }, ready: 'form' },
  { name: 'a long action plan, with its charts', query: { widget: 'action-plan', src: '/feeds/south-ayrshire.json' }, ready: '.plan canvas' },
  { name: 'the action plan, in Welsh', query: { widget: 'action-plan', src: '/feeds/ceredigion.json', lang: 'cy', charts: 'none' }, ready: '.plan' },
  {
    name: 'the countdown, every state, closed ones shown',
    query: { widget: 'consultation-countdown', src: feedUrl({ consultations: 'now' }), 'show-closed': '', limit: '9' },
    ready: '.consultation.soon',
    shows: ['[part~="seconds-toggle"]', '.consultation.open', '.consultation.upcoming', '.consultation.closed'],
  },
  {
    name: 'the countdown, one consultation in its last hour, in Welsh',
    query: { widget: 'consultation-countdown', src: feedUrl({ consultations: 'now' }), consultation: 'hour', lang: 'cy' },
    ready: '[part~="seconds-toggle"]',
  },
  { name: 'the badge card', query: { widget: 'pledge-badge', src: '/feeds/ceredigion.json', signatory: 'GB-PLA-CGN', variant: 'card' }, ready: '.badge' },
  { name: 'a widget whose feed fails', query: { widget: 'signatory-list', src: feedUrl({ status: 500 }) }, ready: '[part~="retry"]' },
];

let iframe: HTMLIFrameElement | undefined;
afterEach(() => iframe?.remove());

/** The embed page in a 320 × 640 frame, once its widget shows `ready`; the widget in it. */
async function embed(c: Case): Promise<HTMLElement> {
  iframe = document.createElement('iframe');
  iframe.src = `/test-embed?${new URLSearchParams(c.query)}`;
  iframe.style.cssText = 'width: 320px; height: 640px; border: 0';
  document.body.append(iframe);
  const tag = `compact-${c.query.widget}`;
  const widget = () => iframe!.contentDocument?.querySelector<HTMLElement>(tag);
  await waitUntil(() => widget()?.shadowRoot?.querySelector(c.ready), `${tag} did not show ${c.ready}`, { timeout: 6000 });
  await frame(iframe.contentWindow!);
  const missing = (c.shows ?? []).filter((selector) => !widget()!.shadowRoot!.querySelector(selector));
  expect(missing, `${tag} shows every state it is there for`).to.deep.equal([]);
  return widget()!;
}

const expectNone = (problems: string[], what: string) => expect(problems, `${what}:\n  ${problems.join('\n  ')}`).to.deep.equal([]);

describe('embed.html: layout for WCAG 2.2 AA in a 320 px frame', () => {
  for (const c of CASES) {
    describe(c.name, () => {
      it('reflows: nothing wider than the frame (1.4.10)', async () => {
        const el = await embed(c);
        expectNone(reflowProblems(el), 'sideways overflow');
      });

      it('keeps all its text with WCAG text spacing (1.4.12)', async () => {
        const el = await embed(c);
        applyTextSpacing(el.ownerDocument);
        await frame(el.ownerDocument.defaultView!);
        expectNone(clippedTextProblems(el.ownerDocument), 'text cut off or spilling');
        expectNone(reflowProblems(el), 'sideways overflow with text spacing');
      });

      it('has targets of 24 × 24 px or spaced as big (2.5.8)', async () => {
        const el = await embed(c);
        expectNone(targetSizeProblems(el.ownerDocument), 'small targets');
      });

      it('shows focus on every control, in view in the frame (2.4.7, 2.4.11)', async () => {
        const el = await embed(c);
        expectNone(await focusProblems(el.ownerDocument), 'focus');
      });

      it('keeps its edges, text, focus outlines and system colours in forced colours, with the page around it (1.4.11)', async () => {
        const el = await embed(c);
        for (const palette of ['light', 'dark'] as const) {
          await forcedColours(true, palette);
          await frame(el.ownerDocument.defaultView!);
          expectNone(await forcedColourProblems(el.shadowRoot!), `forced colours, ${palette}`);
        }
        expectNone(await ownColourProblems(el.ownerDocument), 'colours kept in forced colours');
      });
    });
  }
});
