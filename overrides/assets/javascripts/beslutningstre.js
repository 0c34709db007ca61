// The interactive decision trees on beslutningstre/<slug>/ pages.
//
// Python decides and this file renders: every step comes from decision_tree.api, running in
// Pyodide in a module worker (beslutningstre-worker.js). The first question comes from data the
// build put in the page, so it shows at once while Pyodide boots.
//
// A classic script, loaded synchronously from the page's head on every page (overrides/main.html):
// it runs before the body is parsed, mounts each tree as soon as the parser delivers it (before
// Material's bundle and deferred scripts run), and stays alive across instant navigation. The
// worker is only created on the first page that carries a tree, and then reused.
(() => {
"use strict";

// Paths are relative to this script, so the site works under any sub-path.
const SCRIPT_URL = document.currentScript.src;

const ENGINE_TIMEOUT_MS = 10_000;
const STATE_PARAM = "svar";

// ---------------------------------------------------------------------------------------------
// The engine: one worker for the whole visit.

let engine = null;

function getEngine() {
  if (engine) return engine;
  const listeners = new Set();
  const pending = new Map();
  let nextId = 1;
  engine = {
    status: "loading",
    error: "",
    call(method, ...args) {
      if (engine.status === "failed") return Promise.reject(new Error(engine.error));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, method, args });
      });
    },
    onStatus(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
  const settle = (status, error = "") => {
    // A timeout is not final: a slow machine may still finish booting, and then the widget
    // comes back. A worker that reports failure (or cannot even load) is.
    if (engine.status === status || (engine.status === "failed" && engine.final)) return;
    engine.status = status;
    engine.error = error;
    engine.final = status === "failed" && error !== "timeout";
    clearTimeout(timer);
    if (status === "failed") {
      for (const { reject } of pending.values()) reject(new Error(error));
      pending.clear();
      if (engine.final) worker.terminate();
    }
    for (const fn of listeners) fn(status);
  };
  const worker = new Worker(new URL("beslutningstre-worker.js", SCRIPT_URL), { type: "module" });
  // A wasm served with the wrong type makes Pyodide hang rather than fail: never wait forever.
  const timer = setTimeout(() => settle("failed", "timeout"), ENGINE_TIMEOUT_MS);
  worker.addEventListener("error", (event) => settle("failed", event.message || "worker error"));
  worker.addEventListener("message", ({ data }) => {
    if (data.event === "ready") return settle("ready");
    if (data.event === "failed") return settle("failed", data.error || "failed");
    const call = pending.get(data.id);
    if (!call) return;
    pending.delete(data.id);
    if (data.ok) call.resolve(data.result);
    else call.reject(new Error(data.error));
  });
  return engine;
}

// ---------------------------------------------------------------------------------------------
// Small DOM helpers.

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === false || value == null) continue;
    if (key === "class") el.className = value;
    else if (key === "html") el.innerHTML = value; // only ever build-time HTML from the site itself
    else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? "" : value);
  }
  el.append(...children.flat().filter((c) => c != null && c !== false));
  return el;
}

let uid = 0;
const newId = (prefix) => `bt-${prefix}-${++uid}`;

// A <button>, never a link: Material's router captures links to site pages. Styled as Material's
// outlined button unless told otherwise ("bt-link" reads as a link).
function button(label, onclick, { cls = "md-button", ...attrs } = {}) {
  return h("button", { type: "button", class: cls, onclick, ...attrs }, label);
}

// ---------------------------------------------------------------------------------------------
// One widget per mount point.

const widgets = new Set();

