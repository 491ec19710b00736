/* The print view: load every photo now (lazy ones would be missing on paper), then, when the toolbar's
   Print button opened this page with ?autoprint=1, open the browser's print dialog. */
(function () {
  "use strict";
  document.querySelectorAll("img[loading=lazy]").forEach(function (img) { img.loading = "eager"; });
  if (new URLSearchParams(window.location.search).get("autoprint") !== "1") return;
  function printWhenReady() {
    var pending = Array.prototype.filter.call(document.images, function (img) { return !img.complete; });
    Promise.all(pending.map(function (img) {
      return new Promise(function (done) { img.addEventListener("load", done); img.addEventListener("error", done); });
    })).then(function () { window.print(); });
  }
  if (document.readyState === "complete") printWhenReady();
  else window.addEventListener("load", printWhenReady);
})();
