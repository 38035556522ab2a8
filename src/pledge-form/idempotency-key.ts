/** A v4 UUID; `crypto.randomUUID` exists only on secure pages, which a host page may not be. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * An Idempotency-Key that fetch will send as it is: visible ASCII only (a stored key with a line
 * break or a non-Latin-1 character would make every attempt throw, and the pledge wait for ever).
 */
export function isValidKey(key: unknown): key is string {
  return typeof key === 'string' && /^[\x21-\x7e]{1,200}$/.test(key);
}
