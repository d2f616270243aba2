/* The article form's helpers: copy buttons, the live length count, autosave. No inline script (CSP).
 * Texts come from the page (data-* attributes rendered with gettext), so the script has no words of its own. */
"use strict";

(function () {
  var desk = (window.NewsroomDesk = window.NewsroomDesk || {});

  // Copy buttons: <button data-copy="input-id" data-copied="복사했습니다">.
  function setUpCopyButtons() {
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
      button.addEventListener("click", function () {
        var input = document.getElementById(button.dataset.copy);
        var status = button.parentElement.querySelector(".copy-status");
        function done() { if (status) { status.textContent = button.dataset.copied; } }
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(input.value).then(done, function () { input.select(); });
        } else {
          input.select();
          if (document.execCommand("copy")) { done(); }
        }
      });
    });
  }

  // The same rules as articles/manuscript.py: see its docstring for how 원고지 매수 is counted.
  var BLOCK_END = /<\/(p|h[1-6]|li|blockquote|tr|td|th)>|<br\s*\/?>|<hr\s*\/?>/gi;
  var COLUMNS = 20, LINES_PER_SHEET = 10;
  var decoder = document.createElement("textarea");

  function textLines(html) {
    var withBreaks = (html || "").replace(BLOCK_END, "\n").replace(/<[^>]*>/g, "");
    decoder.innerHTML = withBreaks;
    return decoder.value.split("\n").map(function (line) { return line.replace(/\s+/g, " ").trim(); })
      .filter(function (line) { return line.length > 0; });
  }

  desk.count = function (html) {
    var result = { characters: 0, characters_no_spaces: 0, words: 0, lines: 0 };
    textLines(html).forEach(function (line) {
      var length = Array.from(line).length;
      result.characters += length;
      result.characters_no_spaces += Array.from(line.replace(/ /g, "")).length;
      result.words += line.split(" ").length;
      result.lines += Math.ceil((1 + length) / COLUMNS);
    });
    result.sheets = (result.lines / LINES_PER_SHEET).toFixed(1);
    return result;
  };

  function setUpCount() {
    var counter = document.getElementById("body-count");
    var body = document.getElementById("id_body");
    var place = body && body.closest(".flex-container");
    if (!counter || !place) { return; }
    var text = document.createElement("span");
    text.className = "counts";
    counter.appendChild(text);
    place.after(counter);  // right under the editor, lined up with the field's help text
    counter.hidden = false;
    function show() {
      var numbers = desk.count(body.value);
      text.textContent = counter.dataset.format.replace(/\{(\w+)\}/g, function (all, name) {
        var value = numbers[name];
        return typeof value === "number" ? value.toLocaleString("ko-KR") : value;
      });
    }
    body.addEventListener("input", show);
    show();
  }

  // Autosave: every data-interval seconds while something changed, and when the tab is hidden or closed.
  var AUTOSAVED = ["headline", "deck", "slug", "section", "body", "tags", "version"];

  function setUpAutosave() {
    var config = document.getElementById("autosave");
    var form = document.getElementById("article_form");
    if (!config || !form) { return; }
    var dirty = false, submitting = false;
    var status = document.createElement("span");
    status.className = "autosave-status";
    status.setAttribute("role", "status");
    (document.getElementById("body-count") || config).appendChild(status);

    form.addEventListener("input", function () { dirty = true; });
    form.addEventListener("change", function () { dirty = true; });
    form.addEventListener("submit", function () { submitting = true; });

    desk.autosaveNow = function (keepalive) {
      if (!dirty || submitting) { return Promise.resolve(false); }
      dirty = false;
      var data = new FormData();
      AUTOSAVED.forEach(function (name) {
        var field = form.elements[name];
        if (field) { data.append(name, field.value); }
      });
      return fetch(config.dataset.url, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        keepalive: Boolean(keepalive),
        headers: { "X-CSRFToken": form.elements.csrfmiddlewaretoken.value },
      }).then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      }).then(function (answer) {
        status.textContent = config.dataset.saved.replace("{time}", answer.saved_at_display);
        return true;
      }).catch(function () {
        dirty = true;
        status.textContent = config.dataset.failed;
        return false;
      });
    };
    window.setInterval(desk.autosaveNow, Number(config.dataset.interval) * 1000);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") { desk.autosaveNow(true); }
    });
    window.addEventListener("pagehide", function () { desk.autosaveNow(true); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpCopyButtons();
    setUpCount();
    setUpAutosave();
  });
})();
