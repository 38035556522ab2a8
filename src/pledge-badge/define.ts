import { defineElement } from '../core/define.js';
import { CompactPledgeBadge } from './pledge-badge.js';

export { CompactPledgeBadge };
defineElement('compact-pledge-badge', CompactPledgeBadge);
