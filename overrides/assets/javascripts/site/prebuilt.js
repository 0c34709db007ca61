// The engine's replies that the build computed (tooling/prebuilt_views.py, data-hk-views): the view of
// every state a reader reaches by clicks alone, and the engine's reply to each click there. The
// widget shows these at once and asks the engine in the worker only for the rest (number answers,
// links from older versions, invalid links). Decoding only: no rule of the engine is written here,
// and a call the build did not make gives null. tests/pyodide/ checks every reply against the engine.

export class PrebuiltViews {
  // `json`: the widget's data-hk-views, parsed on first use (after the first question is shown).
  constructor(json) {
    this.json = json;
    this.data = null;
  }

  load() {
    if (this.data === null && this.json) {
      this.data = JSON.parse(this.json);
      this.number = new Map(this.data.views.map((row, n) => [row[this.data.fields.indexOf("state")], n]));
    }
    return this.data;
  }

  // The engine's reply to decision_tree.api's `method(slug, state, ...rest)`, or null.
  reply(method, [state, ...rest]) {
    if (!this.load()) return null;
    const from = this.number.get(state);
    if (from === undefined) return null;
    if (method === "view") return this.view(from); // the stored views are the engine's view(slug, state)
    let node = this.data.next[from][method];
    for (const argument of rest) {
      if (typeof argument !== "string" || !isTable(node) || !Object.hasOwn(node, argument)) return null;
      node = node[argument];
    }
    return node === undefined || isTable(node) ? null : this.resolve(node);
  }

  // A reply: a view's number, or [number, n] for that view with the fields of deltas[n].
  resolve(reply) {
    return Array.isArray(reply) ? { ...this.view(reply[0]), ...structuredClone(this.data.deltas[reply[1]]) }
      : this.view(reply);
  }

  view(n) {
    const { same, fields, views } = this.data;
    const view = structuredClone(same);
    fields.forEach((field, i) => {
      view[field] = field === "answers" ? this.answers(views[n][i]) : views[n][i];
    });
    return view;
  }

  // Answer list n: list 0 is empty; list n is list lists[n-1][0] plus the answer lists[n-1][1].
  answers(n) {
    if (n === 0) return [];
    const [parent, answer] = this.data.lists[n - 1];
    return [...this.answers(parent), structuredClone(answer)];
  }
}

function isTable(node) {
  return typeof node === "object" && node !== null && !Array.isArray(node);
}
