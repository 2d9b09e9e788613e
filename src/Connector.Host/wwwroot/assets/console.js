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
  // An error summary takes the focus, so a screen reader starts with what to fix.
  document.querySelector(".error-summary")?.focus();
});
