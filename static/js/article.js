/* Article page tools: font size, copy link, the device's share sheet (KakaoTalk and others on phones), print.
   Loaded with defer from a static file (no inline script: the site has a Content Security Policy).
   Without JavaScript the article reads the same; these buttons simply stay hidden. */
(function () {
  "use strict";
  var SIZES = [16, 18, 20, 22, 24];
  var KEY = "newsroom:font-size";
  var body = document.querySelector(".story > .body");
  var tools = document.querySelector("[data-story-tools]");
  var status = document.querySelector("[data-share-status]");

  function say(message) {
    if (status) { status.textContent = message; }
  }

  function currentSize() {
    var stored = parseInt(window.localStorage && localStorage.getItem(KEY), 10);
    return SIZES.indexOf(stored) >= 0 ? stored : 18;
  }

  function applySize(size) {
    if (body) { body.style.fontSize = size + "px"; }
    try { localStorage.setItem(KEY, String(size)); } catch (e) { /* private mode: size lasts for this page */ }
  }

  if (tools && body) {
    tools.hidden = false;
    applySize(currentSize());
    tools.addEventListener("click", function (event) {
      var button = event.target.closest("[data-font-step]");
      if (button) {
        var index = SIZES.indexOf(currentSize()) + parseInt(button.getAttribute("data-font-step"), 10);
        applySize(SIZES[Math.max(0, Math.min(SIZES.length - 1, index))]);
      }
      if (event.target.closest("[data-print]")) { window.print(); }
    });
  }

  var copy = document.querySelector("[data-copy-link]");
  if (copy) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      var url = copy.getAttribute("data-copy-link");
      var done = function () { say(copy.getAttribute("data-copied")); };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(done, function () { fallbackCopy(); });
      } else {
        fallbackCopy();
      }
      function fallbackCopy() {
        var field = document.querySelector("[data-copy-source]");
        if (field) { field.select(); }
        try { document.execCommand("copy"); done(); } catch (e) { say(url); }
      }
    });
  }

  var native = document.querySelector("[data-native-share]");
  if (native && navigator.share) {
    native.hidden = false;
    native.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) { return; }
      navigator.share({ title: button.getAttribute("data-share-title"), url: button.getAttribute("data-share-url") })
        .catch(function () { /* the reader closed the share sheet */ });
    });
  }
})();
