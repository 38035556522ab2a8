import { readFile } from 'node:fs/promises';
import { Refused } from './output.js';

export const MAX_FEED_BYTES = 20 * 1024 * 1024;

/** A feed from a file, `-` (standard input) or an http(s) URL, capped so an endless body cannot fill memory. */
export async function readSource(source: string): Promise<string> {
  if (source === '-') return readLimited(process.stdin, 'standard input');
  if (/^https?:\/\//i.test(source)) {
    let response: Response;
    try {
      response = await fetch(source, { redirect: 'follow', signal: AbortSignal.timeout(30_000) });
    } catch (error) {
      throw new Refused(`Could not fetch ${source}: ${(error as Error).message}`);
    }
    if (!response.ok) throw new Refused(`Could not fetch ${source}: the server answered ${response.status}`);
    if (!response.body) return '';
    return readLimited(response.body as unknown as AsyncIterable<Uint8Array>, source);
  }
  const text = await readFile(source, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new Refused(error.code === 'ENOENT' ? `No such file: ${source}` : `Could not read ${source}: ${error.message}`);
  });
  if (Buffer.byteLength(text) > MAX_FEED_BYTES) throw new Refused(`${source} is larger than ${MAX_FEED_BYTES / 1024 / 1024} MB; a feed is much smaller`);
  return text;
}

async function readLimited(stream: AsyncIterable<Uint8Array | string>, name: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    size += buffer.length;
    if (size > MAX_FEED_BYTES) throw new Refused(`${name} is larger than ${MAX_FEED_BYTES / 1024 / 1024} MB; stopped reading`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
