// The comments region: reads the thread from the API at data-api, lets a signed-in reader write, vote, report,
// edit, delete and appeal, and keeps the list live over Server-Sent Events (polling when SSE fails).
// Comment text is shown only through the API's body_html (escaped on the server) or textContent.

import { attachCounter } from "./counter.js";
import { connectLive } from "./live.js";

const $ = (root, sel) => root.querySelector(sel);

class Region {
  constructor(root) {
    this.root = root;
    this.key = root.dataset.threadKey;
    this.api = root.dataset.api;
    this.strings = readStrings($(root, "template[data-strings]"));
    this.sort = "newest";
    this.listLoad = 0; // the newest first-page load: an older one's answer (another sort) is dropped
    this.nodes = new Map(); // comment id -> <li>
    this.data = new Map(); // comment id -> the API's JSON
    this.pendingFresh = [];
    // The live stream starts after this id: the thread's newest as the list on screen was read (its
    // latest_id), raised by each arrival. Not the highest id on screen: an older page or a reply behind
    // "More replies" may hold higher ids, and the stream would send them as new.
    this.after = 0;
  }

  t(key, values = {}) {
    return (this.strings[key] || key).replace(/\{(\w+)\}/g, (m, name) => (name in values ? String(values[name]) : m));
  }

  async start() {
    $(this.root, "[data-nojs]").hidden = true;
    $(this.root, "[data-app]").hidden = false;
    this.status(this.t("loading"));
    const here = location.pathname + location.search + "#comments";
    try {
      [this.session, this.policy] = await Promise.all([
        this.get(`/session?next=${encodeURIComponent(here)}`),
        this.get("/policy").catch(() => ({ clauses: [], url: "" })),
      ]);
    } catch (err) {
      this.status(this.t("failed"));
      return;
    }
    this.renderPolicyLink();
    await this.renderWho(here);
    this.bindToolbar();
    this.load();
  }

  // Once the first list is on screen (whichever sort won), so the stream starts after that list.
  connect() {
    this.live = connectLive({
      url: this.root.dataset.liveUrl,
      after: () => this.after,
      onComment: (c) => this.arrived(c),
      onChange: (c) => this.changed(c),
      poll: () => this.poll(),
      onMode: (mode) => { this.root.dataset.live = mode; },
    });
  }

  // -- talking to the API -------------------------------------------------------------------------
  async get(path) {
    const response = await fetch(this.api + path, { credentials: "same-origin", headers: { Accept: "application/json" } });
    if (!response.ok) throw await apiError(response);
    return response.json();
  }

  async send(method, path, body) {
    const response = await fetch(this.api + path, {
      method,
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": this.session.csrf_token },
      body: JSON.stringify(body || {}),
    });
    if (!response.ok) throw await apiError(response);
    return response.json();
  }

  // A time as the page shows every time: in the site's time zone (the footer says which), the reader's language.
  when(iso) {
    const { language, time_zone: timeZone } = this.session;
    return new Date(iso).toLocaleString(language, { dateStyle: "medium", timeStyle: "short", timeZone });
  }

  status(text) {
    $(this.root, "[data-status]").textContent = text;
  }

  // -- who is reading -----------------------------------------------------------------------------
  renderPolicyLink() {
    const link = $(this.root, "[data-policy-link]");
    if (this.policy.url) link.href = this.policy.url;
    else link.parentElement.hidden = true;
  }

  // The reader's own data: every comment as JSON, and deleting the account with its comments.
  renderAccount() {
    const account = $(this.root, "[data-account]");
    account.hidden = false;
    $(account, "[data-export]").href = `${this.api}/me/comments`;
    $(account, "[data-account-delete]").addEventListener("click", async () => {
      if (!window.confirm(this.t("confirmAccountDelete"))) return;
      try {
        await this.send("POST", "/me/delete", { confirm: "DELETE" });
        location.reload();
      } catch (err) {
        this.status(err.message || this.t("offline"));
      }
    });
  }

