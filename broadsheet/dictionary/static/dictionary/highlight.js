/* Highlighting, in the article text, the words above the level a reader chose in the "Words in this
   article" box. Levels come from /api/dictionary/articles/<id>/levels, asked once. */
(function () {
  "use strict";

  var D = window.BroadsheetDictionary;

  function unhighlight() {
    document.querySelectorAll("mark.dictionary-hard").forEach(function (mark) {
      mark.replaceWith(document.createTextNode(mark.textContent));
    });
    D.scopes().forEach(function (scope) { scope.normalize(); });
  }

  function highlight(words, level) {
    unhighlight();
    var limit = D.LEVELS.indexOf(level);
    var hard = {};
    Object.keys(words).forEach(function (form) {
      if (D.LEVELS.indexOf(words[form].level) > limit && words[form].found) hard[form] = words[form].level;
    });
    var pattern = /[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]/g;
    D.scopes().forEach(function (scope) {
      var walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
      var nodes = [];
      while (walker.nextNode()) nodes.push(walker.currentNode);
      nodes.forEach(function (node) {
        var text = node.data, last = 0, match, fragment = null;
        pattern.lastIndex = 0;
        while ((match = pattern.exec(text))) {
          if (!hard[match[0]]) continue;
          fragment = fragment || document.createDocumentFragment();
          fragment.appendChild(document.createTextNode(text.slice(last, match.index)));
          var mark = D.el("mark", { "class": "dictionary-hard", "data-level": hard[match[0]] }, match[0]);
          fragment.appendChild(mark);
          last = match.index + match[0].length;
        }
        if (!fragment) return;
        fragment.appendChild(document.createTextNode(text.slice(last)));
        node.replaceWith(fragment);
      });
    });
  }

  function setUpHighlighting() {
    var form = document.querySelector("[data-dictionary-highlight]");
    var box = document.querySelector("[data-dictionary-words]");
    if (!form || !box) return;
    form.hidden = false;
    var toggle = form.querySelector("[data-dictionary-highlight-toggle]");
    var select = form.querySelector("[data-dictionary-highlight-level]");
    var levels = null;
    if (D.store(D.STORE_LEVEL)) select.value = D.store(D.STORE_LEVEL);
    function apply() {
      D.store(D.STORE_LEVEL, select.value);
      if (!toggle.checked) { unhighlight(); return; }
      levels = levels || fetch(D.API + "articles/" + box.dataset.pageId + "/levels").then(function (r) { return r.json(); });
      levels.then(function (data) { if (toggle.checked) highlight(data.words, select.value); });
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }


  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUpHighlighting);
  else setUpHighlighting();
})();
