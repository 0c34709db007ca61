// Runs the engine test suite (tests/engine) inside Pyodide under Node, offline.
//
//   node tests/pyodide/run-engine-tests.mjs [pytest args...]
//
// pytest and its dependencies load as local wheels by path (make pyodide-test-wheels puts
// them in .cache/pyodide-test-wheels); by name, Pyodide's lock would pull other versions from
// a CDN. Every network API is replaced by one that records the attempt and fails; any attempt
// fails the run even if the caller swallowed the error. Exit status: pytest's, or 3 for a
// network attempt, or 4 for a setup failure.
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const wheelDir = path.resolve(root, process.env.PYODIDE_TEST_WHEELS || ".cache/pyodide-test-wheels");

const attempts = [];
function refuse(api) {
  return (...args) => {
    const target = String(args[0]?.url ?? args[0]?.href ?? args[0]?.host ?? args[0]);
    attempts.push(`${api} ${target}`);
    console.error(`NETTVERK BLOKKERT: ${api} ${target}`);
    throw new Error(`network access is not allowed in this run: ${api} ${target}`);
  };
}
globalThis.fetch = async (...args) => refuse("fetch")(...args);
for (const name of ["XMLHttpRequest", "WebSocket", "EventSource"]) {
  globalThis[name] = function () { refuse(name)(...arguments); };
}
for (const [name, mod] of [["http", http], ["https", https]]) {
  mod.request = refuse(`${name}.request`);
  mod.get = refuse(`${name}.get`);
}
net.connect = net.createConnection = refuse("net.connect");

const wheels = fs.existsSync(wheelDir) ? fs.readdirSync(wheelDir).filter((f) => f.endsWith(".whl")) : [];
for (const needed of ["pytest-", "pluggy-", "iniconfig-", "packaging-", "pygments-", "hypothesis-", "sortedcontainers-"]) {
  if (!wheels.some((f) => f.toLowerCase().startsWith(needed))) {
    console.error(`Mangler ${needed}*.whl i ${wheelDir}. Kjør «make pyodide-test-wheels».`);
    process.exit(4);
  }
}

const { loadPyodide } = await import(path.join(root, "node_modules/pyodide/pyodide.mjs"));
const started = performance.now();
const pyodide = await loadPyodide();
// Pass Python's output through byte for byte, so pytest's progress line stays one line.
pyodide.setStdout({ write: (bytes) => (process.stdout.write(bytes), bytes.length) });
pyodide.setStderr({ write: (bytes) => (process.stderr.write(bytes), bytes.length) });
await pyodide.loadPackage(wheels.map((f) => path.join(wheelDir, f)), { messageCallback: () => {} });
const booted = performance.now();

pyodide.FS.mkdirTree("/repo");
pyodide.mountNodeFS("/repo", root);
const args = process.argv.slice(2);
pyodide.globals.set("extra_args", pyodide.toPy(args));
let code;
try {
  code = await pyodide.runPythonAsync(`
import os, sys
sys.dont_write_bytecode = True  # the repository is mounted: leave no 3.14 bytecode behind
os.chdir("/repo")
sys.path.insert(0, "/repo")
import pytest
print(f"Python {sys.version.split()[0]} på {sys.platform}")
pytest.main(["tests/engine", "-p", "no:cacheprovider", "--confcutdir=tests/engine", "-q", *extra_args])
`);
} catch (error) {
  console.error(error);
  process.exit(4);
}
const seconds = (ms) => (ms / 1000).toFixed(1);
console.error(`Pyodide: oppstart ${seconds(booted - started)} s, tester ${seconds(performance.now() - booted)} s`);
if (attempts.length) {
  console.error(`${attempts.length} forsøk på nettverkstilgang:\n  ${attempts.join("\n  ")}`);
  process.exit(3);
}
process.exit(Number(code));
