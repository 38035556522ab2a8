/**
 * How the widgets read a feed: a clean feed the short way (clean-feed.ts), at once; anything else with
 * the full validator, which is loaded only then. Its rules for every kind of problem and its English
 * messages are most of the code that reads feeds, and a clean feed needs none of it.
 */
import type { FeedCheck } from './validate.js';
import { readCleanFeed } from './clean-feed.js';

/** What the widgets need of `checkFeed`'s answer. */
export type FeedReading = Pick<FeedCheck, 'feed' | 'problems' | 'failure'>;

type Validator = typeof import('./validate.js');

/**
 * A feed given as JSON text (a string; a leading byte-order mark is ignored) or as a parsed value.
 * A clean feed's reading comes back at once; otherwise a promise of the full validator's
 * (`checkFeedText` / `checkFeed`). Never throws, and the promise never rejects.
 */
export function readFeed(input: unknown): FeedReading | Promise<FeedReading> {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
    } catch {
      return withValidator((v) => v.checkFeedText(input));
    }
  }
  const feed = readCleanFeed(value);
  return feed ? { feed, problems: [] } : withValidator((v) => v.checkFeed(value));
}

function withValidator(check: (v: Validator) => FeedReading): Promise<FeedReading> {
  return import('./validate.js').then(check, () => ({
    feed: null,
    problems: [],
    // The chunk could not be fetched (the network went, or the script's host lost it).
    failure: { code: 'network', message: 'The feed has problems, and the code that reports them could not be loaded.' },
  }));
}