class Widget {
  constructor(root, data) {
    this.root = root;
    this.slug = root.dataset.tree;
    this.data = data;
    this.path = location.pathname;
    this.token = 0;
    this.view = null;
    this.root.classList.add("bt");
    this.root.setAttribute("role", "region");
    this.start = data.start_view;
    this.root.setAttribute("aria-label", `Interaktivt beslutningstre: ${this.start.tree_title}`);
    // Material's single-key shortcuts (search, next page, …) must not fire while someone answers.
    this.root.addEventListener("keydown", (event) => event.stopPropagation());
    this.status = h("p", { class: "bt-sr-only", role: "status", "aria-live": "polite" });
    this.body = h("div", { class: "bt-body" });
    this.root.replaceChildren(this.status, this.body);

    this.engine = getEngine();
    this.root.dataset.engine = this.engine.status;
    this.unsubscribe = this.engine.onStatus((status) => this.engineChanged(status));

    const state = new URLSearchParams(location.search).get(STATE_PARAM);
    if (this.engine.status === "failed") this.renderFailure();
    else if (state) this.request("view", [state], { focus: false, push: false });
    else this.render(this.start, { focus: false });
  }

  get connected() {
    return this.root.isConnected;
  }

  destroy() {
    this.unsubscribe();
    widgets.delete(this);
  }

  engineChanged(status) {
    if (!this.connected) return this.destroy();
    this.root.dataset.engine = status;
    if (status === "failed") this.renderFailure();
    else if (this.failed) this.recover();
  }

  // The engine came up after the 10 s limit: show the step the address asks for after all.
  recover() {
    this.failed = false;
    const state = new URLSearchParams(location.search).get(STATE_PARAM);
    if (state) this.request("view", [state], { focus: false, push: false });
    else this.render(this.start, { focus: false });
  }

  // -- talking to the engine ------------------------------------------------------------------

  // Ask the engine for the next view. The newest request wins; while the engine is still
  // booting, the widget shows (and announces) that it is loading.
  async request(method, args, { focus = true, push = true } = {}) {
    const token = ++this.token;
    let loadingShown = false;
    if (this.engine.status === "loading") {
      loadingShown = true;
      this.showLoading();
    }
    let view;
    try {
      view = await this.engine.call(method, this.slug, ...args);
    } catch (error) {
      // A failed engine has rendered its own message (engineChanged). A running engine that
      // throws breaks its contract; say so rather than leave the button dead.
      if (this.engine.status === "ready" && token === this.token && this.connected) this.renderBroken(error);
      return;
    }
    if (token !== this.token || !this.connected) return;
    if (loadingShown) this.hideLoading();
    if (push) this.pushState(view);
    this.render(view, { focus });
  }

  showLoading() {
    this.root.setAttribute("aria-busy", "true");
    this.body.querySelector(".bt-loading")?.remove();
    const note = h("div", { class: "bt-loading" }, h("span", { class: "bt-spinner", "aria-hidden": "true" }),
      "Laster beslutningstreet … Svaret ditt blir behandlet så snart det er klart.");
    this.body.prepend(note);
    for (const control of this.body.querySelectorAll("input, button")) control.disabled = true;
    this.announce("Laster …");
  }

  hideLoading() {
    this.root.removeAttribute("aria-busy");
    this.body.querySelector(".bt-loading")?.remove();
  }

  announce(text) {
    // Clearing first makes screen readers read a repeated message again.
    this.status.textContent = "";
    requestAnimationFrame(() => (this.status.textContent = text));
  }

  // -- the address bar ------------------------------------------------------------------------

  urlFor(state) {
    const url = new URL(location.href);
    url.hash = "";
    if (state && state !== this.start.state) url.searchParams.set(STATE_PARAM, state);
    else url.searchParams.delete(STATE_PARAM);
    // States are URL-safe already; keep "~" readable instead of the form encoding's %7E.
    url.search = url.search.replace(/%7E/gi, "~");
    return url;
  }

  pushState(view) {
    if (view.status === "invalid") return;
    const url = this.urlFor(view.state);
    if (url.href !== location.href) history.pushState(null, "", url);
  }

  // The browser's back and forward buttons step through the answers.
  popState() {
    if (location.pathname !== this.path) return; // Material is loading another page
    const state = new URLSearchParams(location.search).get(STATE_PARAM);
    if (this.engine.status === "failed") return;
    if (state) this.request("view", [state], { push: false });
    else {
      ++this.token;
      this.hideLoading();
      this.render(this.start, { focus: true });
    }
  }

