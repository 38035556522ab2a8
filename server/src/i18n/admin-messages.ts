/**
 * The admin's own words for the shared layout. The admin is for council staff and is in English
 * (like the CLI); everything an organisation sees (the confirmation page, emails) is in en, cy and gd.
 */
export const ADMIN_MESSAGES: Record<string, string> = {
  skipLink: 'Skip to main content',
  serviceName: 'Compact admin',
  languageNav: 'Language',
};

export function adminT(id: string): string {
  return ADMIN_MESSAGES[id] ?? id;
}
