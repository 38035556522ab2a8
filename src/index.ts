/**
 * The script-tag bundle: `<script type="module" src="…/compact-widgets.js">` defines every element.
 * Apps that want only some elements import their `define.js` modules instead
 * (`import 'compact-widgets/signatory-list/define'`).
 */
export { CompactActionPlan } from './action-plan/define.js';
export { CompactConsultationCountdown } from './consultation-countdown/define.js';
export { CompactPledgeBadge } from './pledge-badge/define.js';
export { CompactPledgeForm } from './pledge-form/define.js';
export { CompactSignatoryList } from './signatory-list/define.js';

export { CompactElement } from './core/compact-element.js';
// For elements built on CompactElement: the shared theme values and the one heading-level rule.
export { theme, themeValue, type ThemeToken } from './core/styles.js';
export { headingLevel, headingTag, type HeadingLevel } from './core/heading.js';
export { defineElement } from './core/define.js';
export { clearSavedFeeds } from './core/feed-loader.js';
export * from './feed/index.js';
export { emit } from './events.js';
export type { CompactEventMap, CompactEventName, CompactEvent } from './events.js';