  // -- rendering ------------------------------------------------------------------------------

  // The build rendered every text of every node to HTML (tree.json's `nodes`); views carry
  // Markdown. Show the build's HTML, and the plain text only if a node is missing from it.
  node(id) {
    return this.data.nodes?.[id] ?? {};
  }

  block(html, fallback) {
    return html ? h("div", { class: "bt-md", html }) : fallback ? h("p", {}, fallback) : null;
  }

  inline(html, fallback) {
    return html ? h("span", { html }) : fallback ?? "";
  }

  render(view, { focus }) {
    this.view = view;
    const parts =
      view.status === "outcome" ? this.renderOutcome(view)
      : view.status === "invalid" ? this.renderInvalid(view)
      : this.renderQuestion(view);
    this.body.replaceChildren(...parts);
    if (!focus) return;
    this.body.querySelector("[data-focus]")?.focus();
    if (view.status === "outcome") {
      const title = this.node(view.outcome.id).title;
      this.announce(`Resultat: ${title ? textOf(title) : view.outcome.title}`);
    } else if (view.status === "invalid") this.announce(view.message);
    else if (Object.keys(view.errors ?? {}).length) this.announce("Svaret må rettes. Se feilmeldingen.");
    else {
      // The question's place in the walk: an earlier one when an answer is being changed.
      const asked = view.answers.findIndex((a) => a.question_id === view.question.id);
      this.announce(`Spørsmål ${(asked >= 0 ? asked : view.answers.length) + 1}`);
    }
  }

