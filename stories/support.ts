/**
 * Story helpers. Storybook has no feed server, so the loading and error states are shown by
 * answering a few reserved URLs in the story frame: a feed that never arrives, and one that fails.
 * Nothing else is intercepted.
 */
import sample from '../test/fixtures/feed.json' with { type: 'json' };

export const LOADING_SRC = '/__story__/loading.json';
export const ERROR_SRC = '/__story__/error.json';
export const sampleFeed = sample;

const realFetch = window.fetch.bind(window);
window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url, location.href);
  if (url.pathname === LOADING_SRC) return new Promise<Response>(() => {});
  if (url.pathname === ERROR_SRC) return Promise.resolve(new Response('Unavailable', { status: 503 }));
  return realFetch(input, init);
};
