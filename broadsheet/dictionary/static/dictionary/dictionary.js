/* The reader dictionary and the article toolbar's Print button. Vanilla, no inline code (strict CSP).

   Switch the toolbar's Dictionary button on (remembered in localStorage), then in the article text:
   - double-click a word, or
   - select one or more words and press D, Enter or Space (Space only while the text has focus), or
   - long-press a word on a touch screen.
   A popup opens below the word (above it when there is no room below), never over it. Escape closes it
   and puts focus back on the text. Saved words go to the reader's account (signed in) or to this browser.
*/
(function () {
  "use strict";

  var API = "/api/dictionary/";
  var STORE_ON = "broadsheet.dictionary.on";
  var STORE_WORDS = "broadsheet.dictionary.words";
  var STORE_LEVEL = "broadsheet.dictionary.level";
  var LEVELS = ["A1", "A2", "B1", "B2", "C1", "C2"];
  var MAX_SELECTION = 64;
  var WORD_CHAR = /[\p{L}\p{N}'’\-]/u;
  var GAP = 8;

  var strings = {};
  var me = null; // a promise of /api/dictionary/me, asked once per page
  var popup = null;
  var live = null;
  var returnFocusTo = null;

  function t(key) { return strings[key] || key; }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text) node.textContent = text;
    return node;
  }

  function store(key, value) {
    try {
      if (value === undefined) return window.localStorage.getItem(key);
      window.localStorage.setItem(key, value);
    } catch (e) { /* private mode: the feature still works for this page */ }
    return null;
  }

  function localWords() {
    try { return JSON.parse(store(STORE_WORDS) || "[]"); } catch (e) { return []; }
  }

  function saveLocalWords(words) { store(STORE_WORDS, JSON.stringify(words)); }

  function cookie(name) {
    var match = document.cookie.match(new RegExp("(?:^|; )" + name + "=([^;]*)"));
    return match ? decodeURIComponent(match[1]) : "";
  }

  function whoIsReading() {
    if (!me) {
      me = fetch(API + "me", { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { authenticated: false, is_staff: false, saved_words: [] }; })
        .catch(function () { return { authenticated: false, is_staff: false, saved_words: [] }; })
        .then(moveBrowserWordsToAccount);
    }
    return me;
  }

  // Words saved before signing in move to the account once, then leave the browser.
  function moveBrowserWordsToAccount(reader) {
    var waiting = localWords();
    if (!reader.authenticated || !waiting.length) return reader;
    return Promise.all(waiting.map(function (word) {
      return fetch(API + "me/words", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": cookie("csrftoken") },
        body: JSON.stringify({ lemma: word.lemma, seen_as: word.seen_as || "", gloss: word.gloss || "" })
      }).then(function (response) { return response.ok ? word : null; }).catch(function () { return null; });
    })).then(function (moved) {
      var done = moved.filter(Boolean).map(function (w) { return w.lemma; });
      saveLocalWords(waiting.filter(function (w) { return done.indexOf(w.lemma) === -1; }));
      moved.filter(Boolean).forEach(function (w) {
        if (!reader.saved_words.some(function (s) { return s.lemma === w.lemma; })) reader.saved_words.unshift(w);
      });
      return reader;
    });
  }

  function announce(message) {
    if (!live) {
      live = el("div", { "class": "dictionary-live", "aria-live": "polite", role: "status" });
      document.body.appendChild(live);
    }
    live.textContent = "";
    window.setTimeout(function () { live.textContent = message; }, 50);
  }

  /* ---------- Print ---------- */

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

  /* ---------- The toolbar switch ---------- */

  function scopes() { return Array.prototype.slice.call(document.querySelectorAll("[data-dictionary-scope]")); }

  function isOn() { return document.documentElement.classList.contains("dictionary-on"); }

  function setOn(on, quiet) {
    document.documentElement.classList.toggle("dictionary-on", on);
    document.querySelectorAll("[data-action=dictionary]").forEach(function (button) {
      button.setAttribute("aria-pressed", on ? "true" : "false");
    });
    scopes().forEach(function (scope) {
      // Focusable while on, so keyboard readers can reach the text and focus can come back to it.
      scope.setAttribute("tabindex", on ? "0" : "-1");
      if (on) scope.setAttribute("aria-describedby", "dictionary-hint");
      else scope.removeAttribute("aria-describedby");
    });
    var hint = document.getElementById("dictionary-hint");
    if (hint) hint.hidden = !on;
    store(STORE_ON, on ? "1" : "0");
    if (!on) closePopup(false);
    if (!quiet) announce(on ? t("on") : t("off"));
  }

  function addHint() {
    var toolbar = document.querySelector(".article-toolbar");
    if (!toolbar || document.getElementById("dictionary-hint")) return;
    var hint = el("p", { id: "dictionary-hint", "class": "dictionary-hint" }, t("on"));
    hint.hidden = true;
    toolbar.insertAdjacentElement("afterend", hint);
  }

  /* ---------- From a selection to a word ---------- */

  function scopeOf(node) {
    var element = node && (node.nodeType === 1 ? node : node.parentElement);
    return element ? element.closest("[data-dictionary-scope]") : null;
  }

  // Double-click selects "higher" out of "higher-ups" and "dispatched" out of "re-dispatched":
  // grow a one-word selection over hyphens and apostrophes to the whole word.
  function growToWord(range) {
    var start = range.startContainer, end = range.endContainer;
    if (start !== end || start.nodeType !== 3) return range;
    var text = start.data, from = range.startOffset, to = range.endOffset;
    while (from > 0 && WORD_CHAR.test(text[from - 1])) from -= 1;
    while (to < text.length && WORD_CHAR.test(text[to])) to += 1;
    while (from < to && /['’\-]/.test(text[from])) from += 1;
    while (to > from && /['’\-]/.test(text[to - 1])) to -= 1;
    var grown = document.createRange();
    grown.setStart(start, from);
    grown.setEnd(start, to);
    return grown;
  }

  function selectedWord() {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    var range = selection.getRangeAt(0);
    var scope = scopeOf(range.commonAncestorContainer);
    if (!scope) return null;
    var text = range.toString().replace(/\s+/g, " ").trim();
    if (!text) return null;
    if (text.indexOf(" ") === -1) {
      range = growToWord(range);
      text = range.toString().trim();
    }
    if (!text || text.length > MAX_SELECTION) return { error: t("notWord"), range: range, scope: scope };
    return { text: text, range: range, scope: scope };
  }

  function wordAtPoint(x, y) {
    var range = null;
    if (document.caretPositionFromPoint) {
      var position = document.caretPositionFromPoint(x, y);
      if (position) {
        range = document.createRange();
        range.setStart(position.offsetNode, position.offset);
        range.setEnd(position.offsetNode, position.offset);
      }
    } else if (document.caretRangeFromPoint) {
      range = document.caretRangeFromPoint(x, y);
    }
    if (!range || !scopeOf(range.startContainer)) return null;
    range = growToWord(range);
    if (range.collapsed) return null;
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return selectedWord();
  }

  /* ---------- The popup ---------- */

  function ensurePopup() {
    if (popup) return popup;
    popup = el("div", {
      "class": "dictionary-popup",
      role: "dialog",
      "aria-modal": "false",
      "aria-labelledby": "dictionary-popup-title",
      tabindex: "-1",
      lang: "en"
    });
    popup.hidden = true;
    popup.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); closePopup(true); }
    });
    popup.addEventListener("click", onPopupClick);
    document.body.appendChild(popup);
    return popup;
  }

  // The selection's box in page coordinates, so the popup stays put when the page scrolls.
  function anchorOf(range) {
    var r = range.getBoundingClientRect();
    return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY, left: r.left + window.scrollX };
  }

  // Below the selection when it fits in the window, otherwise above; never over the word itself.
  function place(anchor) {
    var box = popup.getBoundingClientRect();
    var viewTop = anchor.top - window.scrollY, viewBottom = anchor.bottom - window.scrollY;
    var fitsBelow = viewBottom + GAP + box.height <= window.innerHeight;
    var fitsAbove = viewTop - GAP - box.height >= 0;
    var above = !fitsBelow && fitsAbove;
    var left = Math.min(Math.max(GAP, anchor.left - window.scrollX), Math.max(GAP, window.innerWidth - box.width - GAP));
    popup.style.top = (above ? anchor.top - GAP - box.height : anchor.bottom + GAP) + "px";
    popup.style.left = (left + window.scrollX) + "px";
    popup.classList.toggle("dictionary-popup-above", above);
    if (!fitsBelow && !fitsAbove) popup.scrollIntoView({ block: "nearest" });
  }

  function render(parts) {
    popup.replaceChildren.apply(popup, parts);
  }

  function header(title, entry) {
    var head = el("div", { "class": "dictionary-popup-head" });
    var h = el("h2", { id: "dictionary-popup-title", "class": "dictionary-popup-lemma" }, title);
    head.appendChild(h);
    if (entry && entry.pos) head.appendChild(el("span", { "class": "dictionary-popup-pos" }, entry.pos));
    if (entry && entry.level) {
      head.appendChild(el("span", { "class": "dictionary-level dictionary-level-" + entry.level, title: t("level") }, entry.level));
    }
    var close = el("button", { type: "button", "class": "dictionary-popup-close", "data-dictionary-close": "", "aria-label": t("close") }, "×");
    head.appendChild(close);
    return head;
  }

  function sensesList(senses, mainPos) {
    var list = el("ol", { "class": "dictionary-senses" });
    senses.slice(0, 4).forEach(function (sense) {
      var item = el("li", { "class": "dictionary-sense" });
      var definition = el("p", { "class": "dictionary-definition" });
      if (sense.pos && sense.pos !== mainPos) definition.appendChild(el("span", { "class": "dictionary-sense-pos" }, sense.pos + " "));
      definition.appendChild(document.createTextNode(sense.definition));
      item.appendChild(definition);
      sense.examples.slice(0, 1).forEach(function (example) {
        item.appendChild(el("p", { "class": "dictionary-example" }, "“" + example + "”"));
      });
      if (sense.synonyms.length) {
        item.appendChild(el("p", { "class": "dictionary-synonyms" }, t("synonyms") + ": " + sense.synonyms.join(", ")));
      }
      list.appendChild(item);
    });
    return list;
  }

  function saveButton(entry, word) {
    var button = el("button", { type: "button", "class": "dictionary-save", "data-dictionary-save": "" }, t("save"));
    button.dataset.lemma = entry.lemma;
    button.dataset.seenAs = word;
    button.dataset.gloss = shortGloss(entry);
    return button;
  }

  function shortGloss(entry) {
    var definition = entry.note || (entry.senses && entry.senses.length ? entry.senses[0].definition : "");
    return [entry.gloss, definition].filter(Boolean).join(" — ").slice(0, 300);
  }

  function showEntry(entry, word) {
    var parts = [header(entry.lemma, entry)];
    if (entry.gloss) {
      var gloss = el("p", { "class": "dictionary-gloss" });
      gloss.appendChild(el("span", { "class": "dictionary-gloss-label" }, t("korean") + " "));
      gloss.appendChild(el("span", { lang: "ko" }, entry.gloss));
      parts.push(gloss);
    }
    if (entry.note) parts.push(el("p", { "class": "dictionary-note" }, entry.note));
    if (entry.senses.length) parts.push(sensesList(entry.senses, entry.pos));
    var actions = el("div", { "class": "dictionary-actions" });
    actions.appendChild(saveButton(entry, word));
    actions.appendChild(el("a", { href: "/dictionary/vocabulary/", "class": "dictionary-vocabulary-link" }, t("vocabularyLink")));
    parts.push(actions);
    render(parts);
    markIfSaved(entry.lemma);
  }

  function showMissing(missing, rect) {
    var parts = [header(missing.lemma || missing.word, missing)];
    parts.push(el("p", { "class": "dictionary-missing" }, t("missing") + " " + t("missingHelp")));
    render(parts);
    whoIsReading().then(function (reader) {
      if (!reader.is_staff || !reader.glossary_add_url || popup.hidden) return;
      var link = el("a", { "class": "dictionary-add-term", href: reader.glossary_add_url + "?term=" + encodeURIComponent(missing.lemma || missing.word) }, t("addToGlossary"));
      var actions = el("div", { "class": "dictionary-actions" });
      actions.appendChild(link);
      popup.appendChild(actions);
      place(rect);
    });
  }

  function openPopup(found) {
    ensurePopup();
    var active = document.activeElement;
    returnFocusTo = (active && scopeOf(active)) ? active : found.scope;
    var rect = anchorOf(found.range);
    render([header(found.text), el("p", { "class": "dictionary-loading" }, t("loading"))]);
    popup.hidden = false;
    place(rect);
    if (found.error) {
      render([header(found.text.slice(0, MAX_SELECTION) + "…"), el("p", { "class": "dictionary-missing" }, found.error)]);
      popup.focus();
      return;
    }
    fetch(API + encodeURIComponent(found.text), { headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.json().then(function (body) { return { status: response.status, body: body }; });
      })
      .then(function (result) {
        if (result.status === 200) showEntry(result.body, found.text);
        else if (result.status === 404) showMissing(result.body, rect);
        else render([header(found.text), el("p", { "class": "dictionary-missing" }, result.body.detail || t("error"))]);
      })
      .catch(function () { render([header(found.text), el("p", { "class": "dictionary-missing" }, t("error"))]); })
      .then(function () {
        place(rect);
        popup.focus();
        announce(popup.textContent.replace(/×/g, " ").replace(/\s+/g, " ").slice(0, 200));
      });
  }

  function closePopup(restoreFocus) {
    if (!popup || popup.hidden) return;
    popup.hidden = true;
    if (restoreFocus && returnFocusTo) {
      if (!returnFocusTo.hasAttribute("tabindex") && returnFocusTo.matches("[data-dictionary-scope]")) {
        returnFocusTo.setAttribute("tabindex", "-1");
      }
      returnFocusTo.focus();
    }
  }

  function onPopupClick(event) {
    if (event.target.closest("[data-dictionary-close]")) { closePopup(true); return; }
    var save = event.target.closest("[data-dictionary-save]");
    if (save) saveWord(save);
  }

  /* ---------- Saving words ---------- */

  function markSaved(button) {
    button.textContent = t("saved");
    button.disabled = true;
    button.classList.add("is-saved");
  }

  function markIfSaved(lemma) {
    var button = popup.querySelector("[data-dictionary-save]");
    if (localWords().some(function (w) { return w.lemma === lemma; })) { markSaved(button); return; }
    whoIsReading().then(function (reader) {
      if (reader.saved_words.some(function (w) { return w.lemma === lemma; }) && button.isConnected) markSaved(button);
    });
  }

  function saveWord(button) {
    var word = { lemma: button.dataset.lemma, seen_as: button.dataset.seenAs, gloss: button.dataset.gloss };
    whoIsReading().then(function (reader) {
      if (!reader.authenticated) {
        var words = localWords().filter(function (w) { return w.lemma !== word.lemma; });
        word.saved_at = new Date().toISOString();
        words.unshift(word);
        saveLocalWords(words);
        markSaved(button);
        announce(t("saved"));
        return null;
      }
      return fetch(API + "me/words", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": cookie("csrftoken") },
        body: JSON.stringify(word)
      }).then(function (response) {
        if (response.ok) {
          reader.saved_words.unshift(word);
          markSaved(button);
          announce(t("saved"));
        } else {
          announce(t("error"));
        }
      });
    });
  }

  /* ---------- Highlighting words above the reader's level ---------- */

  function unhighlight() {
    document.querySelectorAll("mark.dictionary-hard").forEach(function (mark) {
      mark.replaceWith(document.createTextNode(mark.textContent));
    });
    scopes().forEach(function (scope) { scope.normalize(); });
  }

  function highlight(words, level) {
    unhighlight();
    var limit = LEVELS.indexOf(level);
    var hard = {};
    Object.keys(words).forEach(function (form) {
      if (LEVELS.indexOf(words[form].level) > limit && words[form].found) hard[form] = words[form].level;
    });
    var pattern = /[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]/g;
    scopes().forEach(function (scope) {
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
          var mark = el("mark", { "class": "dictionary-hard", "data-level": hard[match[0]] }, match[0]);
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
    if (store(STORE_LEVEL)) select.value = store(STORE_LEVEL);
    function apply() {
      store(STORE_LEVEL, select.value);
      if (!toggle.checked) { unhighlight(); return; }
      levels = levels || fetch(API + "articles/" + box.dataset.pageId + "/levels").then(function (r) { return r.json(); });
      levels.then(function (data) { if (toggle.checked) highlight(data.words, select.value); });
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }

  /* ---------- The vocabulary page ---------- */

  function anonymousVocabulary(section) {
    var list = section.querySelector("[data-dictionary-vocabulary-list]");
    var empty = section.querySelector("[data-dictionary-vocabulary-empty]");
    var words = localWords();
    list.replaceChildren();
    words.forEach(function (word) {
      var item = el("li", { "class": "vocabulary-item", "data-lemma": word.lemma });
      item.appendChild(el("span", { "class": "vocabulary-lemma", lang: "en" }, word.lemma));
      if (word.gloss) item.appendChild(el("span", { "class": "vocabulary-gloss" }, word.gloss));
      item.appendChild(el("button", { type: "button", "class": "vocabulary-remove", "data-dictionary-remove": word.lemma }, t("remove")));
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
    localWords().forEach(function (w) { lines.push(csvField(w.lemma) + ";" + csvField(w.gloss)); });
    var blob = new Blob([lines.join("\n") + "\n"], { type: "text/csv;charset=utf-8" });
    var link = el("a", { href: URL.createObjectURL(blob), download: "broadsheet-vocabulary.csv" });
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
        saveLocalWords(localWords().filter(function (w) { return w.lemma !== lemma; }));
        anonymousVocabulary(section);
        return;
      }
      fetch(API + "me/words/" + encodeURIComponent(lemma), {
        method: "DELETE",
        credentials: "same-origin",
        headers: { "X-CSRFToken": cookie("csrftoken") }
      }).then(function (response) {
        if (response.ok || response.status === 404) remove.closest("li").remove();
        var empty = section.querySelector("[data-dictionary-vocabulary-empty]");
        empty.hidden = section.querySelectorAll(".vocabulary-item").length > 0;
      });
    });
    if (signedIn) {
      // Sets the CSRF cookie the removals need, and moves words saved before signing in to the account.
      whoIsReading().then(function (reader) {
        var shown = Array.prototype.map.call(section.querySelectorAll(".vocabulary-item"), function (li) { return li.dataset.lemma; });
        if (reader.saved_words.some(function (w) { return shown.indexOf(w.lemma) === -1; })) window.location.reload();
      });
    }
  }

  /* ---------- Wiring ---------- */

  function lookUpSelection() {
    var found = selectedWord();
    if (found) openPopup(found);
    return Boolean(found);
  }

  function onKeyDown(event) {
    if (event.key === "Escape") { closePopup(true); return; }
    if (!isOn() || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target.closest && target.closest("input, textarea, select, [contenteditable], .dictionary-popup, button, a")) return;
    var inText = target.matches && target.matches("[data-dictionary-scope]");
    var trigger = event.key === "d" || event.key === "D" || event.key === "Enter" || (event.key === " " && inText);
    if (trigger && lookUpSelection()) event.preventDefault();
  }

  function setUpTouch() {
    var timer = null, start = null;
    document.addEventListener("pointerdown", function (event) {
      if (!isOn() || event.pointerType !== "touch" || !scopeOf(event.target)) return;
      start = { x: event.clientX, y: event.clientY };
      timer = window.setTimeout(function () {
        timer = null;
        var found = wordAtPoint(start.x, start.y);
        if (found) openPopup(found);
      }, 550);
    });
    function cancel(event) {
      if (!timer) return;
      if (event.type === "pointermove" && Math.abs(event.clientX - start.x) + Math.abs(event.clientY - start.y) < 12) return;
      window.clearTimeout(timer);
      timer = null;
    }
    ["pointerup", "pointercancel", "pointermove"].forEach(function (name) { document.addEventListener(name, cancel); });
  }

  function init() {
    var data = document.getElementById("dictionary-strings");
    if (data) strings = JSON.parse(data.textContent);
    document.addEventListener("click", openPrintView);
    window.addEventListener("beforeprint", loadLazyImagesForPrint);
    setUpVocabularyPage();
    if (!scopes().length) return;
    addHint();
    setUpHighlighting();
    document.querySelectorAll("[data-action=dictionary]").forEach(function (button) {
      button.addEventListener("click", function () { setOn(!isOn()); });
    });
    setOn(store(STORE_ON) === "1", true);
    document.addEventListener("dblclick", function (event) {
      if (isOn() && scopeOf(event.target)) lookUpSelection();
    });
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("contextmenu", function (event) {
      // A long-press opens the popup; do not also open the phone's menu over it.
      if (isOn() && popup && !popup.hidden && scopeOf(event.target)) event.preventDefault();
    });
    document.addEventListener("click", function (event) {
      if (popup && !popup.hidden && !popup.contains(event.target)) closePopup(false);
    });
    window.addEventListener("resize", function () { closePopup(false); });
    setUpTouch();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
