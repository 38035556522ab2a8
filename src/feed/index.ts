/** The feed: types, the validator/normaliser, and the helpers widgets use to read it. */
export * from './types.js';
export { checkFeed, checkFeedText, DEFAULT_CONSULTATION_WEEKS, DEFAULT_LANGUAGE, DEFAULT_TIME_ZONE } from './validate.js';
export type { FeedCheck } from './validate.js';
export { pickText } from './localized-text.js';
export { isLanguageTag } from './clean-feed.js';
export { resolveHttpUrl, safeHttpUrl } from './url.js';
export {
  endOfDayInZone,
  isIsoDate,
  isIsoDateTime,
  isValidTimeZone,
  parseDateTime,
  startOfDayInZone,
  todayInZone,
  zonedDateTimeToInstant,
  zonedParts,
} from './time.js';
export type { ZonedParts } from './time.js';
