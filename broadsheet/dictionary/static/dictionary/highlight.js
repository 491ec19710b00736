/* Highlighting, in the article text, the words above the level a reader chose in the "Words in this
   article" box. Levels come from the API's articles/<id>/levels, asked once. */
(function () {
  "use strict";

  var D = window.BroadsheetDictionary;

  function unhighlight() {
    document.querySelectorAll("mark.dictionary-hard").forEach(function (mark) {
      mark.replaceWith(document.createTextNode(mark.textContent));
    });
    D.scopes().forEach(function (scope) { scope.normalize(); });
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  // The stretches of one text node to mark: phrases the dictionary knows first ("tit for tat" is one
  // mark, not two), then single words outside them.
  function hardSpans(text, phrasePattern, phrases, hard) {
    var spans = [], match;
    if (phrasePattern) {
      phrasePattern.lastIndex = 0;
      while ((match = phrasePattern.exec(text))) {
        spans.push([match.index, match.index + match[0].length, phrases[match[0].toLowerCase()]]);
      }
    }
    var pattern = /[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]/g;
    while ((match = pattern.exec(text))) {
      var start = match.index, end = start + match[0].length;
      if (!hard[match[0]]) continue;
      if (spans.some(function (span) { return start < span[1] && end > span[0]; })) continue;
      spans.push([start, end, hard[match[0]]]);
    }
    return spans.sort(function (a, b) { return a[0] - b[0]; });
  }

  function highlight(words, level) {
    unhighlight();
    var limit = D.LEVELS.indexOf(level);
    var hard = {}, phrases = {};
    Object.keys(words).forEach(function (form) {
      if (D.LEVELS.indexOf(words[form].level) <= limit || !words[form].found) return;
      if (form.indexOf(" ") >= 0) phrases[form.toLowerCase()] = words[form].level;
      else hard[form] = words[form].level;
    });
    var longestFirst = Object.keys(phrases).sort(function (a, b) { return b.length - a.length; });
    var phrasePattern = longestFirst.length
      ? new RegExp("(?<![A-Za-z'’-])(?:" + longestFirst.map(escapeRegExp).join("|") + ")(?![A-Za-z'’-])", "gi")
      : null;
    D.scopes().forEach(function (scope) {
      var walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
      var nodes = [];
      while (walker.nextNode()) nodes.push(walker.currentNode);
      nodes.forEach(function (node) {
        var text = node.data, spans = hardSpans(text, phrasePattern, phrases, hard);
        if (!spans.length) return;
        var fragment = document.createDocumentFragment(), last = 0;
        spans.forEach(function (span) {
          fragment.appendChild(document.createTextNode(text.slice(last, span[0])));
          fragment.appendChild(D.el("mark", { "class": "dictionary-hard", "data-level": span[2] }, text.slice(span[0], span[1])));
          last = span[1];
        });
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
