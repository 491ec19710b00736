/* The reader dictionary: the toolbar's Dictionary switch and the popup beside a word.

   Switch the toolbar's Dictionary button on (remembered in localStorage), then in the article text:
   - double-click a word, or
   - select one or more words and press D, Enter or Space (Space only while the text has focus), or
   - long-press a word on a touch screen.
   A popup opens below the word (above it when there is no room below), never over it. Escape closes it
   and puts focus back on the text. Saved words go to the reader's account (signed in) or to this browser.
*/
(function () {
  "use strict";

  var D = window.BroadsheetDictionary;
  var MAX_SELECTION = 64;
  var WORD_CHAR = /[\p{L}\p{N}'’\-]/u;
  var GAP = 8;
  var popup = null;
  var returnFocusTo = null;

  /* ---------- The toolbar switch ---------- */

  function isOn() { return document.documentElement.classList.contains("dictionary-on"); }

  function setOn(on, quiet) {
    document.documentElement.classList.toggle("dictionary-on", on);
    document.querySelectorAll("[data-action=dictionary]").forEach(function (button) {
      button.setAttribute("aria-pressed", on ? "true" : "false");
    });
    D.scopes().forEach(function (scope) {
      // Focusable while on, so keyboard readers can reach the text and focus can come back to it.
      scope.setAttribute("tabindex", on ? "0" : "-1");
      if (on) scope.setAttribute("aria-describedby", "dictionary-hint");
      else scope.removeAttribute("aria-describedby");
    });
    var hint = document.getElementById("dictionary-hint");
    if (hint) hint.hidden = !on;
    D.store(D.STORE_ON, on ? "1" : "0");
    if (!on) closePopup(false);
    if (!quiet) D.announce(on ? D.t("on") : D.t("off"));
  }

  function addHint() {
    var toolbar = D.HINT_AFTER ? document.querySelector(D.HINT_AFTER) : null; // the site's toolbar
    if (!toolbar || document.getElementById("dictionary-hint")) return;
    var hint = D.el("p", { id: "dictionary-hint", "class": "dictionary-hint" }, D.t("on"));
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
    if (!text || text.length > MAX_SELECTION) return { error: D.t("notWord"), range: range, scope: scope };
    return { text: text, range: range, scope: scope, before: wordBefore(range) };
  }

  // The word just before the selection in the same paragraph, when only a space separates them: "the
  // planes" asks for the noun, "she sites" for the verb. The server decides what it means.
  function wordBefore(range) {
    var block = range.startContainer.parentElement && range.startContainer.parentElement.closest("p, li, h1, h2, h3, blockquote, figcaption");
    if (!block) return "";
    var head = document.createRange();
    head.setStart(block, 0);
    head.setEnd(range.startContainer, range.startOffset);
    var match = /([\p{L}\p{N}]+)[ \u00a0]+$/u.exec(head.toString().slice(-80));
    return match ? match[1] : "";
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
    popup = D.el("div", {
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
    var head = D.el("div", { "class": "dictionary-popup-head" });
    var h = D.el("h2", { id: "dictionary-popup-title", "class": "dictionary-popup-lemma" }, title);
    head.appendChild(h);
    if (entry && entry.pos) head.appendChild(D.el("span", { "class": "dictionary-popup-pos" }, entry.pos));
    if (entry && entry.level) {
      head.appendChild(D.el("span", { "class": "dictionary-level dictionary-level-" + entry.level, title: D.t("level") }, entry.level));
    }
    var close = D.el("button", { type: "button", "class": "dictionary-popup-close", "data-dictionary-close": "", "aria-label": D.t("close") }, "×");
    head.appendChild(close);
    return head;
  }

  function sensesList(senses, mainPos) {
    var list = D.el("ol", { "class": "dictionary-senses" });
    senses.slice(0, 4).forEach(function (sense) {
      var item = D.el("li", { "class": "dictionary-sense" });
      var definition = D.el("p", { "class": "dictionary-definition" });
      if (sense.pos && sense.pos !== mainPos) definition.appendChild(D.el("span", { "class": "dictionary-sense-pos" }, sense.pos + " "));
      definition.appendChild(document.createTextNode(sense.definition));
      item.appendChild(definition);
      sense.examples.slice(0, 1).forEach(function (example) {
        item.appendChild(D.el("p", { "class": "dictionary-example" }, "“" + example + "”"));
      });
      if (sense.synonyms.length) {
        item.appendChild(D.el("p", { "class": "dictionary-synonyms" }, D.t("synonyms") + ": " + sense.synonyms.join(", ")));
      }
      list.appendChild(item);
    });
    return list;
  }

  function saveButton(entry, word) {
    var button = D.el("button", { type: "button", "class": "dictionary-save", "data-dictionary-save": "" }, D.t("save"));
    button.dataset.lemma = entry.lemma;
    button.dataset.seenAs = word;
    button.dataset.gloss = shortGloss(entry);
    return button;
  }

  function shortGloss(entry) {
    var definition = entry.note || (entry.senses && entry.senses.length ? entry.senses[0].definition : "");
    return [entry.gloss, definition].filter(Boolean).join(" — ").slice(0, 300);
  }

  // "interesting": also a form of interest; "troops": also a word of its own. Each opens its own entry.
  function alsoLine(entry, word) {
    var line = D.el("p", { "class": "dictionary-also" });
    entry.also.forEach(function (reading) {
      var own = reading.lemma.toLowerCase() === word.toLowerCase();
      line.appendChild(document.createTextNode(D.t(own ? "alsoOwnWord" : "alsoFormOf") + " "));
      var link = D.el("button", { type: "button", "class": "dictionary-also-link", "data-dictionary-lookup": reading.lemma }, reading.lemma);
      line.appendChild(link);
      line.appendChild(document.createTextNode(" (" + reading.pos + ") "));
    });
    return line;
  }

  function showEntry(entry, word) {
    var parts = [header(entry.lemma, entry)];
    if (entry.grammar) parts.push(D.el("p", { "class": "dictionary-grammar" }, D.t("grammarWord")));
    if (entry.spellings && entry.spellings.length > 1) {
      parts.push(D.el("p", { "class": "dictionary-spellings" }, D.t("alsoSpelled") + " " + entry.spellings.slice(1).join(", ")));
    }
    if (entry.also && entry.also.length) parts.push(alsoLine(entry, word));
    if (entry.gloss) {
      var gloss = D.el("p", { "class": "dictionary-gloss" });
      gloss.appendChild(D.el("span", { "class": "dictionary-gloss-label" }, D.t("korean") + " "));
      gloss.appendChild(D.el("span", { lang: "ko" }, entry.gloss));
      parts.push(gloss);
    }
    if (entry.note) parts.push(D.el("p", { "class": "dictionary-note" }, entry.note));
    if (entry.senses.length) parts.push(sensesList(entry.senses, entry.pos));
    var actions = D.el("div", { "class": "dictionary-actions" });
    actions.appendChild(saveButton(entry, word));
    actions.appendChild(D.el("a", { href: "/dictionary/vocabulary/", "class": "dictionary-vocabulary-link" }, D.t("vocabularyLink")));
    parts.push(actions);
    render(parts);
    markIfSaved(entry.lemma);
  }

  function showMissing(missing, rect) {
    var parts = [header(missing.lemma || missing.word, missing)];
    parts.push(D.el("p", { "class": "dictionary-missing" }, D.t("missing") + " " + D.t("missingHelp")));
    render(parts);
    D.whoIsReading().then(function (reader) {
      if (!reader.is_staff || !reader.glossary_add_url || popup.hidden) return;
      var link = D.el("a", { "class": "dictionary-add-term", href: reader.glossary_add_url + "?term=" + encodeURIComponent(missing.lemma || missing.word) }, D.t("addToGlossary"));
      var actions = D.el("div", { "class": "dictionary-actions" });
      actions.appendChild(link);
      popup.appendChild(actions);
      place(rect);
    });
  }

  var lookupSeq = 0;  // a slow answer to an earlier lookup must not replace a newer one

  function openPopup(found) {
    var seq = ++lookupSeq;
    ensurePopup();
    var active = document.activeElement;
    returnFocusTo = (active && scopeOf(active)) ? active : found.scope;
    var rect = anchorOf(found.range);
    popup.dataset.anchorTop = rect.top;
    popup.dataset.anchorBottom = rect.bottom;
    popup.dataset.anchorLeft = rect.left;
    render([header(found.text), D.el("p", { "class": "dictionary-loading" }, D.t("loading"))]);
    popup.hidden = false;
    place(rect);
    if (found.error) {
      render([header(found.text.slice(0, MAX_SELECTION) + "…"), D.el("p", { "class": "dictionary-missing" }, found.error)]);
      popup.focus();
      return;
    }
    lookUp(found.text, found.before, rect, seq);
  }

  function lookUp(text, before, rect, seq) {
    var found = { text: text };
    var query = before ? "?before=" + encodeURIComponent(before) : "";
    fetch(D.API + encodeURIComponent(found.text) + query, { headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.json().then(function (body) { return { status: response.status, body: body }; });
      })
      .then(function (result) {
        if (seq !== lookupSeq) return;
        if (result.status === 200) showEntry(result.body, found.text);
        else if (result.status === 404) showMissing(result.body, rect);
        else render([header(found.text), D.el("p", { "class": "dictionary-missing" }, result.body.detail || D.t("error"))]);
      })
      .catch(function () { if (seq === lookupSeq) render([header(found.text), D.el("p", { "class": "dictionary-missing" }, D.t("error"))]); })
      .then(function () {
        if (seq !== lookupSeq) return;
        place(rect);
        popup.focus();
        D.announce(popup.textContent.replace(/×/g, " ").replace(/\s+/g, " ").slice(0, 200));
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
    var other = event.target.closest("[data-dictionary-lookup]");
    if (other) {
      var rect = { top: parseFloat(popup.dataset.anchorTop), bottom: parseFloat(popup.dataset.anchorBottom), left: parseFloat(popup.dataset.anchorLeft) };
      lookUp(other.dataset.dictionaryLookup, "", rect, ++lookupSeq);
    }
  }

  /* ---------- Saving words ---------- */

  function markSaved(button) {
    button.textContent = D.t("saved");
    button.disabled = true;
    button.classList.add("is-saved");
  }

  function markIfSaved(lemma) {
    var button = popup.querySelector("[data-dictionary-save]");
    if (D.localWords().some(function (w) { return w.lemma === lemma; })) { markSaved(button); return; }
    D.whoIsReading().then(function (reader) {
      if (reader.saved_words.some(function (w) { return w.lemma === lemma; }) && button.isConnected) markSaved(button);
    });
  }

  function saveWord(button) {
    var word = { lemma: button.dataset.lemma, seen_as: button.dataset.seenAs, gloss: button.dataset.gloss };
    D.whoIsReading().then(function (reader) {
      if (!reader.authenticated) {
        var words = D.localWords().filter(function (w) { return w.lemma !== word.lemma; });
        word.saved_at = new Date().toISOString();
        words.unshift(word);
        D.saveLocalWords(words);
        markSaved(button);
        D.announce(D.t("saved"));
        return null;
      }
      return fetch(D.API + "me/words", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": D.cookie("csrftoken") },
        body: JSON.stringify(word)
      }).then(function (response) {
        if (response.ok) {
          reader.saved_words.unshift(word);
          markSaved(button);
          D.announce(D.t("saved"));
        } else {
          D.announce(D.t("error"));
        }
      });
    });
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
    if (!D.scopes().length) return;
    addHint();
    document.querySelectorAll("[data-action=dictionary]").forEach(function (button) {
      button.addEventListener("click", function () { setOn(!isOn()); });
    });
    setOn(D.store(D.STORE_ON) === "1", true);
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
