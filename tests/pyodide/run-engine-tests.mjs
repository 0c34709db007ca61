// Runs the engine test suite (tests/engine) inside Pyodide under Node, offline, against exactly the
// standard library the site ships (site/assets/pyodide/<v>/python_stdlib-*.zip, or STDLIB_ZIP).
//
//   node tests/pyodide/run-engine-tests.mjs [pytest args...]
//
// The engine's modules are imported first, with nothing but the shipped zip. pytest, hypothesis and
// the tests' own helpers then get the rest of Pyodide's stdlib behind it; an import hook watches that
// fallback, and any module the browser's engine code (what `import decision_tree.api` loads) takes
// from it fails the run: it would be missing in an employee's browser.
//
// pytest and its dependencies load as local wheels by path (make pyodide-test-wheels puts
// them in .cache/pyodide-test-wheels); by name, Pyodide's lock would pull other versions from
// a CDN. Every network API is replaced by one that records the attempt and fails; any attempt
// fails the run even if the caller swallowed the error. Exit status: pytest's, or 3 for a
// network attempt, or 4 for a setup failure, or 5 when the engine needed a module the site does not ship.
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
  globalThis[name] = (...args) => { refuse(name)(...args); };
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

function shippedZip() {
  if (process.env.STDLIB_ZIP) return path.resolve(process.env.STDLIB_ZIP);
  const base = path.join(root, process.env.SITE_DIR || "site", "assets", "pyodide");
  const version = fs.existsSync(base) ? fs.readdirSync(base)[0] : undefined;
  const zip = version && fs.readdirSync(path.join(base, version)).find((f) => /^python_stdlib-.*\.zip$/.test(f));
  if (!zip) {
    console.error(`Fant ikke standardbiblioteket nettstedet sender (${base}). Bygg nettstedet først (make site).`);
    process.exit(4);
  }
  return path.join(base, version, zip);
}

const stdlib = shippedZip();
const { loadPyodide } = await import(path.join(root, "node_modules/pyodide/pyodide.mjs"));
const started = performance.now();
const pyodide = await loadPyodide({ stdLibURL: stdlib });
// Pass Python's output through byte for byte, so pytest's progress line stays one line.
const passThrough = (stream) => ({
  write: (bytes) => {
    stream.write(bytes);
    return bytes.length;
  },
});
pyodide.setStdout(passThrough(process.stdout));
pyodide.setStderr(passThrough(process.stderr));
pyodide.FS.mkdirTree("/repo");
pyodide.mountNodeFS("/repo", root);
// The project's packages, installed as pip would: in site-packages (mounted, so the tests run the
// working tree's code). The tests themselves are found by pytest from /repo, its rootdir.
const sitePackages = pyodide.runPython("import sys; next(p for p in sys.path if p.endswith('site-packages'))");
for (const name of ["decision_tree", "guideline", "tooling"]) {
  pyodide.FS.mkdirTree(`${sitePackages}/${name}`);
  pyodide.mountNodeFS(`${sitePackages}/${name}`, path.join(root, name));
}
pyodide.FS.writeFile("/lib/fallback.zip", fs.readFileSync(path.join(root, "node_modules/pyodide/python_stdlib.zip")));
try {
  pyodide.runPython(`
import os, sys, traceback, zipimport
sys.dont_write_bytecode = True  # the repository is mounted: leave no 3.14 bytecode behind
os.chdir("/repo")
import decision_tree.api  # with the shipped stdlib alone: a module-level import it lacks fails here
RUNTIME = {name for name in sys.modules if name.startswith("decision_tree")}
FALLBACK = "/lib/fallback.zip"
engine_took = []

class Fallback:
    """Last on sys.meta_path: finds in Pyodide's full stdlib what the shipped one lacks (for pytest and the
    tests' helpers), and notes each module the engine's own code found only here."""

    def find_spec(self, name, path=None, target=None):
        parts = name.split(".")
        try:
            spec = zipimport.zipimporter("/".join([FALLBACK, *parts[:-1]])).find_spec(name, target)
        except zipimport.ZipImportError:
            return None
        if spec is not None:
            frames = [f for f in traceback.extract_stack() if "/decision_tree/" in f.filename]
            if frames:
                innermost = frames[-1]
                module = "decision_tree." + os.path.splitext(os.path.basename(innermost.filename))[0]
                if module in RUNTIME:
                    engine_took.append(f"{name} (importert fra {innermost.filename}:{innermost.lineno})")
        return spec

sys.meta_path.append(Fallback())
`);
} catch (error) {
  console.error(`Motoren kan ikke importeres med standardbiblioteket nettstedet sender (${stdlib}):\n${error}`);
  process.exit(5);
}
await pyodide.loadPackage(wheels.map((f) => path.join(wheelDir, f)), { messageCallback: () => {} });
const booted = performance.now();
const args = process.argv.slice(2);
pyodide.globals.set("extra_args", pyodide.toPy(args));
let code;
try {
  code = await pyodide.runPythonAsync(`
import pytest
print(f"Python {sys.version.split()[0]} på {sys.platform}, standardbibliotek: ${path.basename(stdlib)}")
pytest.main(["tests/engine", "-p", "no:cacheprovider", "--confcutdir=tests/engine", "-q", *extra_args])
`);
  const took = pyodide.globals.get("engine_took").toJs();
  if (took.length) {
    console.error(`Motoren trengte moduler som ikke er med i standardbiblioteket nettstedet sender:\n  ${took.join("\n  ")}`);
    process.exit(5);
  }
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
