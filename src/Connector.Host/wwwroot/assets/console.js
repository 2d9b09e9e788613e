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
  // The sign-in experience's live preview: the frame follows the form as it is typed (GET, the fields in the query,
  // the anti-forgery token left out: a preview saves nothing). Without script the form's Preview button posts it there.
  for (const form of document.querySelectorAll("form[data-preview]")) {
    const frame = document.querySelector(`iframe[name="${form.dataset.previewFrame}"]`);
    if (!frame) continue;
    let timer;
    const follow = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const query = new URLSearchParams();
        for (const [name, value] of new FormData(form)) {
          if (name !== form.dataset.previewOmit && typeof value === "string") query.append(name, value);
        }
        frame.src = `${form.dataset.preview}?${query}`;
      }, 300);
    };
    form.addEventListener("input", follow);
    form.addEventListener("change", follow);
  }
  // Back from a change to one item (a connector moved up): the focus goes to that item, not to the top of the page.
  const arrived = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  if (arrived?.hasAttribute("data-focus-on-arrival")) arrived.focus();
  // A page that answers a POST with something shown once (a new App secret) takes the address of the page it is, so a
  // reload reads that page instead of sending the form again (which would create or rotate once more).
  const shownOnce = document.querySelector("[data-replace-location]");
  if (shownOnce) history.replaceState(null, "", shownOnce.dataset.replaceLocation);
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
  // A dry run's start page: its link leads to the provider, which a form's redirect may not (form-action 'self').
  const follow = document.querySelector("a[data-follow]");
  if (follow) location.assign(follow.href);
  // An error summary takes the focus, so a screen reader starts with what to fix.
  document.querySelector(".error-summary")?.focus();
});
