// One interactive decision tree (a .hk-widget the build rendered, see widget.html).
//
// Python decides, the build renders, this enhances: every step comes from decision_tree.api as ids
// and computed values; what is shown is a clone of the build's fragment for that id, filled in.
// Most steps need no engine in the browser: the build ran decision_tree.api for the start and for
// every click that needs no number (prebuilt.js), so those show at once, even while Pyodide boots.
// The engine in the worker answers the rest: numbers, links from older versions, invalid links.

import { getEngine } from "./engine-client.js";
import { Fragments, fill, fillHtml } from "./fragments.js";
import { PrebuiltViews } from "./prebuilt.js";
import { announce, copyAndAnnounce } from "./copy-link.js";

const STATE_PARAM = "svar";

export class Widget {
  constructor(root, scriptUrl) {
    this.root = root;
    this.slug = root.dataset.hkTree;
    this.fragments = new Fragments(root.querySelector(".hk-templates"));
    this.prebuilt = new PrebuiltViews(root.dataset.hkViews);
    this.path = location.pathname;
    this.token = 0;
    this.view = null;
    root.querySelector(".hk-widget__nojs")?.remove();
    // Material's single-key shortcuts (search, next page, …) must not fire while someone answers.
    root.addEventListener("keydown", (event) => event.stopPropagation());
    root.addEventListener("click", (event) => this.clicked(event));
    root.addEventListener("submit", (event) => this.submitted(event));
    this.status = this.fragments.piece("status");
    this.body = document.createElement("div");
    this.body.className = "hk-body";
    root.append(this.status, this.body);

    this.engine = getEngine(scriptUrl);
    root.dataset.engine = this.engine.status;
    this.unsubscribe = this.engine.onStatus((status) => this.engineChanged(status));
    this.showAddress({ focus: false });
  }

  // The start needs no engine: the build put the engine's own view of it on the widget.
  get start() {
    return JSON.parse(this.root.dataset.hkStartView);
  }

  destroy() {
    this.unsubscribe();
  }

  // Show what the address says: the answers in ?svar=, or the start.
  showAddress({ focus }) {
    const state = new URLSearchParams(location.search).get(STATE_PARAM);
    if (this.engine.status === "failed") this.renderFailure();
    else if (state) this.request("view", [state], { focus, push: false });
    else {
      ++this.token; // drop any answer still waiting for the engine
      this.hideLoading();
      this.render(this.start, { focus });
    }
  }

  engineChanged(status) {
    if (!this.root.isConnected) return this.destroy();
    this.root.dataset.engine = status;
    if (status === "loading") this.showProgress();
    else if (status === "failed") this.renderFailure();
    else if (this.failed) {
      // The engine came up after its load had stalled: show what the address asks for after all.
      this.failed = false;
      this.showAddress({ focus: false });
    }
  }

  // -- talking to the engine ------------------------------------------------------------------

  // Ask the engine for the next view: at once from the build's replies when it has this one, else
  // from the worker. The newest request wins; while the engine is still booting, the widget shows
  // (and announces) that it is loading. Either way the view is shown by show(), the same way.
  async request(method, args, { focus = true, push = true } = {}) {
    const token = ++this.token;
    const prebuilt = this.prebuilt.reply(method, args);
    if (prebuilt) {
      this.hideLoading();
      return this.show(prebuilt, { focus, push });
    }
    const loading = this.engine.status === "loading";
    if (loading) this.showLoading();
    let view;
    try {
      view = await this.engine.call(method, this.slug, ...args);
    } catch (error) {
      // A failed engine has rendered its own message (engineChanged). A running engine that
      // throws breaks its contract; say so rather than leave the button dead.
      if (this.engine.status === "ready" && token === this.token && this.root.isConnected) this.renderBroken(error);
      return;
    }
    if (token !== this.token || !this.root.isConnected) return;
    if (loading) this.hideLoading();
    this.show(view, { focus, push });
  }

  // A new step is a new history entry; a link made for older trees comes back re-encoded, and the
  // address shows today's form in place.
  show(view, { focus, push }) {
    this.setAddress(view, { replace: !push });
    this.render(view, { focus });
  }

  showLoading() {
    this.root.setAttribute("aria-busy", "true");
    this.body.querySelector(".hk-loading")?.remove();
    this.body.prepend(this.fragments.piece("loading"));
    for (const control of this.body.querySelectorAll("input, button")) control.disabled = true;
    this.announce(this.fragments.message("loading"));
    this.showProgress();
  }

