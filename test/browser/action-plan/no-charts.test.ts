/**
 * A page of its own (web-test-runner loads each test file in a fresh page), so that the resource
 * timeline shows only what `charts="none"` elements load: chart.js must never be among it. This file
 * must not import chart.js or src/action-plan/charts.ts itself.
 */
import { expect, fixture } from '@open-wc/testing';
import sinon from 'sinon';
import '../../../src/action-plan/define.js';
import { CompactActionPlan } from '../../../src/action-plan/action-plan.js';
import { settled, shadowText } from '../../helpers/dom.js';
import { sampleFeed } from '../../helpers/feeds.js';
import { intersectionReported, watchChartsWait } from './mount.js';

/** chart.js itself (node_modules/chart.js/…) or the element's chart module (src/action-plan/charts.ts). */
const isChartUrl = (url: string) => /\/chart\.js\/|action-plan\/charts\./.test(url);
const chartUrls = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter(isChartUrl);

describe('<compact-action-plan charts="none">', () => {
  it('never requests chart.js, shows the tables, and offers no chart switch', async () => {
    const requested: string[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) requested.push(entry.name);
    });
    observer.observe({ type: 'resource', buffered: true });
    const loader = sinon.spy(CompactActionPlan, 'loadCharts');
    const wait = watchChartsWait();
    try {
      const wrapper = await fixture<HTMLElement>(
        '<div><compact-action-plan charts="none"></compact-action-plan><compact-action-plan charts="none" aim="aim-1"></compact-action-plan></div>',
      );
      const elements = [...wrapper.querySelectorAll('compact-action-plan')];
      for (const el of elements) {
        el.feed = sampleFeed();
        await settled(el, () => shadowText(el).includes('Publish the compact online'));
      }
      const [el] = elements;
      el.shadowRoot!.querySelector('.figures')!.scrollIntoView();
      await intersectionReported(el.shadowRoot!.querySelector('.figures')!);
      expect(wait.began(), 'began waiting to load chart.js').to.equal(false);
      expect(loader.callCount).to.equal(0);
      expect(el.shadowRoot!.querySelector('canvas')).to.equal(null);
      expect(el.shadowRoot!.querySelector('.view-switch')).to.equal(null);
      expect(el.shadowRoot!.querySelector('.figure-status table')).to.exist;
      expect(el.shadowRoot!.querySelector('.figure-aims table')).to.exist;
      expect(chartUrls()).to.deep.equal([]);
      expect(requested.filter(isChartUrl)).to.deep.equal([]);
      // The page did load the element itself: the check above is looking at the right list.
      expect(requested.some((url) => url.includes('action-plan/action-plan'))).to.equal(true);
      await expect(el).to.be.accessible();
    } finally {
      wait.restore();
      loader.restore();
      observer.disconnect();
    }
  });
});
