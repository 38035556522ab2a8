/** Staff users and a cookie-keeping client for the admin, as a browser without JavaScript uses it. */
import { addUser, setPasswordWithLink } from '../../src/domain/users.js';
import type { Role } from '../../src/db/tables.js';
import type { TestServer } from '../helpers/server.js';

export const PASSWORD = 'correct horse battery staple';

export async function makeUser(t: TestServer, email: string, role: Role, compactId?: string, password = PASSWORD): Promise<string> {
  const clock = t.server.app.clock;
  const link = await addUser(t.server.database.db, { email, role, ...(compactId ? { compactId } : {}) }, { publicUrl: t.url, hours: 48, clock, actor: { id: 'test', label: 'test' } });
  const token = new URL(link.url).searchParams.get('token')!;
  await setPasswordWithLink(t.server.database.db, token, password, clock);
  return link.userId;
}

export interface Page {
  status: number;
  text: string;
  headers: Headers;
  location: string | null;
}

/** Keeps cookies like a browser, and the CSRF token of the last page it read. */
export class AdminClient {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(private base: string) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, value] = pair.split('=');
      const expired = attributes.some((a) => /max-age=0|expires=thu, 01 jan 1970/i.test(a.trim())) || value === '';
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.trim());
    }
  }

  async get(path: string): Promise<Page> {
    const response = await fetch(`${this.base}${path}`, { headers: { cookie: this.cookieHeader() }, redirect: 'manual' });
    this.keep(response);
    const text = await response.text();
    const csrf = /name="_csrf" value="([^"]*)"/.exec(text);
    if (csrf) this.csrf = csrf[1];
    return { status: response.status, text, headers: response.headers, location: response.headers.get('location') };
  }

  async post(path: string, form: Record<string, string>, options: { csrf?: string | null } = {}): Promise<Page> {
    const body = new URLSearchParams(form);
    const token = options.csrf === undefined ? this.csrf : options.csrf;
    if (token !== null) body.set('_csrf', token);
    const response = await fetch(`${this.base}${path}`, {
      method: 'POST',
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      body,
      redirect: 'manual',
    });
    this.keep(response);
    const text = await response.text();
    const csrf = /name="_csrf" value="([^"]*)"/.exec(text);
    if (csrf) this.csrf = csrf[1];
    return { status: response.status, text, headers: response.headers, location: response.headers.get('location') };
  }

  async signIn(email: string, password = PASSWORD): Promise<Page> {
    await this.get('/admin/sign-in');
    const answer = await this.post('/admin/sign-in', { email, password });
    if (answer.status === 303) await this.get(answer.location!);
    return answer;
  }
}

/**
 * What axe cannot see, on every page the admin renders (each GET, and each POST of an empty form, so
 * most forms' error states too): the GOV.UK page patterns and WCAG 2.4.1 and 2.4.2.
 */
export function pagePatterns(label: string, text: string): string[] {
  const problems: string[] = [];
  const title = /<title>([^<]*)<\/title>/.exec(text)?.[1] ?? '';
  if (!/^(Error: )?.+ – Compact admin$/.test(title) && title !== 'Compact admin') problems.push(`${label}: title “${title}” does not end “– Compact admin”`);
  if (!/<html lang="en"/.test(text)) problems.push(`${label}: no lang="en"`);
  if (!/class="govuk-skip-link"[^>]*href="#main-content"|href="#main-content"[^>]*class="govuk-skip-link"/.test(text) || !/<main [^>]*id="main-content"/.test(text)) problems.push(`${label}: the skip link has no target`);
  const summary = /class="govuk-error-summary"/.test(text);
  if (summary !== title.startsWith('Error: ')) problems.push(`${label}: title “${title}” ${summary ? 'lacks' : 'has'} “Error: ” while the page ${summary ? 'has' : 'has no'} error summary`);
  const links = [...text.matchAll(/<ul class="govuk-list govuk-error-summary__list">([\s\S]*?)<\/ul>/g)].map((m) => m[1]).join('');
  for (const [, target] of links.matchAll(/href="#([^"]+)"/g)) {
    if (!text.includes(`id="${target}"`)) problems.push(`${label}: the error summary links to #${target}, which is not on the page`);
  }
  return problems;
}
