// Otklik's support form on another site. Paste
//   <script src="https://support.example.com/support/embed.js" data-lang="ru" async></script>
// where the form should appear: the script puts the form in a frame right after itself (or into the element that
// data-target names, e.g. data-target="#support"), and lets the frame grow with the form. data-lang is "ru" or
// "en"; without it the form follows the visitor's browser.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) { return; }
  var titles = /*TITLES*/{};
  var root = script.src.replace(/\/support\/embed\.js(?:[?#].*)?$/, "");
  var origin = new URL(root, document.baseURI).origin;
  var lang = (script.getAttribute("data-lang") || "").toLowerCase();
  var frame = document.createElement("iframe");
  frame.src = root + "/support/new?embed=1" + (lang ? "&lang=" + encodeURIComponent(lang) : "");
  frame.title = titles[lang] || titles[(navigator.language || "").slice(0, 2).toLowerCase()] || titles.ru;
  frame.setAttribute("data-otklik-webform", "");
  frame.style.cssText = "display:block;width:100%;min-height:640px;border:0;";
  var selector = script.getAttribute("data-target");
  var target = selector ? document.querySelector(selector) : null;
  if (target) {
    target.appendChild(frame);
  } else {
    script.parentNode.insertBefore(frame, script.nextSibling);
  }
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.origin !== origin || event.source !== frame.contentWindow || !data
        || data.type !== "otklik-webform-height" || typeof data.height !== "number" || !(data.height > 0)) {
      return;
    }
    frame.style.minHeight = "0";
    frame.style.height = Math.ceil(data.height) + "px";
  });
})();
