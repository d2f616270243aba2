/* The article form's helpers: copy buttons, the live length count, autosave. No inline script (CSP). */
"use strict";

(function () {
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

  window.NewsroomDesk = window.NewsroomDesk || {};
  document.addEventListener("DOMContentLoaded", setUpCopyButtons);
})();
