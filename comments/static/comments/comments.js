// The comment form on a cached article page: fetch a fresh challenge and CSRF token from
// /comments/challenge/ (never cached), then show the form. "새 그림" asks for another challenge.
(function () {
  "use strict";

  function load(form, url) {
    var image = form.querySelector(".challenge-image");
    var answer = form.querySelector("input[name=captcha_1]");
    return fetch(url, { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.json().then(function (data) {
          if (!response.ok) { throw new Error(data.error || response.statusText); }
          return data;
        });
      })
      .then(function (data) {
        form.querySelector("input[name=captcha_0]").value = data.key;
        image.src = data.image_url;
        var audio = form.querySelector(".challenge-audio");
        if (audio) {
          audio.hidden = !data.audio_url;
          audio.href = data.audio_url || "";
        }
        var token = form.querySelector("input[name=csrfmiddlewaretoken]");
        if (token && data.csrf_token) { token.value = data.csrf_token; }
        answer.value = "";
        form.hidden = false;
        form.querySelector(".challenge-error").hidden = true;
      })
      .catch(function () {
        form.hidden = false;
        form.querySelector(".challenge-error").hidden = false;
      });
  }

  document.querySelectorAll("form.comment-form").forEach(function (form) {
    var refresh = form.querySelector(".challenge-refresh");
    if (form.dataset.challengeUrl) {
      load(form, form.dataset.challengeUrl);
    }
    if (refresh) {
      refresh.hidden = false;
      refresh.addEventListener("click", function () {
        load(form, refresh.dataset.challengeUrl).then(function () {
          form.querySelector("input[name=captcha_1]").focus();
        });
      });
    }
  });
})();
