/** Shared by the public-output tests: a server with the sample compacts, and a feed of our own. */
import { importFeed, SYSTEM } from '../../src/index.js';
import { sampleFeed, startTestServer, type TestServer, type TestServerOptions } from '../helpers/server.js';

export const NOW = new Date('2026-12-01T12:00:00Z');
export const frozen = () => new Date(NOW);

export function startPublicServer(options: TestServerOptions = {}): Promise<TestServer> {
  return startTestServer({
    feeds: ['southend', 'bilingual-wales'],
    clock: frozen,
    ...options,
    env: { PRIVACY_NOTICE_URL: 'https://council.example/privacy', LOG_LEVEL: 'warn', ...options.env },
  });
}

/** The Southend sample with changes, imported over the stored one (as `import --replace` does). */
export async function reimportSouthend(t: TestServer, change: (feed: any) => void): Promise<void> {
  const feed = JSON.parse(sampleFeed('southend'));
  change(feed);
  const result = await importFeed(t.server.database.db, JSON.stringify(feed), { replace: true, clock: frozen, actor: SYSTEM });
  if (!result.ok) throw new Error(JSON.stringify(result));
}

export async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text };
}