  renderQuestion(view) {
    const q = view.question;
    const errors = view.errors ?? {};
    const hintId = q.hint ? newId("hint") : null;
    const generalError = errors._ ? h("p", { class: "bt-error", id: newId("error") },
      h("span", { class: "bt-sr-only" }, "Feil: "), errors._) : null;
    const describedBy = [hintId, generalError?.id].filter(Boolean).join(" ") || null;

    const controls = q.kind === "number" ? this.numberFields(q, errors) : this.choiceOptions(q);
    const form = h("form", { class: "bt-question", novalidate: true, "data-question": q.id },
      this.errorSummary(q, errors),
      h("fieldset", { class: "bt-fieldset", "aria-describedby": describedBy },
        h("legend", { class: "bt-legend" },
          h("h2", { class: "bt-title", tabindex: "-1", "data-focus": true }, this.inline(this.node(q.id).text_inline, q.text))),
        q.hint ? h("div", { class: "bt-hint", id: hintId }, this.block(this.node(q.id).hint, q.hint)) : null,
        generalError,
        controls),
      h("div", { class: "bt-actions" },
        h("button", { type: "submit", class: "md-button md-button--primary" }, "Neste"),
        view.can_go_back ? button("Tilbake", () => this.request("back", [view.state]), { cls: "md-button bt-secondary" }) : null));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.submit(form, view);
    });
    return [form, ...this.answersAndRestart(view)];
  }

  optionLabel(questionId, optionId, fallback) {
    const html = this.node(questionId).options?.find((o) => o.id === optionId)?.label;
    return this.inline(html, fallback);
  }

  choiceOptions(q) {
    return h("div", { class: "bt-options" }, q.options.map((option) => {
      const id = newId("opt");
      // The label wraps the radio, so the whole row is one big target.
      return h("label", { class: "bt-option", for: id },
        h("input", { type: "radio", id, name: q.id, value: option.id, checked: q.selected === option.id }),
        h("span", { class: "bt-option__label" }, this.optionLabel(q.id, option.id, option.label)));
    }));
  }

  numberFields(q, errors) {
    const typed = q.selected ?? {};
    const built = this.node(q.id).fields ?? [];
    return h("div", { class: "bt-fields" }, q.fields.map((field) => {
      const html = built.find((f) => f.id === field.id);
      const id = newId("field");
      const errorId = errors[field.id] ? newId("error") : null;
      return h("div", { class: `bt-field${errorId ? " bt-field--error" : ""}` },
        h("label", { for: id, class: "bt-label" }, this.inline(html?.label, field.label)),
        errorId ? h("p", { class: "bt-error", id: errorId },
          h("span", { class: "bt-sr-only" }, "Feil: "), errors[field.id]) : null,
        h("div", { class: "bt-input-row" },
          h("input", {
            type: "text", inputmode: field.decimals ? "decimal" : "numeric", id, name: field.id,
            class: "bt-input", autocomplete: "off", spellcheck: "false",
            value: typed[field.id] ?? "", "aria-invalid": errorId ? "true" : null, "aria-describedby": errorId,
            "data-field": field.id,
          }),
          field.unit ? h("span", { class: "bt-unit", "aria-hidden": "true" }, field.unit) : null));
    }));
  }

  errorSummary(q, errors) {
    const entries = Object.entries(errors);
    if (!entries.length) return null;
    // GOV.UK's error summary: focused first, each message leads to its field.
    return h("div", { class: "bt-error-summary", role: "alert", tabindex: "-1", "data-focus": true },
      h("h3", { class: "bt-error-summary__title" }, "Svaret må rettes"),
      h("ul", {}, entries.map(([field, message]) => h("li", {},
        button(message, () => {
          const target = field === "_" ? this.body.querySelector(".bt-question input")
            : this.body.querySelector(`[data-field="${CSS.escape(field)}"]`);
          target?.focus();
        }, { cls: "bt-link" })))));
  }

  submit(form, view) {
    const q = view.question;
    let value;
    if (q.kind === "number") {
      value = Object.fromEntries(q.fields.map((f) => [f.id, form.elements[f.id]?.value ?? ""]));
    } else {
      // Nothing chosen is the engine's to judge too: it answers with its own message.
      value = form.querySelector("input[type=radio]:checked")?.value ?? "";
    }
    this.request("answer", [view.state, q.id, value]);
  }

  answersAndRestart(view) {
    const parts = [];
    if (view.answers?.length) {
      const headingId = newId("answers");
      parts.push(h("section", { class: "bt-answers", "aria-labelledby": headingId },
        h("h3", { id: headingId }, "Dine svar"),
        h("dl", { class: "bt-answer-list" }, view.answers.map((a) => h("div", { class: "bt-answer" },
          h("dt", {}, this.inline(this.node(a.question_id).text_inline, a.question)),
          h("dd", {}, this.node(a.question_id).kind === "choice"
            ? this.optionLabel(a.question_id, a.option_id, a.answer) : a.answer),
          h("dd", { class: "bt-answer__change" },
            button(["Endre", h("span", { class: "bt-sr-only" }, ` svaret på «${a.question}»`)],
              () => this.request("change", [view.state, a.question_id]), { cls: "bt-link" })))))));
    }
    if (view.answers?.length || view.status !== "question") {
      parts.push(h("p", { class: "bt-restart" }, button("Start på nytt", () => this.restart(), { cls: "bt-link" })));
    }
    return parts;
  }

  restart() {
    ++this.token; // drop any answer still waiting for the engine
    this.hideLoading();
    const url = this.urlFor("");
    if (url.href !== location.href) history.pushState(null, "", url);
    this.render(this.start, { focus: true });
  }

  renderOutcome(view) {
    const o = view.outcome;
    const built = this.node(o.id);
    const citations = built.citations ?? [];
    const steps = built.next_steps ?? [];
    const section = h("section", { class: "bt-outcome", "data-certainty": o.certainty },
      h("p", { class: "bt-kicker" }, "Resultat"),
      h("h2", { class: "bt-title", tabindex: "-1", "data-focus": true }, this.inline(built.title, o.title)),
      h("p", { class: "bt-certainty" }, h("strong", {}, "Hvor sikkert: "), o.certainty_label),
      this.block(built.text, o.text),
      h("h3", {}, "Dette står i retningslinjen"),
      o.citations.map((c, i) => {
        const fromBuild = citations[i]?.anchor === c.anchor ? citations[i] : {};
        const href = new URL(fromBuild.href ?? `${this.data.guideline?.href ?? "../../retningslinje/"}#${c.anchor}`,
          location.href).href;
        return h("figure", { class: "bt-citation" },
          h("blockquote", {}, h("p", {}, `«${c.quote}»`)),
          h("figcaption", {}, h("a", { href, "data-anchor": c.anchor },
            `Retningslinjen, ${fromBuild.label ? textOf(fromBuild.label) : anchorLabel(c.anchor)}`)));
      }),
      o.next_steps?.length ? [h("h3", {}, "Neste steg"),
        h("ul", { class: "bt-steps" }, o.next_steps.map((step, i) =>
          steps[i] ? h("li", { html: unwrapParagraph(steps[i]) }) : h("li", {}, step)))] : null,
      h("details", { class: "bt-why" },
        h("summary", {}, "Hvorfor?"),
        h("p", {}, "Du fikk dette svaret fordi du svarte slik:"),
        h("ol", {}, (o.why ?? []).map((w) => h("li", {},
          this.inline(this.node(w.question_id).text_inline, w.question), " ",
          h("strong", {}, this.node(w.question_id).kind === "choice"
            ? this.optionLabel(w.question_id, w.option_id, w.answer) : w.answer))))),
      this.outcomeActions(view));
    return [section, ...this.answersAndRestart(view)];
  }

  outcomeActions(view) {
    const link = this.urlFor(view.state).href;
    const receipt = h("pre", { class: "bt-receipt", "aria-hidden": "true" });
    const mail = h("a", { class: "md-button", href: mailto(view, link, "") }, "Send e-post til leder");
    // The receipt is the engine's own plain text; fill it in as soon as it arrives.
    const page = new URL(link);
    page.search = "";
    this.engine.call("receipt", this.slug, view.state, page.href, this.data.extra ?? {}).then((text) => {
      receipt.textContent = text;
      mail.href = mailto(view, link, text);
    }, () => {});
    return h("div", { class: "bt-actions bt-outcome-actions" },
      button("Kopier lenke", (event) => this.copyLink(link, event.currentTarget)),
      button("Skriv ut", () => printReceipt()),
      mail,
      receipt);
  }

  async copyLink(link, trigger) {
    let copied = false;
    try {
      await navigator.clipboard.writeText(link);
      copied = true;
    } catch {
      // No clipboard API outside secure contexts (plain http on an intranet): the old way.
      const field = h("textarea", { class: "bt-sr-only", readonly: true }, link);
      trigger.after(field);
      field.select();
      try {
        copied = document.execCommand("copy");
      } catch {
        copied = false;
      }
      field.remove();
      trigger.focus();
    }
    this.announce(copied ? "Lenken er kopiert." : `Kunne ikke kopiere. Lenken er: ${link}`);
    trigger.dataset.copied = copied ? "true" : "false";
  }

  renderInvalid(view) {
    return [h("div", { class: "bt-invalid", role: "alert" },
      h("h2", { class: "bt-title", tabindex: "-1", "data-focus": true }, "Lenken virker ikke"),
      h("p", {}, view.message),
      h("p", {}, button("Start på nytt", () => this.restart(), { cls: "md-button md-button--primary" })))];
  }

  renderBroken(error) {
    console.error("[beslutningstre]", error);
    this.hideLoading();
    const outline = findOutline(this.root);
    this.body.replaceChildren(h("div", { class: "bt-failure", role: "alert" },
      h("h2", { class: "bt-title", tabindex: "-1", "data-focus": true }, "Noe gikk galt"),
      h("p", {}, "Beslutningstreet klarte ikke å behandle svaret. Prøv å starte på nytt, "
        + "eller les hele treet som tekst lenger ned på siden."),
      h("p", {}, button("Start på nytt", () => this.restart(), { cls: "md-button md-button--primary" })),
      outline ? h("p", {}, h("a", { href: `#${outline.id}` }, "Gå til beslutningstreet som tekst")) : null));
    this.body.querySelector("[data-focus]")?.focus();
  }

  renderFailure() {
    ++this.token;
    this.failed = true;
    this.root.removeAttribute("aria-busy");
    this.root.dataset.engine = "failed";
    const outline = findOutline(this.root);
    this.body.replaceChildren(h("div", { class: "bt-failure", role: "alert" },
      h("h2", { class: "bt-title", tabindex: "-1" }, "Beslutningstreet kan ikke vises her"),
      h("p", {}, "Nettleseren din klarte ikke å starte den interaktive versjonen av beslutningstreet. "
        + "Hele treet, med alle spørsmål og svar, står som tekst lenger ned på siden."),
      outline ? h("p", {}, h("a", { href: `#${outline.id}` }, "Gå til beslutningstreet som tekst")) : null));
  }
}

