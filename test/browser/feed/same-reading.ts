/**
 * The widgets read a clean feed the short way (src/feed/clean-feed.ts) and load the full validator only
 * for the others. These assertions say the two agree, so every feed a test gives `checkFeed` checks it.
 */
import { expect } from '@open-wc/testing';
import { readCleanFeed } from '../../../src/feed/clean-feed.js';
import { readFeed } from '../../../src/feed/read-feed.js';
import type { FeedCheck } from '../../../src/feed/validate.js';

/**
 * The short reading of `value` is taken exactly when `checkFeed(value)` (here `full`) finds no
 * problem, and then it is the same model, property order included.
 */
export function expectSameReading(value: unknown, full: FeedCheck): void {
  const clean = readCleanFeed(value);
  const noProblem = full.feed !== null && full.problems.length === 0;
  expect(clean !== undefined, `read the short way, with problems ${JSON.stringify(full.problems.slice(0, 3))}`).to.equal(noProblem);
  if (clean === undefined) return;
  expect(clean).to.deep.equal(full.feed);
  expect(JSON.stringify(clean), 'property order').to.equal(JSON.stringify(full.feed));
}

/** The same for JSON text: `readFeed(text)` answers at once exactly when `checkFeedText(text)` has no problem. */
export function expectSameTextReading(text: string, full: FeedCheck): void {
  const reading = readFeed(text);
  const noProblem = full.feed !== null && full.problems.length === 0;
  expect(!(reading instanceof Promise), 'read the short way').to.equal(noProblem);
  if (reading instanceof Promise) return;
  expect(reading.problems).to.deep.equal([]);
  expect(JSON.stringify(reading.feed), 'property order').to.equal(JSON.stringify(full.feed));
}
