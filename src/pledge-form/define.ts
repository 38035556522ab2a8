import { defineElement } from '../core/define.js';
import { CompactPledgeForm } from './pledge-form.js';

defineElement('compact-pledge-form', CompactPledgeForm);

declare global {
  interface HTMLElementTagNameMap {
    'compact-pledge-form': CompactPledgeForm;
  }
}

export { CompactPledgeForm };
