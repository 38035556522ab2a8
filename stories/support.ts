/**
 * Story helpers. Storybook has no feed server, so the loading, error and saved-copy states are
 * shown by answering a few reserved URLs in the story frame: a feed that never arrives, one that
 * fails, and one that worked once and fails from then on. Nothing else is intercepted.
 */
import sample from '../test/fixtures/feed.json' with { type: 'json' };
import { loadFeed, resetFeedLoader, resolveFeedUrl } from '../src/core/feed-loader.js';

export const LOADING_SRC = '/__story__/loading.json';
export const ERROR_SRC = '/__story__/error.json';
/** Answers the sample feed once (the loader keeps it as the last good copy), then 503. */
export const SAVED_SRC = '/__story__/saved.json';
export const sampleFeed = sample;

let savedCopyServed = false;

/**
 * A story loader for the saved-copy state: loads SAVED_SRC once, as an earlier visit would have,
 * so that the element's own request fails and it shows the copy it has, marked as saved.
 */
export async function primeSavedCopy(): Promise<Record<string, never>> {
  savedCopyServed = false;
  resetFeedLoader();
  await loadFeed(resolveFeedUrl(SAVED_SRC)!);
  resetFeedLoader(); // the element asks again, and that request fails
  return {};
}

const realFetch = window.fetch.bind(window);
window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url, location.href);
  if (url.pathname === LOADING_SRC) return new Promise<Response>(() => {});
  if (url.pathname === ERROR_SRC) return Promise.resolve(new Response('Unavailable', { status: 503 }));
  if (url.pathname === SAVED_SRC) {
    if (savedCopyServed) return Promise.resolve(new Response('Unavailable', { status: 503 }));
    savedCopyServed = true;
    return Promise.resolve(new Response(JSON.stringify(sample), { headers: { 'Content-Type': 'application/json' } }));
  }
  return realFetch(input, init);
};
