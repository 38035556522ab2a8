import { normaliseName } from 'compact-widgets/feed/text-match';

/**
 * The keys by which two sign-ups are the same organisation: the name as the widgets compare it
 * (no case, accents or punctuation; "&" is "and") and the org-id without case or separators.
 */
export function nameKey(name: string): string {
  return normaliseName(name);
}

export function orgKey(id: string | undefined): string | null {
  if (!id) return null;
  const key = id.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return key === '' ? null : key;
}
