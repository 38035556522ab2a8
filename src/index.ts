/**
 * The script-tag bundle: `<script type="module" src="…/compact-widgets.js">` defines every element.
 * Apps that want only some elements import their `define.js` modules instead.
 */
import './action-plan/define.js';
import './consultation-countdown/define.js';
import './pledge-form/define.js';
import './pledge-badge/define.js';
import './signatory-list/define.js';

export { CompactElement } from './core/compact-element.js';
export { defineElement } from './core/define.js';
export { clearSavedFeeds } from './core/feed-loader.js';
export * from './feed/index.js';
