// Build-time helper: the standard library the browser gets, and nothing more.
//
//   node tools/compile-stdlib.mjs <pyodide-dir> '<options-json>' <out.zip>
//
// options: {"wheel": engine wheel path, "bundle": trees.json path, "legacy": legacy-v1.json path}
//
// 1. Trace: boot Pyodide with its full stdlib, install the engine wheel the way the worker does, and
//    drive the engine through everything the browser can ask (drive-engine.mjs). Every stdlib module
//    in sys.modules then is one the browser needs: Pyodide's own boot, the package install, the engine.
// 2. Write the zip: exactly those modules, compiled *inside Pyodide* (the host Python is another
//    version), stored without compression: the server's brotli or gzip compresses the whole file
//    better than deflate does file by file, and zipimport then reads bytes without inflating them.
// 3. Prove it (prove-stdlib.mjs): boot a second Pyodide with only that zip and drive the engine again.
//    A module the trace missed fails here, with its name, and so fails the build, never a browser.
// Called and cached by hooks/pyodide_assets.py.
import { writeFileSync } from "node:fs";

import { driven, prove } from "./prove-stdlib.mjs";

const [pyodideDir, optionsJson, outPath] = process.argv.slice(2);
if (!pyodideDir || !outPath) {
  console.error("usage: compile-stdlib.mjs <pyodide-dir> <options-json> <out.zip>");
  process.exit(2);
}
const options = JSON.parse(optionsJson);

// 1. Trace (prove-stdlib.mjs refuses the network: in Node, Pyodide would fall back to a CDN).
const { pyodide, calls } = await driven(pyodideDir, undefined, options);
const report = pyodide.runPython(`
import json, sys, zipfile
from importlib._bootstrap_external import _code_to_timestamp_pyc

prefix = sys.path[1]  # where Pyodide mounts the stdlib zip: /lib/python314.zip
needed = {m.__file__[len(prefix) + 1:] for m in list(sys.modules.values())
          if (getattr(m, "__file__", None) or "").startswith(prefix + "/")}
size = 0
with zipfile.ZipFile(prefix) as src, zipfile.ZipFile("/tmp/stdlib.zip", "w", zipfile.ZIP_STORED) as out:
    for name in sorted(needed):
        code = compile(src.read(name), f"{prefix}/{name}", "exec", dont_inherit=True)
        # A source-less .pyc in a zip is not checked against an mtime, so a fixed stamp keeps output stable.
        data = bytes(_code_to_timestamp_pyc(code, 0, 0))
        size += len(data)
        out.writestr(zipfile.ZipInfo(name + "c", date_time=(1980, 1, 1, 0, 0, 0)), data)
json.dumps({"modules": len(needed), "bytes": size})
`);
writeFileSync(outPath, pyodide.FS.readFile("/tmp/stdlib.zip"));

// 3. Prove it, with a Pyodide that has nothing but that zip.
try {
  const again = await prove(pyodideDir, outPath, options);
  if (again.calls !== calls) throw new Error(`the drive made ${again.calls} calls, not ${calls}`);
} catch (error) {
  console.error(`Det nye standardbiblioteket mangler noe motoren trenger:\n${error?.message ?? error}`);
  process.exit(1);
}
console.log(JSON.stringify({ ...JSON.parse(report), calls }));
