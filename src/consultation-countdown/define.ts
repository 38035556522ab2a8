import { defineElement } from '../core/define.js';
import { CompactConsultationCountdown } from './consultation-countdown.js';

defineElement('compact-consultation-countdown', CompactConsultationCountdown);

export { CompactConsultationCountdown };
