/** Makes the page look hidden or visible, as switching browser tabs would. */
export function setVisibility(state: 'hidden' | 'visible'): void {
  if (state === 'visible') delete (document as { visibilityState?: string }).visibilityState;
  else Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
  document.dispatchEvent(new Event('visibilitychange'));
}
