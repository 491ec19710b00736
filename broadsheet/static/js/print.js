/* Printing. On an article page the toolbar's Print link opens the print view in a new window with
   ?autoprint=1 (without JavaScript the link simply opens the print view). On the print view every photo
   loads at once (lazy ones would be missing on paper) and, with ?autoprint=1, the print dialog opens. */
(function () {
  "use strict";

  function openPrintView(event) {
    var link = event.target.closest("a[data-action=print]");
    if (!link) return;
    event.preventDefault();
    var url = new URL(link.href, window.location.href);
    url.searchParams.set("autoprint", "1");
    var opened = window.open(url.toString(), "_blank");
    if (!opened) window.location.assign(url.toString());
  }

  function loadLazyImagesForPrint() {
    document.querySelectorAll("img[loading=lazy]").forEach(function (img) { img.loading = "eager"; });
  }

  function printWhenReady() {
    var pending = Array.prototype.filter.call(document.images, function (img) { return !img.complete; });
    Promise.all(pending.map(function (img) {
      return new Promise(function (done) { img.addEventListener("load", done); img.addEventListener("error", done); });
    })).then(function () { window.print(); });
  }

  function printView() {
    loadLazyImagesForPrint();
    if (new URLSearchParams(window.location.search).get("autoprint") !== "1") return;
    if (document.readyState === "complete") printWhenReady();
    else window.addEventListener("load", printWhenReady);
  }

  document.addEventListener("click", openPrintView);
  window.addEventListener("beforeprint", loadLazyImagesForPrint);
  // A deferred script: the body is parsed by now.
  if (document.body.classList.contains("page-print")) printView();
})();