  async renderWho(here) {
    const s = this.session;
    if (!s.user) return this.renderLogin(here);
    const me = $(this.root, "[data-me]");
    me.hidden = false;
    $(me, "[data-me-name]").textContent = this.t("signedInAs", { name: s.user.name });
    $(me, "[data-csrf]").value = s.csrf_token;
    $(me, "[data-next]").value = here;
    this.renderAccount();
    this.renderLanguageSwitch(here);
    if (s.sanction) {
      const p = $(this.root, "[data-sanction]");
      p.hidden = false;
      const until = s.sanction.until ? this.when(s.sanction.until) : "";
      p.textContent = this.t(s.sanction.kind, { until, number: s.sanction.clause ? s.sanction.clause.number : "" });
    }
    if (s.can_comment) $(this.root, "[data-compose-slot]").append(this.composer({ onPost: (body, notify) => this.post(body, notify) }));
  }

  async renderLogin(here) {
    $(this.root, "[data-login]").hidden = false;
    this.renderLanguageSwitch(here);
    let providers = this.session.providers;
    const url = this.root.dataset.providersUrl;
    if (!providers && url) {
      try {
        // The language is in the URL so a browser-cached English list never shows on the Korean page.
        const query = new URLSearchParams({ next: here, lang: this.session.language });
        const response = await fetch(`${url}?${query}`, { credentials: "same-origin" });
        providers = (await response.json()).providers;
      } catch (err) {
        providers = null;
      }
    }
    if (!providers) providers = [{ id: "login", name: this.session.login_url, login_url: this.session.login_url, method: "get" }];
    const list = $(this.root, "[data-providers]");
    for (const p of providers) list.append(this.providerButton(p, here));
  }

  providerButton(provider, here) {
    const li = document.createElement("li");
    // allauth starts a social sign-in only on POST (with CSRF), so a sign-in button is a small form.
    const form = document.createElement("form");
    form.method = provider.method === "get" ? "get" : "post";
    form.action = provider.login_url.split("?")[0];
    const fields = { next: here };
    if (form.method === "post") fields.csrfmiddlewaretoken = this.session.csrf_token;
    for (const [name, value] of Object.entries(fields)) {
      const input = document.createElement("input");
      Object.assign(input, { type: "hidden", name, value });
      form.append(input);
    }
    const button = document.createElement("button");
    button.type = "submit";
    button.className = `cr-provider cr-provider-${provider.kind || provider.id}`;
    button.textContent = provider.name;
    form.append(button);
    li.append(form);
    return li;
  }

  renderLanguageSwitch(here) {
    // The site's set_language URL and its [code, label] pairs are data attributes (COMMENTS_LANGUAGES).
    const url = this.root.dataset.languageUrl;
    const languages = JSON.parse(this.root.dataset.languages || "[]");
    if (!url || !languages.length) return;
    const box = $(this.root, "[data-lang-switch]");
    const form = document.createElement("form");
    form.method = "post";
    form.action = url;
    const add = (name, value) => form.append(Object.assign(document.createElement("input"), { type: "hidden", name, value }));
    add("csrfmiddlewaretoken", this.session.csrf_token);
    add("next", here);
    for (const [code, label] of languages) {
      const b = Object.assign(document.createElement("button"), { type: "submit", name: "language", value: code, textContent: label });
      b.className = "cr-link";
      b.lang = code;
      if (this.session.language.startsWith(code)) b.setAttribute("aria-current", "true");
      form.append(b);
    }
    box.append(form);
    box.hidden = false;
  }

