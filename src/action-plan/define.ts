import { defineElement } from '../core/define.js';
import { CompactActionPlan } from './action-plan.js';

defineElement('compact-action-plan', CompactActionPlan);

export { CompactActionPlan };
