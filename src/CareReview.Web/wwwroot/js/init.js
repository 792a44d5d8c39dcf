// Marks the page as scripted before it paints, as GOV.UK Frontend's template does inline
// (kept in a file so that the content security policy can forbid inline scripts).
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