  // -- the compose box ----------------------------------------------------------------------------
  composer({ onPost, initial = "", submitLabel = null, onCancel = null, notify = true }) {
    const form = $(this.root, "template[data-compose]").content.firstElementChild.cloneNode(true);
    const body = $(form, "[data-body]");
    const id = `cr-body-${Math.random().toString(36).slice(2)}`;
    body.id = id;
    $(form, "[data-compose-label]").htmlFor = id;
    body.value = initial;
    const limit = this.session.max_length;
    attachCounter(body, $(form, "[data-counter]"), { limit, template: this.t("counter") });
    // No box to tick for a reader whose account has no email address: the email could never arrive.
    if (!notify || !this.session.can_email_replies) $(form, "[data-notify]").closest("label").hidden = true;
    if (submitLabel) $(form, "[data-submit]").textContent = submitLabel;
    if (onCancel) {
      const cancel = $(form, "[data-cancel]");
      cancel.hidden = false;
      cancel.addEventListener("click", onCancel);
    }
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const submit = $(form, "[data-submit]");
      if (!body.value.trim()) return body.focus();
      submit.disabled = true;
      showError(form, "");
      try {
        await onPost(body.value, $(form, "[data-notify]").checked);
        body.value = "";
        body.dispatchEvent(new Event("input"));
      } catch (err) {
        showError(form, err.message || this.t("offline"));
      } finally {
        submit.disabled = false;
      }
    });
    return form;
  }

  async post(body, notify, parentId = null) {
    const idempotency_key = crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random();
    const comment = await this.send("POST", `/threads/${encodeURIComponent(this.key)}/comments`, {
      body, parent_id: parentId, notify_replies: notify, idempotency_key,
    });
    this.insert(comment, { top: this.sort === "newest" });
    this.settleFresh(); // the stream may have brought it first
    this.refreshCount();
    return comment;
  }

  // -- the list -----------------------------------------------------------------------------------
  bindToolbar() {
    const select = $(this.root, "[data-sort]");
    this.sort = select.value; // chosen before this script listened, or restored by the browser
    select.addEventListener("change", () => {
      this.sort = select.value;
      $(this.root, "[data-more]").hidden = true; // its cursor is the old list's: back with the new list
      this.load();
    });
    $(this.root, "[data-more]").addEventListener("click", () => this.load(this.nextCursor));
    $(this.root, "[data-fresh]").addEventListener("click", () => this.showFresh());
  }

  async load(cursor = null) {
    const list = $(this.root, "[data-list]");
    const query = new URLSearchParams({ sort: this.sort });
    if (cursor) query.set("cursor", cursor);
    const load = cursor ? this.listLoad : ++this.listLoad;
    let page;
    try {
      page = await this.get(`/threads/${encodeURIComponent(this.key)}/comments?${query}`);
    } catch (err) {
      if (load === this.listLoad) this.status(err.status === 404 ? this.t("empty") : this.t("failed"));
      return;
    }
    if (load !== this.listLoad) return; // the reader changed the sort while this page was on its way: the newer list wins
    if (!cursor) {
      this.showThreadState(page.thread);
      list.replaceChildren();
      this.nodes.clear();
      this.data.clear();
    }
    for (const c of page.comments) this.insert(c, { top: false });
    this.nextCursor = page.next_cursor;
    $(this.root, "[data-more]").hidden = !page.next_cursor;
    this.setCount(page.thread.comment_count);
    this.status(this.nodes.size ? "" : this.t("empty"));
    this.settleFresh();
    if (cursor) return;
    this.after = Math.max(this.after, page.thread.latest_id);
    if (!this.live) this.connect();
  }

  // An editor can close a thread or have a moderator read every comment first: say so by the box,
  // and take the box and the reply buttons away from a closed thread (the server refuses writes anyway).
  showThreadState(thread) {
    this.closed = !thread.is_open;
    const note = $(this.root, "[data-thread-note]");
    note.textContent = this.closed ? this.t("closed") : thread.mode === "premoderated" ? this.t("premoderated") : "";
    note.hidden = !note.textContent;
    if (this.closed) $(this.root, "[data-compose-slot]").replaceChildren();
  }

  // `broadcast`: the copy came over the live stream and knows nothing of this reader (votes, ownership);
  // every other copy comes from the API with this reader's session and is the truth for them.
  insert(c, { top, broadcast = false }) {
    if (this.nodes.has(c.id)) return this.update(c, { broadcast });
    const node = this.render(c);
    if (c.parent_id) {
      const parent = this.nodes.get(c.parent_id);
      if (!parent) return null;
      $(parent, "[data-replies]").append(node);
    } else {
      const list = $(this.root, "[data-list]");
      if (top) list.prepend(node);
      else list.append(node);
    }
    for (const r of c.replies || []) this.insert(r, { top: false });
    if (c.replies_cursor) this.moreReplies(node, c.id, c.replies_cursor);
    this.status("");
    return node;
  }

  moreReplies(node, id, cursor) {
    const button = node.querySelector(":scope > [data-more-replies]");
    button.hidden = false;
    button.onclick = async () => {
      const page = await this.get(`/comments/${id}/replies?cursor=${encodeURIComponent(cursor)}`);
      for (const r of page.comments) this.insert(r, { top: false });
      if (page.next_cursor) this.moreReplies(node, id, page.next_cursor);
      else button.hidden = true;
    };
  }

  render(c) {
    const node = $(this.root, "template[data-comment]").content.firstElementChild.cloneNode(true);
    node.dataset.commentId = c.id;
    node.id = `comment-${c.id}`;
    if (c.parent_id) $(node, "[data-reply]").hidden = true; // replies go one level deep
    this.nodes.set(c.id, node);
    this.fill(node, c);
    this.bindActions(node, c.id);
    return node;
  }

  update(c, { broadcast = false } = {}) {
    const node = this.nodes.get(c.id);
    if (!broadcast) {
      this.fill(node, c);
      return node;
    }
    // Keep what the reader's own API answer said; a hidden comment keeps its text for its author.
    const known = this.data.get(c.id) || {};
    const personal = { is_mine: known.is_mine, my_vote: known.my_vote, can_edit: known.can_edit, appeal: known.appeal };
    if (known.is_mine && !c.body_html && known.body_html) Object.assign(personal, { body: known.body, body_html: known.body_html, author: known.author });
    this.fill(node, { ...c, ...personal });
    return node;
  }

  fill(node, c) {
    this.data.set(c.id, c);
    const mine = c.is_mine || (this.session.user && c.author && c.author.id === this.session.user.id);
    node.classList.toggle("is-mine", Boolean(mine));
    node.dataset.status = c.status;
    $(node, "[data-author]").textContent = c.author ? c.author.name : this.t("anonymous");
    const time = $(node, "[data-time]");
    time.dateTime = c.created_at;
    time.textContent = this.when(c.created_at);
    $(node, "[data-edited]").hidden = !c.edited_at;
    const bodyBox = $(node, "[data-body]");
    bodyBox.innerHTML = c.body_html; // escaped by the server (comments/rendering.py), never raw text
    const note = $(node, "[data-note]");
    note.hidden = true;
    const removed = c.status === "hidden" || c.status === "deleted";
    if (c.status === "pending" && mine) this.noteText(note, this.t("pending"));
    if (c.status === "hidden" && mine && c.hidden_clause) this.noteText(note, this.t("hidden", c.hidden_clause));
    if (c.status === "hidden" && !mine) bodyBox.textContent = this.t("hiddenPlaceholder", c.hidden_clause || { number: "?" });
    if (c.status === "deleted") bodyBox.textContent = this.t("deletedPlaceholder");
    if (c.appeal && mine) this.noteText(note, note.hidden ? this.appealText(c.appeal) : `${note.textContent} ${this.appealText(c.appeal)}`);
    $(node, "[data-likes]").textContent = c.likes;
    $(node, "[data-dislikes]").textContent = c.dislikes;
    for (const b of node.querySelectorAll(":scope > article [data-vote]")) b.setAttribute("aria-pressed", String(Number(b.dataset.vote) === c.my_vote));
    const acts = $(node, "[data-actions]");
    // A suspended or banned reader may still delete and appeal, as the server allows; nothing else.
    const writes = this.session.can_comment;
    acts.hidden = removed && !mine;
    const show = (sel, on) => { $(acts, sel).hidden = !on; };
    const editable = writes && mine && this.canEdit(c);
    show("[data-edit]", editable);
    if (editable) this.closeEditAt(node, c);
    show("[data-delete]", mine && c.status !== "deleted");
    show("[data-report]", writes && !mine && c.status === "visible");
    show("[data-appeal]", mine && c.status === "hidden" && !c.appeal);
    show("[data-hide]", this.session.is_moderator && c.status === "visible");
    if (!c.parent_id) show("[data-reply]", writes && !this.closed && c.status === "visible");
    for (const b of acts.querySelectorAll("[data-vote]")) b.disabled = !writes || mine || c.status !== "visible";
  }

  // The five-minute edit window closes on screen when it closes on the server.
  closeEditAt(node, c) {
    clearTimeout(node.editTimer);
    const left = new Date(c.created_at).getTime() + this.session.edit_window_seconds * 1000 - Date.now();
    node.editTimer = setTimeout(() => { $(node, "[data-edit]").hidden = true; }, Math.max(0, left));
  }

  noteText(note, text) {
    note.hidden = false;
    note.textContent = text;
  }

  appealText(appeal) {
    return { open: this.t("appealOpen"), upheld: this.t("appealUpheld"), reinstated: "" }[appeal.status] || "";
  }

  canEdit(c) {
    if (!c.can_edit) return false;
    const age = (Date.now() - new Date(c.created_at).getTime()) / 1000;
    return age < this.session.edit_window_seconds;
  }

  // -- what a reader does to a comment ------------------------------------------------------------
  bindActions(node, id) {
    const acts = $(node, "[data-actions]");
    const panel = node.querySelector(":scope > article > [data-panel]");
    const open = (form) => panel.replaceChildren(form);
    const close = () => panel.replaceChildren();
    for (const b of acts.querySelectorAll("[data-vote]")) {
      b.addEventListener("click", () => this.vote(id, Number(b.dataset.vote)));
    }
    $(acts, "[data-reply]").addEventListener("click", () => {
      open(this.composer({ onPost: async (body, notify) => { await this.post(body, notify, id); close(); }, submitLabel: this.t("reply"), onCancel: close }));
      panel.querySelector("textarea").focus();
    });
    $(acts, "[data-edit]").addEventListener("click", () => {
      const c = this.data.get(id);
      open(this.composer({
        initial: c.body, submitLabel: this.t("save"), onCancel: close, notify: false,
        onPost: async (body) => { this.fill(node, await this.send("PATCH", `/comments/${id}`, { body })); close(); },
      }));
    });
    $(acts, "[data-delete]").addEventListener("click", async () => {
      if (!window.confirm(this.t("confirmDelete"))) return;
      try {
        const result = await this.send("DELETE", `/comments/${id}`);
        if (result.placeholder) this.fill(node, { ...this.data.get(id), status: "deleted", body_html: "" });
        else this.drop(id);
        this.refreshCount();
      } catch (err) {
        this.status(err.message);
      }
    });
    $(acts, "[data-report]").addEventListener("click", () => open(this.clauseForm({
      label: this.t("reportLabel"), go: this.t("reportGo"), onCancel: close,
      onSend: async (clause, note) => { await this.send("POST", `/comments/${id}/report`, { clause, note }); panel.textContent = this.t("reportSent"); },
    })));
    $(acts, "[data-hide]").addEventListener("click", () => open(this.clauseForm({
      label: this.t("hideLabel"), go: this.t("hideGo"), onCancel: close,
      onSend: async (clause, note) => { this.fill(node, await this.send("POST", `/moderation/comments/${id}/hide`, { clause, note })); close(); },
    })));
    $(acts, "[data-appeal]").addEventListener("click", () => {
      const form = $(this.root, "template[data-appeal-form]").content.firstElementChild.cloneNode(true);
      $(form, "[data-cancel]").addEventListener("click", close);
      form.addEventListener("submit", async (event) => {
        event.preventDefault();
        try {
          await this.send("POST", `/comments/${id}/appeal`, { text: form.elements.text.value });
          const c = this.data.get(id);
          this.fill(node, { ...c, appeal: { status: "open", created_at: new Date().toISOString() } });
          panel.textContent = this.t("appealSent");
        } catch (err) {
          showError(form, err.message);
        }
      });
      open(form);
    });
  }

  clauseForm({ label, go, onSend, onCancel }) {
    const form = $(this.root, "template[data-clause-form]").content.firstElementChild.cloneNode(true);
    $(form, "[data-clause-label]").textContent = label;
    $(form, "[data-go]").textContent = go;
    const select = $(form, "[data-clauses]");
    for (const clause of this.policy.clauses) {
      select.append(new Option(`${clause.number}. ${clause.title}`, clause.number));
    }
    $(form, "[data-cancel]").addEventListener("click", onCancel);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      try {
        await onSend(Number(select.value), form.elements.note.value);
      } catch (err) {
        showError(form, err.message);
      }
    });
    return form;
  }

  async vote(id, value) {
    const c = this.data.get(id);
    const next = c.my_vote === value ? 0 : value;
    try {
      const result = await this.send("POST", `/comments/${id}/vote`, { value: next });
      this.fill(this.nodes.get(id), { ...c, likes: result.likes, dislikes: result.dislikes, my_vote: result.my_vote });
    } catch (err) {
      this.status(err.message);
    }
  }

  drop(id) {
    const node = this.nodes.get(id);
    if (node) node.remove();
    this.nodes.delete(id);
    this.data.delete(id);
  }

  // -- the count ----------------------------------------------------------------------------------
  setCount(n) {
    this.count = n;
    $(this.root, "[data-count]").textContent = n;
  }

  // After the reader's own write: the stored count, whatever the live stream has or has not said yet.
  async refreshCount() {
    try {
      const { counts } = await this.get(`/counts?keys=${encodeURIComponent(this.key)}`);
      this.setCount(counts[this.key]);
    } catch (err) {
      // The next event or page load corrects it.
    }
  }

  bumpCount(delta) {
    this.setCount(Math.max(0, (this.count || 0) + delta));
  }

  // -- live updates -------------------------------------------------------------------------------
  // Events carry the thread's stored count; counting events here would drift (replies on unread pages).
  countFrom(c, delta) {
    if (Number.isInteger(c.thread_comment_count)) this.setCount(c.thread_comment_count);
    else this.bumpCount(delta);
  }

  arrived(c) {
    this.after = Math.max(this.after, c.id);
    if (this.nodes.has(c.id)) return this.countFrom(c, 0);
    if (c.parent_id) {
      if (this.nodes.has(c.parent_id)) this.insert(c, { top: false, broadcast: true });
    } else if (this.sort === "newest" && window.scrollY < this.root.offsetTop) {
      this.insert(c, { top: true, broadcast: true }); // the reader is above the list: nothing moves under their eyes
    } else {
      this.pendingFresh.push(c);
      this.settleFresh();
    }
    this.countFrom(c, 1);
    this.status(this.t("arrived"));
  }

  showFresh() {
    for (const c of this.pendingFresh.splice(0)) this.insert(c, { top: this.sort === "newest", broadcast: true });
    this.settleFresh();
  }

  // "Show N new comments" counts only what is not on screen yet: a comment the reader's own answer or a
  // new list has put there no longer waits.
  settleFresh() {
    this.pendingFresh = this.pendingFresh.filter((c) => !this.nodes.has(c.id));
    const fresh = $(this.root, "[data-fresh]");
    fresh.textContent = this.t("fresh", { n: this.pendingFresh.length });
    fresh.hidden = !this.pendingFresh.length;
  }

  changed(c) {
    if (!this.nodes.has(c.id)) return this.countFrom(c, 0);
    const known = this.data.get(c.id);
    this.countFrom(c, known.status === "visible" && c.status !== "visible" ? -1 : 0);
    // Gone for other readers (as the list API would have it); a moderator keeps the placeholder.
    if (c.status !== "visible" && !known.is_mine && !c.reply_count && !this.session.is_moderator) return this.drop(c.id);
    this.update(c, { broadcast: true });
  }

  // Polling fallback when EventSource cannot connect: the newest page, merged by id. New means newer
  // than before this poll (a reply under an older comment may carry a higher id than a newer comment).
  async poll() {
    const page = await this.get(`/threads/${encodeURIComponent(this.key)}/comments?sort=newest`);
    const after = this.after;
    for (const c of page.comments.slice().reverse()) {
      if (!this.nodes.has(c.id) && c.id > after) this.arrived(c);
      else if (this.nodes.has(c.id)) this.update(c);
      for (const r of c.replies) if (!this.nodes.has(r.id) && r.id > after) this.arrived(r);
    }
    this.setCount(page.thread.comment_count);
  }
}

function readStrings(template) {
  const strings = {};
  for (const span of template.content.querySelectorAll("[data-key]")) strings[span.dataset.key] = span.textContent.trim();
  return strings;
}

async function apiError(response) {
  let detail = "";
  try {
    detail = (await response.json()).detail;
  } catch (err) {
    detail = response.statusText;
  }
  const error = new Error(detail || String(response.status));
  error.status = response.status;
  return error;
}

function showError(form, message) {
  const p = $(form, "[data-error]");
  p.textContent = message;
  p.hidden = !message;
}

for (const root of document.querySelectorAll("[data-comments-region]")) {
  if (root.dataset.started) continue;
  root.dataset.started = "1";
  new Region(root).start();
}
