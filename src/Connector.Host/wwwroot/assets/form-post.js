// The form_post relay's one script, loaded from this service under script-src 'self' (docs/security.md): the
// provider's cross-site POST came without the SameSite=Lax binding cookie, so this page posts the same fields again,
// same-site, and the cookie comes along. Without script the page's button does the same.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  document.querySelector("form[data-relay]")?.submit();
});