  // How far the engine's download has come, while someone waits for it; a slow load says so, once.
  showProgress() {
    const box = this.body.querySelector(".hk-loading");
    if (!box) return;
    const { loaded, total } = this.engine.progress;
    const percent = total ? Math.min(100, Math.floor((100 * loaded) / total)) : 0;
    box.querySelector("progress").value = percent;
    fill(box, { percent: this.fragments.message("percent", { percent }) });
    if (this.engine.slow && !("slow" in box.dataset)) {
      box.dataset.slow = "";
      fill(box, { "loading-text": this.fragments.message("slow") });
      this.announce(this.fragments.message("slow"));
    }
  }

  hideLoading() {
    this.root.removeAttribute("aria-busy");
    this.body.querySelector(".hk-loading")?.remove();
  }

  announce(text) {
    announce(this.status, text);
  }

  // -- the address bar ------------------------------------------------------------------------

  urlFor(state) {
    const url = new URL(location.href);
    url.hash = "";
    if (state) url.searchParams.set(STATE_PARAM, state);
    else url.searchParams.delete(STATE_PARAM);
    // States are URL-safe already; keep "~" readable instead of the form encoding's %7E.
    url.search = url.search.replace(/%7E/gi, "~");
    return url;
  }

  setAddress(view, { replace = false } = {}) {
    if (view.status === "invalid") return;
    const url = this.urlFor(view.state);
    if (url.href === location.href) return;
    if (replace) history.replaceState(null, "", url);
    else history.pushState(null, "", url);
  }

  // The browser's back and forward buttons step through the answers.
  popState() {
    if (location.pathname !== this.path || this.engine.status === "failed") return; // Material is loading another page
    this.showAddress({ focus: true });
  }

  // -- what the person does -------------------------------------------------------------------

  clicked(event) {
    const button = event.target.closest("[data-action]");
    if (!button || !this.view) return;
    const view = this.view;
    switch (button.dataset.action) {
      case "back":
        return this.request("back", [view.state]);
      case "change":
        return this.request("change", [view.state, button.dataset.question]);
      case "restart":
        return this.restart();
      case "copy":
        return this.copyLink(this.urlFor(view.state).href, button);
      case "print":
        return printReceipt();
      case "summary": {
        const field = button.dataset.field;
        const target = field === "_" ? this.body.querySelector(".hk-question input")
          : this.body.querySelector(`input[name="${CSS.escape(field)}"]`);
        return target?.focus();
      }
    }
  }

  submitted(event) {
    const form = event.target.closest("form.hk-question");
    if (!form || !this.view) return;
    event.preventDefault();
    const numbers = [...form.querySelectorAll("input.hk-input")];
    // Nothing chosen is the engine's to judge too: it answers with its own message.
    const value = numbers.length
      ? Object.fromEntries(numbers.map((input) => [input.name, input.value]))
      : form.querySelector("input[type=radio]:checked")?.value ?? "";
    this.request("answer", [this.view.state, form.dataset.question, value]);
  }

  restart() {
    ++this.token; // drop any answer still waiting for the engine
    this.hideLoading();
    const url = this.urlFor("");
    if (url.href !== location.href) history.pushState(null, "", url);
    this.render(this.start, { focus: true });
  }

  // -- rendering ------------------------------------------------------------------------------

  render(view, { focus }) {
    this.view = view;
    const parts = view.status === "invalid" ? [this.fragments.piece(`invalid-${view.invalid}`)]
      : view.status === "outcome" ? this.renderOutcome(view)
      : this.renderQuestion(view);
    this.body.replaceChildren(...this.notices(view), ...parts);
    if (!focus) return;
    // An error summary takes focus first (it is an alert); else the question's or result's heading.
    (this.body.querySelector("[role=alert][data-focus]") ?? this.body.querySelector("[data-focus]"))?.focus();
    if (view.status === "outcome") {
      const title = this.body.querySelector(".hk-outcome .hk-title").textContent.trim();
      this.announce(this.fragments.message("outcome", { title }));
    } else if (view.status === "invalid") this.announce(this.body.textContent.trim());
    else if (Object.keys(view.errors).length) this.announce(this.fragments.message("errors"));
    else this.announce(this.fragments.message("question", { n: view.asked }));
  }

  notices(view) {
    const notices = [];
    if (view.changed) notices.push(fill(this.fragments.piece("notice-changed"), view.changed));
    else if (view.dropped) notices.push(this.fragments.piece("notice-dropped"));
    return notices;
  }

