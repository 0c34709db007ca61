// The decision-tree engine in a module worker: Pyodide boots here, so the page never waits on Python.
//
// Protocol (plain JSON values both ways):
//   page → worker  {id, method, args}        method is one of decision_tree.api's functions
//   worker → page  {id, ok: true, result}    or {id, ok: false, error}
//                  {event: "ready"}          once the engine can answer
//                  {event: "failed", error}  if it never will
// Calls that arrive before "ready" wait for it.
import { runtime } from "./beslutningstre-runtime.js";

async function boot() {
  // The trees (checked at build time) download while the interpreter boots.
  const trees = fetch(runtime.dataURL).then((response) => {
    if (!response.ok) throw new Error(`${runtime.dataURL}: ${response.status}`);
    return response.text();
  });
  const { loadPyodide } = await import(new URL("pyodide.mjs", runtime.indexURL).href);
  const pyodide = await loadPyodide({
    indexURL: runtime.indexURL,
    stdLibURL: runtime.stdLibURL,
    lockFileURL: runtime.lockFileURL,
    // The wheel is fetched (and its sha256 checked) while the interpreter boots.
    packages: runtime.packages,
    stdout: () => {},
    stderr: (line) => console.warn("[beslutningstre]", line),
  });
  // Every decision is made in decision_tree.api; dispatch passes JSON in and out.
  const dispatch = pyodide.pyimport("decision_tree.api").dispatch;
  const slugs = JSON.parse(dispatch("load", JSON.stringify([await trees])));
  // Walk to a first view now, so "ready" means the first answer is quick too.
  dispatch("view", JSON.stringify([slugs[0], ""]));
  return dispatch;
}

const engine = boot();
engine.then(
  () => postMessage({ event: "ready" }),
  (error) => postMessage({ event: "failed", error: String(error?.message ?? error) }),
);

self.onmessage = async ({ data }) => {
  const { id, method, args } = data;
  try {
    const dispatch = await engine;
    postMessage({ id, ok: true, result: JSON.parse(dispatch(method, JSON.stringify(args ?? []))) });
  } catch (error) {
    postMessage({ id, ok: false, error: String(error?.message ?? error) });
  }
};
