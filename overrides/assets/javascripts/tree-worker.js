// The decision-tree engine in a module worker: Pyodide boots here, so the page never waits on Python.
//
// Protocol (plain JSON values both ways):
//   page → worker  {id, method, args}        method is one of decision_tree.api's functions
//   worker → page  {id, ok: true, result}    or {id, ok: false, error}
//                  {event: "progress", loaded, total}   while it loads: bytes so far, of about `total`
//                  {event: "ready"}          once the engine can answer
//                  {event: "failed", error}  if it never will
// Calls that arrive before "ready" wait for it.
import { runtime } from "./tree-runtime.js";

// -- progress and failure while loading ---------------------------------------------------------
// The page fails the engine only when loading has stopped (engine-client.js), so it needs to hear
// that bytes still arrive. Each download is counted on a copy of its response: the response itself
// stays as the browser made it (V8 caches the compiled wasm by the response's URL).
let loaded = 0;
let reported = 0;
const progress = (force = false) => {
  const now = performance.now();
  if (!force && now - reported < 200) return;
  reported = now;
  postMessage({ event: "progress", loaded, total: runtime.downloadBytes });
};
const failed = (error) => postMessage({ event: "failed", error: String(error?.message ?? error) });

const fetchFromNetwork = self.fetch.bind(self);
self.fetch = async (...args) => {
  let response;
  try {
    response = await fetchFromNetwork(...args);
  } catch (error) {
    failed(error); // every download here is needed: a failed one means the engine cannot start
    throw error;
  }
  if (!response.ok) failed(`${response.url}: ${response.status}`);
  else count(response.clone().body);
  return response;
};

async function count(body) {
  if (!body) return;
  const reader = body.getReader();
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      loaded += chunk.value.byteLength;
      progress();
    }
    progress(true);
  } catch {
    // The response's own reader meets the same error, and the load fails there.
  }
}

// Pyodide only warns when the wasm cannot be instantiated (served as the wrong type, say), and its
// load then never settles: report it rather than wait.
const instantiateStreaming = WebAssembly.instantiateStreaming;
WebAssembly.instantiateStreaming = (...args) => instantiateStreaming(...args).catch((error) => {
  failed(error);
  throw error;
});

// -- the engine ---------------------------------------------------------------------------------

async function boot() {
  progress(true);
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
  progress(true); // Python is up: a step, even when no byte came in during its start
  // Every decision is made in decision_tree.api; dispatch passes JSON in and out.
  const dispatch = pyodide.pyimport("decision_tree.api").dispatch;
  const slugs = JSON.parse(dispatch("load", JSON.stringify([await trees])));
  // Walk to a first view now, so "ready" means the first answer is quick too.
  dispatch("view", JSON.stringify([slugs[0], ""]));
  return dispatch;
}

const engine = boot();
engine.then(() => postMessage({ event: "ready" }), failed);

self.onmessage = async ({ data }) => {
  const { id, method, args } = data;
  try {
    const dispatch = await engine;
    postMessage({ id, ok: true, result: JSON.parse(dispatch(method, JSON.stringify(args ?? []))) });
  } catch (error) {
    postMessage({ id, ok: false, error: String(error?.message ?? error) });
  }
};
