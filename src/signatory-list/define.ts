import { defineElement } from '../core/define.js';
import { CompactSignatoryList } from './signatory-list.js';

export { CompactSignatoryList };
defineElement('compact-signatory-list', CompactSignatoryList);
