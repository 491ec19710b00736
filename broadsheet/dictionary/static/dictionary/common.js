/* Shared by the reader dictionary's scripts: the API address (from the page), stored settings, the reader, the strings.
   Loaded first (assets.html); the others find it as window.BroadsheetDictionary. */
(function () {
  "use strict";

  // The site's settings (DICTIONARY_API_BASE, DICTIONARY_HINT_AFTER), from the JSON block assets.html renders.
  var configBlock = document.getElementById("dictionary-config");
  var config = configBlock ? JSON.parse(configBlock.textContent) : {};
  var API = config.api;
  var STORE_ON = "broadsheet.dictionary.on";
  var STORE_WORDS = "broadsheet.dictionary.words";
  var STORE_LEVEL = "broadsheet.dictionary.level";
  var LEVELS = ["A1", "A2", "B1", "B2", "C1", "C2"];

  var strings = null;
  var me = null; // a promise of the API's me, asked once per page
  var live = null;

  // The popup's words in the reader's language, from the JSON data block assets.html renders.
  function t(key) {
    if (!strings) {
      var data = document.getElementById("dictionary-strings");
      strings = data ? JSON.parse(data.textContent) : {};
    }
    return strings[key] || key;
  }

  function scopes() { return Array.prototype.slice.call(document.querySelectorAll("[data-dictionary-scope]")); }

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

  window.BroadsheetDictionary = {
    API: API, HINT_AFTER: config.hintAfter || "", STORE_ON: STORE_ON, STORE_WORDS: STORE_WORDS, STORE_LEVEL: STORE_LEVEL, LEVELS: LEVELS,
    t: t, el: el, store: store, localWords: localWords, saveLocalWords: saveLocalWords, cookie: cookie,
    whoIsReading: whoIsReading, announce: announce, scopes: scopes
  };
})();
