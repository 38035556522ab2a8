/**
 * Registers an element once. A second copy of the library on the same page (two CMS blocks each
 * pasting the script tag, say) must not throw into the host page: it warns and leaves the first.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === constructor) return;
  if (existing) {
    console.warn(`compact-widgets: <${tag}> is already defined (is the script on this page twice?); keeping the first.`);
    return;
  }
  customElements.define(tag, constructor);
}
