// Build-time helper: a standard-library zip for the browser, compiled *inside Pyodide* so the
// bytecode matches the Python that runs there (the host Python is another version).
//
//   node tools/compile-stdlib.mjs <pyodide-dir> <out.zip> '<options-json>'
//
// options: {"warm": [modules the engine imports], "drop": [top-level names nobody needs in a browser]}
// Every module Python imports while booting, plus the closure of "warm", is stored as .pyc.
// Every other module stays as .py source, so an import nobody foresaw still works (just slower).
// Called and cached by hooks/pyodide_assets.py.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, outPath, optionsJson = "{}"] = process.argv.slice(2);
if (!pyodideDir || !outPath) {
  console.error("usage: compile-stdlib.mjs <pyodide-dir> <out.zip> [options-json]");
  process.exit(2);
}
// Nothing may come from the network: in Node, Pyodide falls back to a CDN for a missing file.
globalThis.fetch = async (url) => {
  throw new Error(`network access refused at build time: ${url}`);
};

const indexURL = path.resolve(pyodideDir) + path.sep;
const { loadPyodide } = await import(pathToFileURL(indexURL + "pyodide.mjs").href);
const pyodide = await loadPyodide({ indexURL, stdout: () => {}, stderr: (s) => console.error(s) });

// Install a tiny wheel the way the browser installs the engine's, so the modules Pyodide's
// package loader imports for that are precompiled too.
const scratch = mkdtempSync(path.join(tmpdir(), "compile-stdlib-"));
pyodide.runPython(`
import zipfile
with zipfile.ZipFile("/tmp/warmup-1.0-py3-none-any.whl", "w") as whl:
    whl.writestr("warmup/__init__.py", "")
    whl.writestr("warmup-1.0.dist-info/METADATA", "Metadata-Version: 2.1\\nName: warmup\\nVersion: 1.0\\n")
    whl.writestr("warmup-1.0.dist-info/WHEEL", "Wheel-Version: 1.0\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n")
    whl.writestr("warmup-1.0.dist-info/RECORD", "")
`);
const wheel = path.join(scratch, "warmup-1.0-py3-none-any.whl");
writeFileSync(wheel, pyodide.FS.readFile("/tmp/warmup-1.0-py3-none-any.whl"));
await pyodide.loadPackage(wheel, { messageCallback: () => {} });
rmSync(scratch, { recursive: true, force: true });

pyodide.globals.set("options_json", optionsJson);
const report = pyodide.runPython(`
import importlib, json, sys, zipfile
from importlib._bootstrap_external import _code_to_timestamp_pyc

options = json.loads(options_json)
for name in ["warmup", *options.get("warm", [])]:
    try:
        importlib.import_module(name)
    except ImportError:
        pass  # not a stdlib module (the engine's own, say)

prefix = sys.path[1]  # where Pyodide mounts the stdlib zip: /lib/python314.zip
hot = {m.__file__[len(prefix) + 1:] for m in list(sys.modules.values())
       if (getattr(m, "__file__", None) or "").startswith(prefix + "/")}
drop = set(options.get("drop", []))
counts = {"pyc": 0, "py": 0}

# Stored, not deflated: zipimport then reads bytes without inflating them in wasm, and the
# server's own compression does the rest on the wire.
method = zipfile.ZIP_DEFLATED if options.get("deflate") else zipfile.ZIP_STORED
with zipfile.ZipFile(prefix) as src, zipfile.ZipFile("/tmp/stdlib.zip", "w", method) as out:
    for info in src.infolist():
        name = info.filename
        if info.is_dir() or not name.endswith(".py") or name.split("/")[0].removesuffix(".py") in drop:
            continue
        data = src.read(info)
        if name in hot:
            code = compile(data, f"{prefix}/{name}", "exec", dont_inherit=True)
            # A source-less .pyc in a zip is not checked against an mtime, so a fixed stamp keeps output stable.
            name, data = name + "c", bytes(_code_to_timestamp_pyc(code, 0, 0))
        counts[name[-3:].strip(".")] += 1
        out.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data, method)
json.dumps(counts)
`);
writeFileSync(outPath, pyodide.FS.readFile("/tmp/stdlib.zip"));
console.log(report);
