/** Small helpers for talking to a test server the way a browser or a widget would. */
import { randomUUID } from 'node:crypto';

export interface PledgeBody {
  compactId?: string;
  organisation?: Record<string, unknown>;
  contact?: Record<string, unknown>;
  champion?: Record<string, unknown>;
  pledge?: unknown;
  consent?: Record<string, unknown>;
  locale?: string;
  [other: string]: unknown;
}

export function validPledge(overrides: PledgeBody = {}): PledgeBody {
  return {
    compactId: 'southend',
    organisation: { name: 'Leigh Community Larder', sector: 'voluntary', type: 'community-group', url: 'https://larder.example.org/' },
    contact: { name: 'Ada Jones', email: 'ada@larder.example.org', role: 'Chair' },
    champion: { name: 'Sam Patel', role: 'Trustee' },
    pledge: 'We will share what we hear from families with the council.',
    consent: { publish: true, contact: true },
    locale: 'en',
    ...overrides,
  };
}

export async function postPledge(base: string, body: unknown, init: { key?: string | null; compactId?: string; headers?: Record<string, string> } = {}) {
  const key = init.key === undefined ? randomUUID() : init.key;
  const response = await fetch(`${base}/api/compacts/${init.compactId ?? 'southend'}/pledges`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key === null ? {} : { 'idempotency-key': key }), ...init.headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text, key };
}

export async function getFeed(base: string, id = 'southend', headers: Record<string, string> = {}) {
  const response = await fetch(`${base}/feeds/${id}.json`, { headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: text ? JSON.parse(text) : undefined };
}