function anchorLabel(anchor) {
  const match = /^punkt-(\d+)([a-z]?)$/.exec(anchor);
  return match ? `punkt ${match[1]}${match[2] ? ` ${match[2]}` : ""}` : anchor;
}

// Build-time strings are HTML-escaped; aria and link texts want them as plain text.
function textOf(html) {
  return new DOMParser().parseFromString(html, "text/html").body.textContent;
}

function unwrapParagraph(html) {
  const match = /^\s*<p>([\s\S]*)<\/p>\s*$/.exec(html);
  return match && !match[1].includes("<p>") ? match[1] : html;
}

function mailto(view, link, receipt) {
  const subject = `Hjemmekontor: ${view.outcome.title}`;
  const body = (receipt || `${view.tree_title}\n${view.outcome.title}\n\n${link}`).replace(/\r?\n/g, "\r\n");
  return `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

function printReceipt() {
  // Print only the receipt (see beslutningstre.css); a plain Ctrl+P still prints the whole page.
  const html = document.documentElement;
  html.classList.add("bt-printing");
  window.addEventListener("afterprint", () => html.classList.remove("bt-printing"), { once: true });
  window.print();
}

// The static outline under the widget: its heading if it has one, else the outline itself.
function findOutline(root) {
  const scope = root.closest("article") ?? document;
  const outline = scope.querySelector("#hele-treet") ?? scope.querySelector(".beslutningstre-outline");
  if (outline && !outline.id) outline.id = "beslutningstre-oversikt";
  return outline;
}

// The build-time data for a mount point: the page carries it as JSON in a hidden element's
// data-json attribute (no inline script, so a strict Content-Security-Policy holds).
function buildData(root) {
  const slug = root.dataset.tree;
  const holder = [...document.querySelectorAll(".beslutningstre-data[data-tree]")]
    .find((el) => el.dataset.tree === slug);
  try {
    return holder ? JSON.parse(holder.dataset.json) : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Mounting: on every page Material shows, idempotently.

const mounted = new WeakSet();

function mountAll() {
  for (const widget of widgets) if (!widget.connected) widget.destroy();
  for (const root of document.querySelectorAll(".beslutningstre-widget[data-tree]")) {
    if (mounted.has(root)) continue;
    const data = buildData(root);
    if (!data?.start_view) continue; // no build-time data: the static outline is all there is
    mounted.add(root);
    widgets.add(new Widget(root, data));
  }
}

window.addEventListener("popstate", () => {
  for (const widget of widgets) if (widget.connected) widget.popState();
});

// Mount as soon as the parser has delivered a mount point and its data; after that, Material's
// document$ announces every page that instant navigation brings in.
function followMaterial() {
  window.document$?.subscribe?.(mountAll);
}

mountAll();
if (document.readyState === "loading") {
  const parsing = new MutationObserver(mountAll);
  parsing.observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", () => {
    parsing.disconnect();
    mountAll();
    followMaterial();
  }, { once: true });
} else {
  followMaterial();
}
})();
