// Build-time helper: the engine wheel as the browser gets it, bytecode instead of source.
//
//   node tools/compile-wheel.mjs <pyodide-dir> <in.whl> <out.whl>
//
// Each module is compiled *inside Pyodide* (the host Python is another version) and stored as a
// sourceless .pyc where its .py was, as Pyodide ships its own packages, so the worker's import does
// not compile source (measured in Chromium: importing the engine 250 ms from source, 110 ms from
// bytecode, on a cold visit). RECORD is written anew, so the wheel stays a valid wheel.
// Called and cached by hooks/pyodide_assets.py; the stdlib trace and its proof then install exactly
// this wheel.
import { readFileSync, writeFileSync } from "node:fs";

import { boot } from "./prove-stdlib.mjs";

const [pyodideDir, inPath, outPath] = process.argv.slice(2);
if (!pyodideDir || !inPath || !outPath) {
  console.error("usage: compile-wheel.mjs <pyodide-dir> <in.whl> <out.whl>");
  process.exit(2);
}
const pyodide = await boot(pyodideDir);  // offline: prove-stdlib.mjs refuses the network
pyodide.FS.writeFile("/tmp/in.whl", readFileSync(inPath));
pyodide.runPython(`
import base64, hashlib, zipfile
from importlib._bootstrap_external import _code_to_timestamp_pyc

def digest(data):
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()

with zipfile.ZipFile("/tmp/in.whl") as src:
    files = []
    for info in src.infolist():
        name, data = info.filename, src.read(info)
        if name.endswith(".py"):
            code = compile(data, name, "exec", dont_inherit=True)
            # A sourceless .pyc is not checked against an mtime, so a fixed stamp keeps output stable.
            name, data = name + "c", bytes(_code_to_timestamp_pyc(code, 0, 0))
        files.append((name, data, info))
record = next(name for name, _, _ in files if name.endswith(".dist-info/RECORD"))
lines = [f"{name},{digest(data)},{len(data)}" for name, data, _ in files if name != record] + [f"{record},,"]
with zipfile.ZipFile("/tmp/out.whl", "w", zipfile.ZIP_DEFLATED) as out:
    for name, data, info in files:
        if name == record:
            data = ("\\n".join(lines) + "\\n").encode()
        entry = zipfile.ZipInfo(name, date_time=info.date_time)
        entry.compress_type, entry.external_attr = zipfile.ZIP_DEFLATED, info.external_attr
        out.writestr(entry, data)
`);
writeFileSync(outPath, pyodide.FS.readFile("/tmp/out.whl"));
