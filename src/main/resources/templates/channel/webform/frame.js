// Inside the frame that embed.js puts on another site: tells that page how tall the form is, so the frame fits it.
(function () {
  "use strict";
  if (window.parent === window) { return; }
  // The body's own height, not the document's: that one never drops below the frame's current height.
  function report() {
    var height = Math.ceil(document.body.getBoundingClientRect().height);
    window.parent.postMessage({ type: "otklik-webform-height", height: height }, "*");
  }
  window.addEventListener("load", report);
  if (window.ResizeObserver) { new ResizeObserver(report).observe(document.body); }
  document.addEventListener("htmx:afterSettle", report);
})();
