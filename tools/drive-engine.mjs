// Drives the decision-tree engine through everything the browser can ask of it, the way the worker
// asks (decision_tree.api.dispatch, JSON in and out): every option of every question of every tree,
// number answers good and bad, back and change on every state, links that are garbage, outdated,
// from another guideline version or from the site's first link format.
//
// Used at build time (tools/compile-stdlib.mjs) twice: to trace which standard-library modules the
// engine needs, and then to prove the shipped zip holds them. A missing module fails the build.
//
//   import { drive } from "./drive-engine.mjs";
//   const calls = drive(dispatch, bundleText, legacyShapes);   // returns how many calls it made

// Number answers to type into every number question: in range, at the edges, and wrong.
const TYPED = ["0", "1", "3", "3,5", "7", "12,5", "-1", "abc", "", "99999999", "1.55"];

export function drive(dispatch, bundleText, legacy = {}) {
  let calls = 0;
  const call = (method, ...args) => {
    calls += 1;
    return JSON.parse(dispatch(method, JSON.stringify(args)));
  };
  const bundle = JSON.parse(bundleText);
  call("load", bundleText);
  for (const tree of bundle.trees) {
    const slug = tree.slug;
    const seen = new Set();
    const visit = (view, depth) => {
      if (seen.has(view.state) || depth > 40) return;
      seen.add(view.state);
      call("back", slug, view.state);
      for (const answer of view.answers) call("change", slug, view.state, answer.question);
      if (view.status !== "question") return;
      const question = tree.questions[view.node];
      if (question.kind === "number") {
        for (const a of TYPED) {
          for (const b of TYPED.slice(0, 5)) {
            const values = Object.fromEntries(question.fields.map((f, i) => [f.id, i === 0 ? a : b]));
            const next = call("answer", slug, view.state, question.id, values);
            if (!Object.keys(next.errors).length) visit(next, depth + 1);
          }
        }
      } else {
        for (const option of question.options) visit(call("answer", slug, view.state, question.id, option.id), depth + 1);
        call("answer", slug, view.state, question.id, "finnes-ikke");
        call("answer", slug, view.state, "feil-spørsmål", question.options[0].id);
      }
    };
    visit(call("view", slug, ""), 0);
    // Links from outside: garbage, tampered, another guideline version, the first format.
    const some = [...seen].filter(Boolean);
    const samples = ["x", "💥", "v0.00", `v9.99_${tree.start}.x`, "1000000.0", "~1", `v${"9".repeat(2000)}`];
    for (const state of some.slice(0, 20)) samples.push(`${state}~0`, `${state}~0e`, state.replace(/^v[\d.]+/, "v0.00"));
    for (const [fingerprint, shape] of Object.entries(legacy)) {
      if (shape.tree === slug) samples.push(`1${fingerprint}`, `1${fingerprint}.0`, `1${fingerprint}.0.0`, `1${fingerprint}.1.1_1`);
    }
    for (const state of samples) call("view", slug, state);
  }
  call("view", "finnes-ikke", "");
  return calls;
}
