// Otklik's small client side: CSRF header for htmx, live updates over Server-Sent Events, due-time badges counting
// down, keyboard shortcuts.
(function () {
  "use strict";

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute("content") : null;
  }

  document.addEventListener("htmx:configRequest", function (event) {
    var header = meta("_csrf_header"), token = meta("_csrf");
    if (header && token) { event.detail.headers[header] = token; }
  });

  // Live updates: the server says which ticket changed and when; regions that show it reload themselves through
  // htmx. Regions are looked up when the (debounced) refresh runs, not when the event arrives: a region swapped in
  // meanwhile is the one on the page. A region whose data-live-since is not older than the change already shows it
  // (the agent's own save answered with it), so it keeps what it shows, e.g. its "Saved." notice.
  var pending = {};
  function refresh(selector, delay, at) {
    var previous = pending[selector];
    if (previous) { clearTimeout(previous.timer); }
    var newest = Math.max(at || 0, previous ? previous.at : 0);
    pending[selector] = { at: newest, timer: setTimeout(function () {
      delete pending[selector];
      document.querySelectorAll(selector).forEach(function (el) {
        var since = Number(el.getAttribute("data-live-since"));
        if (since && newest && since >= newest) { return; }
        var keep = el.getAttribute("data-keep-while-focused");
        // "typing": only while the agent types in one of its fields, not when a button there merely has focus.
        if (keep !== null && el.contains(document.activeElement)
            && (keep !== "typing" || typing(document.activeElement))) {
          // The agent is editing here: keep their input, and tell them the ticket changed meanwhile.
          el.setAttribute("data-stale", "true");
          var notice = el.querySelector("[data-stale-notice]");
          if (notice) { notice.hidden = false; }
          return;
        }
        if (window.htmx) { htmx.trigger(el, "live-refresh"); }
      });
    }, delay) };
  }

  function connect() {
    var url = document.body.getAttribute("data-live-events");
    if (!url || !window.EventSource) { return; }
    var source = new EventSource(url);
    source.addEventListener("ticket", function (event) {
      var data = JSON.parse(event.data);
      refresh("[data-live-queue]", 250, data.at);
      refresh('[data-live-ticket="' + data.id + '"]', 150, data.at);
    });
    // Only a ticket's due time moved (its clocks were computed): the queue and the ticket's due regions reload, not
    // the conversation or the forms the agent may be using.
    source.addEventListener("due", function (event) {
      var data = JSON.parse(event.data);
      refresh("[data-live-queue]", 250, data.at);
      refresh('[data-live-due="' + data.id + '"]', 150, data.at);
    });
    // Many due times at once (clocks recomputed after a calendar or policy change).
    source.addEventListener("dues", function (event) {
      var data = JSON.parse(event.data);
      refresh("[data-live-queue]", 250, data.at);
      refresh("[data-live-due]", 250, data.at);
    });
    source.addEventListener("open", function () { document.body.setAttribute("data-live", "connected"); });
    source.addEventListener("error", function () { document.body.setAttribute("data-live", "reconnecting"); });
  }

  // Due-time badges ([data-due], see components/due.html) count down every second: "осталось 25 мин", then
  // "просрочено на 1 мин", coloured ok / near (from data-due-near) / overdue, by the rules the server painted them
  // with (minutes rounded up, hours from 60 minutes, days from 24 hours). Words come from #due-texts.
  function dueAmount(ms, words) {
    var minutes = Math.max(1, Math.ceil(Math.abs(ms) / 60000)), day = 24 * 60;
    if (minutes < 60) { return fill(words.getAttribute("data-minutes"), minutes); }
    if (minutes < day) {
      return minutes % 60 === 0 ? fill(words.getAttribute("data-hours"), Math.floor(minutes / 60))
        : fill(words.getAttribute("data-hours-minutes"), Math.floor(minutes / 60), minutes % 60);
    }
    var hours = Math.floor((minutes % day) / 60);
    return hours === 0 ? fill(words.getAttribute("data-days"), Math.floor(minutes / day))
      : fill(words.getAttribute("data-days-hours"), Math.floor(minutes / day), hours);
  }

  function fill(pattern) {
    var values = Array.prototype.slice.call(arguments, 1);
    return pattern.replace(/\{(\d)\}/g, function (all, i) { return String(values[Number(i)]); });
  }

  function countDown() {
    var words = document.getElementById("due-texts");
    if (!words) { return; }
    var now = Date.now();
    document.querySelectorAll("[data-due]").forEach(function (badge) {
      var due = Number(badge.getAttribute("data-due"));
      var near = Number(badge.getAttribute("data-due-near") || due);
      var overdue = badge.getAttribute("data-due-breached") === "true" || now >= due;
      var standing = overdue ? "overdue" : (now >= near ? "near" : "ok");
      var text = fill(words.getAttribute(overdue ? "data-overdue" : "data-left"), dueAmount(due - now, words));
      if (badge.textContent !== text) { badge.textContent = text; }
      if (badge.getAttribute("data-due-standing") !== standing) {
        ["ok", "near", "overdue"].forEach(function (s) { badge.classList.toggle("due-" + s, s === standing); });
        badge.setAttribute("data-due-standing", standing);
      }
    });
  }

  // Times marked data-local-time (epoch ms) are shown in the viewer's own time zone and the page's language.
  function localTimes(root) {
    if (!window.Intl) { return; }
    var format = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
      day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", timeZoneName: "short" });
    (root || document).querySelectorAll("[data-local-time]").forEach(function (el) {
      el.textContent = format.format(new Date(Number(el.getAttribute("data-local-time"))));
    });
  }

  document.addEventListener("htmx:afterSwap", function (event) {
    countDown();
    localTimes(document);
  });

  function typing(target) {
    var tag = target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable;
  }

  // Shortcuts: r reply, n note, j next ticket, / search; on a queue j/k move, Enter opens.
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
    var composer = document.getElementById("composer-body");
    if ((event.key === "r" || event.key === "n") && composer) {
      var kind = document.querySelector('input[name="kind"][value="' + (event.key === "r" ? "PUBLIC_REPLY" : "INTERNAL_NOTE") + '"]');
      if (kind) { kind.checked = true; kind.dispatchEvent(new Event("change", { bubbles: true })); }
      composer.focus();
      event.preventDefault();
    } else if (event.key === "j" && document.getElementById("next-ticket")) {
      window.location = document.getElementById("next-ticket").href;
      event.preventDefault();
    } else if (event.key === "/" && document.getElementById("global-search")) {
      document.getElementById("global-search").focus();
      event.preventDefault();
    } else if ((event.key === "j" || event.key === "k" || event.key === "Enter") && document.querySelector("table.tickets")) {
      var rows = Array.prototype.slice.call(document.querySelectorAll("table.tickets tbody tr[data-href]"));
      if (!rows.length) { return; }
      var at = rows.findIndex(function (r) { return r.classList.contains("selected"); });
      if (event.key === "Enter") {
        if (at >= 0) { window.location = rows[at].getAttribute("data-href"); }
        return;
      }
      var next = Math.max(0, Math.min(rows.length - 1, at + (event.key === "j" ? 1 : -1)));
      rows.forEach(function (r) { r.classList.remove("selected"); });
      rows[next].classList.add("selected");
      rows[next].scrollIntoView({ block: "nearest" });
      event.preventDefault();
    }
  });

  // The composer turns yellow in note mode, so a note is never mistaken for a public reply.
  document.addEventListener("change", function (event) {
    if (event.target.name === "kind") {
      var form = event.target.closest(".composer");
      if (form) { form.classList.toggle("note-mode", event.target.value === "INTERNAL_NOTE"); }
    }
  });

  // A form with data-confirm asks first (splitting a message off into a new ticket, say).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.hasAttribute && form.hasAttribute("data-confirm") && !window.confirm(form.getAttribute("data-confirm"))) {
      event.preventDefault();
      event.stopPropagation();
    }
  }, true);

  document.addEventListener("DOMContentLoaded", function () {
    connect();
    countDown();
    localTimes(document);
    setInterval(countDown, 1000);
  });
})();
