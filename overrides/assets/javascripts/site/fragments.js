// The build's fragments for one widget: a <template> per question and outcome, and the widget's
// own pieces (widget.html). Views are clones of these, filled with what the engine computed.

export class Fragments {
  constructor(holder) {
    this.holder = holder;
  }

  // A clone of a named piece ("answers", "summary", …): its single root element.
  piece(name) {
    return this.holder.querySelector(`template[data-hk="${name}"]`).content.firstElementChild.cloneNode(true);
  }

  // A clone of a piece that is text with slots in it (the receipt's answer line).
  text(name) {
    return this.holder.querySelector(`template[data-hk="${name}"]`).content.cloneNode(true);
  }

  // A clone of a question's form or an outcome's section.
  node(id) {
    return this.template(id)?.content.firstElementChild.cloneNode(true) ?? null;
  }

  template(id) {
    return this.holder.querySelector(`template[data-hk-node="${CSS.escape(id)}"]`);
  }

  // A question's text as the build rendered it (inline HTML), and as words.
  questionHtml(id) {
    return this.template(id)?.content.querySelector('[data-slot="question-text"]')?.innerHTML ?? "";
  }

  questionText(id) {
    return this.template(id)?.content.querySelector('[data-slot="question-text"]')?.textContent.trim() ?? "";
  }

  // An option's label as the build rendered it, as HTML or as text.
  optionHtml(questionId, optionId) {
    return this.optionLabel(questionId, optionId)?.innerHTML ?? "";
  }

  optionText(questionId, optionId) {
    return this.optionLabel(questionId, optionId)?.textContent.trim() ?? "";
  }

  optionLabel(questionId, optionId) {
    const input = this.template(questionId)?.content.querySelector(`input[value="${CSS.escape(optionId)}"]`);
    return input?.parentElement.querySelector('[data-slot="option-label"]');
  }

  // A short text for announcements, with {name} filled in.
  message(name, values = {}) {
    const text = this.holder.querySelector("template[data-hk=messages]").content
      .querySelector(`[data-message="${name}"]`).textContent;
    return fillMessage(text, values);
  }
}

// A message with each {name} replaced by values[name].
export function fillMessage(text, values = {}) {
  return text.replace(/\{(\w+)\}/g, (_, key) => values[key] ?? "");
}

// Put `value` as text into every [data-slot=name] inside `root`.
export function fill(root, values) {
  for (const [name, value] of Object.entries(values)) {
    for (const slot of root.querySelectorAll(`[data-slot="${name}"]`)) slot.textContent = value;
  }
  return root;
}

// Put build-rendered inline HTML (from the site's own templates) into a slot.
export function fillHtml(root, name, html) {
  const slot = root.querySelector(`[data-slot="${name}"]`);
  if (slot) slot.innerHTML = html;
  return slot;
}
