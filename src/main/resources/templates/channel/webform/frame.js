// Inside the frame that embed.js puts on another site: tells that page how tall the form is, so the frame fits it.
(function () {
  "use strict";
  if (window.parent === window) { return; }
  function report() {
    window.parent.postMessage({ type: "otklik-webform-height", height: document.documentElement.scrollHeight }, "*");
  }
  window.addEventListener("load", report);
  if (window.ResizeObserver) { new ResizeObserver(report).observe(document.body); }
  document.addEventListener("htmx:afterSettle", report);
})();
