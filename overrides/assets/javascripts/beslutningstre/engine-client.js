// The engine: one module worker for the whole visit (beslutningstre-worker.js), where Pyodide
// boots and decision_tree.api decides. Created by the first page that carries a tree.

const ENGINE_TIMEOUT_MS = 10_000;

let engine = null;

export function getEngine(scriptUrl) {
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
  const worker = new Worker(new URL("beslutningstre-worker.js", scriptUrl), { type: "module" });
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
