// Suggests existing tags for the last comma-separated term of a tag input.
// The options are whole input values ("스마트시티, 한중일"), so the browser's
// own <datalist> handles the keyboard and the choice.
"use strict";
(function () {
  function setUp(input) {
    const list = document.createElement("datalist");
    list.id = input.id + "_suggestions";
    input.after(list);
    input.setAttribute("list", list.id);
    let timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { suggest(input, list); }, 200);
    });
  }

  async function suggest(input, list) {
    const parts = input.value.split(",");
    const term = parts.pop().trim();
    if (!term) { list.replaceChildren(); return; }
    const url = new URL(input.dataset.tagSuggest, window.location.href);
    url.search = new URLSearchParams({
      app_label: "articles", model_name: "article", field_name: "tags", term: term,
    }).toString();
    const response = await fetch(url, { credentials: "same-origin" });
    if (!response.ok) { return; }
    const data = await response.json();
    const prefix = parts.map(function (part) { return part.trim(); }).filter(Boolean);
    list.replaceChildren(...data.results.map(function (result) {
      const option = document.createElement("option");
      option.value = prefix.concat([result.text]).join(", ") + ", ";
      return option;
    }));
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-tag-suggest]").forEach(setUp);
  });
})();
