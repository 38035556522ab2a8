/**
 * The feeds every browser test shares: the sample feed (test/fixtures/feed.json, which the test
 * server also serves at /test-feed) and addresses on the test server (test/helpers/test-routes.js).
 */
import sample from '../fixtures/feed.json' with { type: 'json' };
import { clearSavedFeeds, resetFeedLoader } from '../../src/core/feed-loader.js';

/** A fresh copy of the sample feed, for a test to change as it likes. */
export const sampleFeed = (): typeof sample => structuredClone(sample);

/** `path` as the absolute address the loader keys its requests and saved copies by. */
export const absoluteUrl = (path: string): string => new URL(path, location.href).href;

/** A unique test-feed URL, so no two tests share a request or a saved copy. */
let counter = 0;
export function feedUrl(query: Record<string, string | number> = {}): string {
  const params = new URLSearchParams({ key: `k${Date.now()}-${counter++}`, ...query } as Record<string, string>);
  return `/test-feed?${params}`;
}

/** How many requests the test server has had for this feed URL (by its key). */
export async function requestCount(url: string): Promise<number> {
  const key = new URL(absoluteUrl(url)).searchParams.get('key');
  const response = await fetch(`/test-feed/count?key=${key}`);
  return ((await response.json()) as { count: number }).count;
}

/** Where the loader keeps its saved copies of feeds (see src/core/feed-loader.ts): one key per address. */
export const SAVED_COPY_PREFIX = 'compact-widgets:feed:v1:';
export const savedCopyKey = (url: string): string => `${SAVED_COPY_PREFIX}${absoluteUrl(url)}`;

/** As a first visit to a page: no request in memory and no saved copy (a test's `beforeEach`). */
export function freshLoader(): void {
  resetFeedLoader();
  clearSavedFeeds();
}
