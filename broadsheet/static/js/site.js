// Broadsheet site script: small progressive enhancements only; every link works without it.
(function () {
  "use strict";

  // "Copy link" is a plain link to the article; with JavaScript it copies the address instead.
  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-action='copy-link']");
    if (!link || !navigator.clipboard) return;
    event.preventDefault();
    navigator.clipboard.writeText(link.href).then(function () {
      var original = link.textContent;
      link.textContent = link.getAttribute("data-copied-label") || original;
      window.setTimeout(function () { link.textContent = original; }, 2000);
    });
  });
})();
