/* The vocabulary page (/dictionary/vocabulary/): a signed-in reader's list comes from the server; an
   anonymous reader's from this browser, with its Anki file (front;back, UTF-8) built here. */
(function () {
  "use strict";

  var D = window.BroadsheetDictionary;

  function anonymousVocabulary(section) {
    var list = section.querySelector("[data-dictionary-vocabulary-list]");
    var empty = section.querySelector("[data-dictionary-vocabulary-empty]");
    var words = D.localWords();
    list.replaceChildren();
    words.forEach(function (word) {
      var item = D.el("li", { "class": "vocabulary-item", "data-lemma": word.lemma });
      item.appendChild(D.el("span", { "class": "vocabulary-lemma", lang: "en" }, word.lemma));
      if (word.gloss) item.appendChild(D.el("span", { "class": "vocabulary-gloss" }, word.gloss));
      item.appendChild(D.el("button", { type: "button", "class": "vocabulary-remove", "data-dictionary-remove": word.lemma }, D.t("remove")));
      list.appendChild(item);
    });
    empty.hidden = words.length > 0;
  }

  function csvField(value) {
    value = String(value || "");
    return /[";\n\r]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
  }

  function exportLocalWords(event) {
    event.preventDefault();
    var lines = ["#separator:Semicolon", "#html:false", "#columns:Front;Back"];
    D.localWords().forEach(function (w) { lines.push(csvField(w.lemma) + ";" + csvField(w.gloss)); });
    var blob = new Blob([lines.join("\n") + "\n"], { type: "text/csv;charset=utf-8" });
    var link = D.el("a", { href: URL.createObjectURL(blob), download: "broadsheet-vocabulary.csv" });
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  function setUpVocabularyPage() {
    var section = document.querySelector("[data-dictionary-vocabulary]");
    if (!section) return;
    var signedIn = section.dataset.authenticated === "true";
    if (!signedIn) {
      anonymousVocabulary(section);
      section.querySelector("[data-dictionary-export]").addEventListener("click", exportLocalWords);
    }
    section.addEventListener("click", function (event) {
      var remove = event.target.closest("[data-dictionary-remove]");
      if (!remove) return;
      var lemma = remove.dataset.dictionaryRemove;
      if (!signedIn) {
        D.saveLocalWords(D.localWords().filter(function (w) { return w.lemma !== lemma; }));
        anonymousVocabulary(section);
        return;
      }
      fetch(D.API + "me/words/" + encodeURIComponent(lemma), {
        method: "DELETE",
        credentials: "same-origin",
        headers: { "X-CSRFToken": D.cookie("csrftoken") }
      }).then(function (response) {
        if (response.ok || response.status === 404) remove.closest("li").remove();
        var empty = section.querySelector("[data-dictionary-vocabulary-empty]");
        empty.hidden = section.querySelectorAll(".vocabulary-item").length > 0;
      });
    });
    if (signedIn) {
      // Sets the CSRF D.cookie the removals need, and moves words saved before signing in to the account.
      D.whoIsReading().then(function (reader) {
        var shown = Array.prototype.map.call(section.querySelectorAll(".vocabulary-item"), function (li) { return li.dataset.lemma; });
        if (reader.saved_words.some(function (w) { return shown.indexOf(w.lemma) === -1; })) window.location.reload();
      });
    }
  }


  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUpVocabularyPage);
  else setUpVocabularyPage();
})();
