// The engine: one module worker for the whole visit (tree-worker.js), where Pyodide
// boots and decision_tree.api decides. Created by the first page that carries a tree.
//
// Status: "loading", then "ready" or "failed". While loading, `progress` says how far the download
// has come ({loaded, total} bytes) and `slow` turns true once it takes longer than usual; listeners
// hear each change. A slow load is not a failure: it fails when the worker says so (a download or
// the wasm failed), or when nothing at all has happened for STALL_MS (a connection that hangs).

const STALL_MS = 10_000; // no byte and no step for this long: the load has stopped
const SLOW_MS = 10_000; // still loading after this long: the widget says it takes a while

let engine = null;

export function getEngine(scriptUrl) {
  if (engine) return engine;
  const listeners = new Set();
  const pending = new Map();
  let nextId = 1;
  engine = {
    status: "loading",
    error: "",
    progress: { loaded: 0, total: 0 },
    slow: false,
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
  const tell = () => {
    for (const fn of listeners) fn(engine.status);
  };
  const settle = (status, error = "") => {
    // A stall is not final: a load that picks up again may still finish, and then the widget
    // comes back. A worker that reports failure (or cannot even load) is.
    if (engine.status === status || (engine.status === "failed" && engine.final)) return;
    engine.status = status;
    engine.error = error;
    engine.final = status === "failed" && error !== "stalled";
    clearTimeout(stall);
    if (status === "failed") {
      for (const { reject } of pending.values()) reject(new Error(error));
      pending.clear();
      if (engine.final) worker.terminate();
    }
    tell();
  };
  const stalled = () => settle("failed", "stalled");
  const worker = new Worker(new URL("tree-worker.js", scriptUrl), { type: "module" });
  // A wasm served with the wrong type can make Pyodide hang rather than fail: never wait forever.
  let stall = setTimeout(stalled, STALL_MS);
  setTimeout(() => {
    if (engine.status !== "loading") return;
    engine.slow = true;
    tell();
  }, SLOW_MS);
  worker.addEventListener("error", (event) => settle("failed", event.message || "worker error"));
  worker.addEventListener("message", ({ data }) => {
    if (data.event === "progress") {
      engine.progress = { loaded: data.loaded, total: data.total };
      if (engine.status !== "loading") return;
      clearTimeout(stall);
      stall = setTimeout(stalled, STALL_MS);
      return tell();
    }
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
