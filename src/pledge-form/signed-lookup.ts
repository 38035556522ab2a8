/**
 * "Already signed?": as the organisation's name or number is typed, the feed's signatories are
 * looked up, and a match is said inline after the field that matched, before the rest is filled in.
 */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { CompactFeed } from '../feed/types.js';
import { safeHttpUrl } from '../feed/url.js';
import type { FeedText } from '../i18n/feed-text.js';
import { orgIdOf } from './body.js';
import type { Aside } from './fields.js';
import { findSignatory } from './identifier.js';
import type { PledgeValues } from './values.js';

type SignatoryMatch = ReturnType<typeof findSignatory>;

export class SignedLookup {
  private memo?: { feed: CompactFeed; values: PledgeValues; result: SignatoryMatch };
  private lastSpoken = '';

  /** The match, worked out once for each feed and set of answers. */
  match(feed: CompactFeed, values: PledgeValues): SignatoryMatch {
    const memo = this.memo;
    if (memo?.feed === feed && memo.values === values) return memo.result;
    const result = findSignatory(feed, { name: values.orgName, orgId: orgIdOf(values) });
    this.memo = { feed, values, result };
    return result;
  }

  /** The notice after the field `by` matched on (`name`: the name box, `id`: the number box). */
  render(feed: CompactFeed, values: PledgeValues, by: 'name' | 'id', words: FeedText): Aside | undefined {
    const match = this.match(feed, values);
    if (!match || match.by !== by) return undefined;
    const name = words.markup(match.signatory.name);
    const own = safeHttpUrl(match.signatory.url);
    const href = own ?? safeHttpUrl(feed.compact.url);
    const id = `${by}-signed`;
    return {
      id,
      content: html`<div class="already" id=${id}>
        ${msg(html`${name} has already signed this compact. You do not need to sign up again.`, { id: 'pledge-form.already.shown' })}
        ${href
          ? html`<br /><a href=${href}
                >${own
                  ? msg(html`Visit the website of ${name}`, { id: 'pledge-form.already.website' })
                  : msg('See the compact and who has signed it', { id: 'pledge-form.already.compact' })}</a
              >`
          : nothing}
      </div>`,
    };
  }

  /**
   * The signatory's name (as `nameOf` gives it, plain text) when a new match has appeared since the
   * last call, for a screen reader to hear; undefined otherwise.
   */
  newMatch(feed: CompactFeed, values: PledgeValues, nameOf: (match: NonNullable<SignatoryMatch>) => string): string | undefined {
    const match = this.match(feed, values);
    const key = match?.signatory.id ?? '';
    if (key === this.lastSpoken) return undefined;
    this.lastSpoken = key;
    return match ? nameOf(match) : undefined;
  }

  /** Forget what was last said (the form was cleared). */
  forget(): void {
    this.lastSpoken = '';
  }
}

/** What a screen reader hears when a match appears (spoken, not shown: the shown sentence is isolated). */
export function alreadySignedText(name: string): string {
  return msg(str`${name} has already signed this compact. You do not need to sign up again.`, { id: 'pledge-form.already' });
}
