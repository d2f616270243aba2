/* Korean (or any catalogue language) for the body editor's toolbar labels.
 * django-prose-editor passes its dialogs through window.gettext, but not its toolbar's
 * tooltips ("bold", "heading 2") nor the block menu ("Paragraph"). This passes them
 * through the same catalogue (locale/<lang>/LC_MESSAGES/djangojs.po, served by the
 * admin's jsi18n view) as the editor builds them. */
"use strict";

(function () {
  if (typeof window.gettext !== "function") { return; }
  var HEADING = /^(heading|Heading) (\d)$/;

  function translate(text) {
    var heading = HEADING.exec(text);
    if (heading) {
      return window.interpolate(window.gettext(heading[1] + " %s"), [heading[2]]);
    }
    return window.gettext(text);
  }

  function relabel(root) {
    root.querySelectorAll("[title], [aria-label]").forEach(function (element) {
      ["title", "aria-label"].forEach(function (name) {
        var value = element.getAttribute(name);
        var translated = value && translate(value);
        if (translated && translated !== value) { element.setAttribute(name, translated); }
      });
    });
    // Menu entries written as text (not icon buttons, whose text is the icon's name).
    root.querySelectorAll("[class*=prose-menubar] :not(.material-icons)").forEach(function (element) {
      if (element.children.length || !element.textContent) { return; }
      var translated = translate(element.textContent);
      if (translated !== element.textContent) { element.textContent = translated; }
    });
  }

  function watch() {
    var row = document.querySelector(".form-row.field-body") || document.body;
    relabel(row);
    new MutationObserver(function () { relabel(row); }).observe(row, { childList: true, subtree: true });
  }

  document.addEventListener("DOMContentLoaded", watch);
})();
