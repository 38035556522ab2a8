// GOV.UK Frontend's body classes, from a file rather than the template's inline script, so that
// pages run under a CSP without 'unsafe-inline'. Loaded (blocking, tiny, cached) as the first thing
// in <body>, so JavaScript-only styles apply before the first paint, as with the inline original.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
