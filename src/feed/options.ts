/**
 * `options` copied onto an object without a prototype, for options handed to the platform. Its
 * dictionaries (fetch's RequestInit, Intl's options) are read with inherited properties too: on a
 * page with `Object.prototype.mode = 'dark'` every fetch would throw, `'no-cors'` would make a
 * pledge's answer unreadable, and an inherited `hour12` or `calendar` would have the time zone
 * arithmetic read the wrong clock. This module imports nothing, so every layer can use it.
 */
export function withoutInherited<T extends object>(options: T): T {
  return Object.assign(Object.create(null) as T, options);
}