  renderQuestion(view) {
    const form = this.fragments.node(view.node);
    const errors = Object.entries(view.errors);
    if (typeof view.selected === "string") {
      const radio = form.querySelector(`input[value="${CSS.escape(view.selected)}"]`);
      if (radio) radio.checked = true;
    } else if (view.selected) {
      for (const [name, text] of Object.entries(view.selected)) {
        const input = form.querySelector(`input[name="${CSS.escape(name)}"]`);
        if (input) input.value = text;
      }
    }
    if (errors.length) {
      // GOV.UK's error summary: focused first, each message leads to its field.
      const summary = this.fragments.piece("summary");
      for (const [field, message] of errors) {
        const item = fill(this.fragments.piece("summary-item"), { message });
        item.querySelector("button").dataset.field = field;
        summary.querySelector('[data-slot="list"]').append(item);
        this.showError(form, field, message);
      }
      form.querySelector('[data-slot="summary"]').replaceWith(summary);
    }
    form.querySelector('[data-action="back"]').hidden = !view.can_go_back;
    return [form, ...this.answersAndRestart(view)];
  }

  showError(form, field, message) {
    const error = form.querySelector(`[data-error="${CSS.escape(field)}"]`);
    if (!error) return;
    error.hidden = false;
    fill(error, { message });
    const target = field === "_" ? form.querySelector("fieldset") : form.querySelector(`input[name="${CSS.escape(field)}"]`);
    if (field !== "_") {
      target.setAttribute("aria-invalid", "true");
      error.closest(".hk-field")?.classList.add("hk-field--error");
    }
    const described = (target.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
    target.setAttribute("aria-describedby", [...described, error.id].join(" "));
  }

  // An answer as the build wrote its option, or as the engine described the numbers.
  answerHtml(answer) {
    return answer.text == null ? this.fragments.optionHtml(answer.question, answer.option) : null;
  }

  answersAndRestart(view) {
    const parts = [];
    if (view.answers.length) {
      const answers = this.fragments.piece("answers");
      const list = answers.querySelector('[data-slot="list"]');
      for (const answer of view.answers) {
        const row = this.fragments.piece("answer");
        fillHtml(row, "question", this.fragments.questionHtml(answer.question));
        this.fillAnswer(row, answer);
        fill(row, { "question-text": this.fragments.questionText(answer.question) });
        row.querySelector('[data-action="change"]').dataset.question = answer.question;
        list.append(row);
      }
      parts.push(answers);
    }
    if (view.answers.length || view.status !== "question") parts.push(this.fragments.piece("restart"));
    return parts;
  }

  fillAnswer(root, answer) {
    const html = this.answerHtml(answer);
    if (html == null) fill(root, { answer: answer.text });
    else fillHtml(root, "answer", html);
  }

  renderOutcome(view) {
    const section = this.fragments.node(view.node);
    const why = section.querySelector('[data-slot="why"]');
    for (const answer of view.answers) {
      const item = this.fragments.piece("why-item");
      fillHtml(item, "question", this.fragments.questionHtml(answer.question));
      this.fillAnswer(item, answer);
      why.append(item);
    }
    // The receipt: the build's text, with these answers and this link filled in.
    const link = this.urlFor(view.state).href;
    const receipt = section.querySelector(".hk-receipt");
    const lines = receipt.querySelector('[data-slot="answers"]');
    view.answers.forEach((answer, i) => {
      const line = fill(this.fragments.text("receipt-answer"), {
        n: i + 1,
        question: this.fragments.questionText(answer.question),
        answer: answer.text ?? this.fragments.optionText(answer.question, answer.option),
      });
      lines.append(line);
    });
    fill(receipt, { link });
    // The citations' own links, as addresses: the clone is not in the page yet, so resolve them here.
    for (const citation of section.querySelectorAll(".hk-citation a[data-anchor]")) {
      fill(receipt, { [`href-${citation.dataset.anchor}`]: new URL(citation.getAttribute("href"), location.href).href });
    }
    const mail = section.querySelector('[data-action="mail"]');
    mail.href = mailto(mail.dataset.subject, receipt.textContent);
    return [section, ...this.answersAndRestart(view)];
  }

  copyLink(link, trigger) {
    return copyAndAnnounce(link, trigger, this.status, (name, values) => this.fragments.message(name, values));
  }

  renderBroken(error) {
    console.error("[beslutningstre]", error);
    this.hideLoading();
    this.view = this.start;
    this.body.replaceChildren(this.fragments.piece("broken"));
    this.body.querySelector("[data-focus]")?.focus();
  }

  renderFailure() {
    ++this.token;
    this.failed = true;
    this.root.removeAttribute("aria-busy");
    this.root.dataset.engine = "failed";
    this.body.replaceChildren(this.fragments.piece("failure"));
  }
}

function mailto(subject, body) {
  return `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.replace(/\r?\n/g, "\r\n"))}`;
}

function printReceipt() {
  // Print only the receipt (see tree-result.css); a plain Ctrl+P still prints the whole page.
  const html = document.documentElement;
  html.classList.add("hk-printing");
  window.addEventListener("afterprint", () => html.classList.remove("hk-printing"), { once: true });
  window.print();
}
