// The console's one script, loaded from this service under script-src 'self': conveniences only; every page works
// without it. Copy buttons stay hidden until this runs.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("button[data-copy]")) {
    button.hidden = false;
    const label = button.textContent;
    button.addEventListener("click", async () => {
      const source = document.getElementById(button.dataset.copy);
      if (!source) return;
      try {
        await navigator.clipboard.writeText(source.value ?? source.textContent);
      } catch {
        source.select?.();
        document.execCommand?.("copy");
      }
      button.textContent = button.dataset.copied || label;
      setTimeout(() => { button.textContent = label; }, 2000);
    });
  }
  // The callback URI of a create form follows its id field as it is typed (the page shows it without script once
  // the form has been sent with an id). An id the service would refuse shows no URI.
  for (const panel of document.querySelectorAll("[data-callback-source]")) {
    const source = document.getElementById(panel.dataset.callbackSource);
    const known = panel.querySelector("[data-callback-known]");
    const unknown = panel.querySelector("[data-callback-unknown]");
    const output = known?.querySelector("input");
    if (!source || !known || !output) continue;
    source.addEventListener("input", () => {
      const id = source.value.trim() || panel.dataset.callbackFallback || "";
      const valid = /^[a-z0-9-]{1,64}$/.test(id);
      if (valid) output.value = panel.dataset.callbackBase + encodeURIComponent(id);
      known.hidden = !valid;
      if (unknown) unknown.hidden = valid;
    });
  }
  // An error summary takes the focus, so a screen reader starts with what to fix.
  document.querySelector(".error-summary")?.focus();
});
