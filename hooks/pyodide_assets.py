"""MkDocs hook: the interactive decision trees' runtime, Pyodide and the engine, served from site/.

After the build it writes

- `assets/pyodide/<version>/`: only the Pyodide files that run (pyodide.mjs, pyodide.asm.mjs,
  pyodide.asm.wasm) plus a standard-library zip of exactly the modules the browser needs, traced
  by driving the engine in Pyodide and compiled to bytecode there (tools/compile-stdlib.mjs). The
  console pages and CDN defaults in the npm package are never copied. The path carries the
  version, so a server may cache it forever.
- `assets/beslutningstre/<hash>/`: the engine as a plain py3-none-any wheel, its modules compiled
  to bytecode in Pyodide (tools/compile-wheel.mjs), and a lock file made by `pyodide lockfile
  add-wheels`, so Pyodide fetches the wheel while it boots and checks its sha256. The folder is
  named after the wheel's hash, so it may be cached forever too.
- `assets/beslutningstre/<hash>/trees.json`: the checked trees and their shared data
  (decision_tree/bundle.py), which the engine loads instead of reading TOML.
- `assets/javascripts/beslutningstre-runtime.js`: where the worker finds all of the above.

Expensive steps are cached under .cache/, keyed on what goes into them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
PYODIDE_NPM = ROOT / "node_modules" / "pyodide"
ENGINE = ROOT / "decision_tree"
CACHE = ROOT / ".cache"
COMPILE_STDLIB = ROOT / "tools" / "compile-stdlib.mjs"
COMPILE_WHEEL = ROOT / "tools" / "compile-wheel.mjs"

# The files loadPyodide() fetches. Everything else in the npm package (console pages that load
# from a CDN, the classic-script build, type declarations) stays out of the site.
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")

# Pinned 1980-01-01 timestamps make the wheel byte-for-byte reproducible, so its hash (and the
# folder it is served from) only changes when the engine does.
_SOURCE_DATE_EPOCH = "315532800"


def on_post_build(config) -> None:
    build(Path(config.site_dir))


def build(site_dir: Path) -> dict:
    """Write the runtime into site_dir and return the runtime description the worker gets."""
    version = _pyodide_version()
    pyodide_dir = site_dir / "assets" / "pyodide" / version
    pyodide_dir.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        shutil.copyfile(PYODIDE_NPM / name, pyodide_dir / name)
    _strip_source_map_comment(pyodide_dir / "pyodide.mjs")

    wheel, lock = _engine_wheel_and_lock()
    data = _bundle()
    stdlib = _compiled_stdlib(version, wheel, data)
    shutil.copyfile(stdlib, pyodide_dir / stdlib.name)

    engine_dir = site_dir / "assets" / "beslutningstre" / _sha256(wheel)[:16]
    engine_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(wheel, engine_dir / wheel.name)
    shutil.copyfile(lock, engine_dir / "pyodide-lock.json")
    package = next(iter(json.loads(lock.read_text(encoding="utf-8"))["packages"]))

    data_dir = site_dir / "assets" / "beslutningstre" / hashlib.sha256(data).hexdigest()[:16]
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "trees.json").write_bytes(data)

    runtime = {
        "version": version,
        "indexURL": f"../pyodide/{version}/",
        "stdLibURL": f"../pyodide/{version}/{stdlib.name}",
        "lockFileURL": f"../beslutningstre/{engine_dir.name}/pyodide-lock.json",
        "dataURL": f"../beslutningstre/{data_dir.name}/trees.json",
        "packages": [package],
        # What the worker fetches, as the browser counts it (decoded), for its progress bar.
        "downloadBytes": sum(path.stat().st_size for path in (
            pyodide_dir / "pyodide.asm.wasm", pyodide_dir / stdlib.name, engine_dir / wheel.name,
            engine_dir / "pyodide-lock.json", data_dir / "trees.json")),
    }
    _write_runtime_module(site_dir / "assets" / "javascripts" / "beslutningstre-runtime.js", runtime)
    return runtime


def _bundle() -> bytes:
    """The trees as the browser's engine loads them, compact and stable (its hash names its folder)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from decision_tree import bundle, registry

    document = bundle.dump(registry.trees(), registry.common())
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def _pyodide_version() -> str:
    package = PYODIDE_NPM / "package.json"
    if not package.exists():
        raise PluginError("node_modules/pyodide mangler: kjør 'make setup' (npm ci) først.")
    return json.loads(package.read_text(encoding="utf-8"))["version"]


def _strip_source_map_comment(path: Path) -> None:
    # The .map is not shipped; without the comment, DevTools does not ask for it.
    text = path.read_text(encoding="utf-8")
    lines = text.rstrip("\n").split("\n")
    if lines and lines[-1].startswith("//# sourceMappingURL="):
        path.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _compiled_stdlib(version: str, wheel: Path, data: bytes) -> Path:
    """The stdlib the browser needs, traced and proven by driving the engine in Pyodide under Node
    (tools/compile-stdlib.mjs); cached on everything that shapes it."""
    legacy = ENGINE / "legacy-v1.json"
    inputs = [_sha256(PYODIDE_NPM / "python_stdlib.zip"), _sha256(wheel), hashlib.sha256(data).hexdigest(),
              _sha256(legacy)]
    name = "python_stdlib-{key}.zip"
    with tempfile.TemporaryDirectory() as scratch:
        trees = Path(scratch) / "trees.json"
        trees.write_bytes(data)
        options = {"wheel": str(wheel), "bundle": str(trees), "legacy": str(legacy)}
        return _node_step(COMPILE_STDLIB, inputs, CACHE / "pyodide" / version, name, [json.dumps(options)],
                          "Standardbiblioteket for Pyodide kunne ikke lages")


def _compiled_wheel(wheel: Path) -> Path:
    """The wheel with bytecode for Pyodide's Python instead of source (tools/compile-wheel.mjs),
    cached on the source wheel."""
    return _node_step(COMPILE_WHEEL, [_sha256(wheel)], CACHE / "engine" / "compiled", f"{{key}}/{wheel.name}",
                      [str(wheel)], "Motoren kunne ikke kompileres for Pyodide")


def _node_step(script: Path, inputs: list[str], folder: Path, name: str, args: list[str], failure: str) -> Path:
    """Run a build step in Pyodide under Node, `node <script> <pyodide-dir> [args] <out>`, once per
    key: the key covers the inputs, Pyodide's version and the tools (a tool may import its siblings).
    `name` is the output's path in `folder`, with {key} in it."""
    node = shutil.which("node")
    if not node:
        raise PluginError("Node.js mangler: den trengs for å lage motoren og standardbiblioteket for Pyodide.")
    tools = [_sha256(path) for path in sorted((ROOT / "tools").glob("*.mjs"))]
    key = hashlib.sha256(json.dumps([_pyodide_version(), *tools, *inputs]).encode()).hexdigest()[:16]
    target = folder / name.format(key=key)
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.{os.getpid()}.tmp")  # builds may run side by side
    result = subprocess.run([node, str(script), str(PYODIDE_NPM), *args, str(partial)],
                            capture_output=True, text=True, cwd=ROOT)
    if result.returncode != 0 or not partial.exists():
        partial.unlink(missing_ok=True)
        raise PluginError(f"{failure}:\n{result.stderr[-4000:]}")
    partial.replace(target)
    return target


def _engine_wheel_and_lock() -> tuple[Path, Path]:
    """Build the engine wheel (fast), compile it for Pyodide and make its lock file (both cached)."""
    from flit_core import buildapi  # pinned build dependency, see requirements.txt

    out = CACHE / "engine"
    out.mkdir(parents=True, exist_ok=True)
    # Builds may run side by side (mkdocs serve, tests): each works in its own folder and only
    # moves finished files into place.
    with tempfile.TemporaryDirectory(dir=out) as scratch:
        scratch = Path(scratch)
        with _env(SOURCE_DATE_EPOCH=_SOURCE_DATE_EPOCH), contextlib.chdir(ROOT), \
                contextlib.redirect_stdout(sys.stderr):
            wheel = scratch / buildapi.build_wheel(str(scratch))
        if not wheel.name.endswith("-py3-none-any.whl"):
            raise PluginError(f"Motoren ble bygget som {wheel.name}, ikke som et rent py3-none-any-hjul.")
        shutil.copyfile(_compiled_wheel(wheel), wheel)

        keep = out / _sha256(wheel)[:16]
        lock = keep / "pyodide-lock.json"
        if not lock.exists():
            # Start from the runtime's own `info` block (its abi_version must match) and no
            # packages: the page needs our one wheel, not Pyodide's 357 entries.
            upstream = json.loads((PYODIDE_NPM / "pyodide-lock.json").read_text(encoding="utf-8"))
            base = scratch / "base-lock.json"
            base.write_text(json.dumps({"info": upstream["info"], "packages": {}}), encoding="utf-8")
            pyodide_cli = Path(sysconfig.get_path("scripts")) / "pyodide"
            result = subprocess.run(
                [str(pyodide_cli), "lockfile", "add-wheels", "--input", str(base),
                 "--output", str(scratch / "pyodide-lock.json"), "--base-path", str(scratch), str(wheel)],
                capture_output=True, text=True, cwd=scratch,
            )
            if result.returncode != 0:
                raise PluginError(f"'pyodide lockfile add-wheels' feilet:\n{result.stderr[-4000:]}")
            keep.mkdir(parents=True, exist_ok=True)
            wheel.replace(keep / wheel.name)
            (scratch / "pyodide-lock.json").replace(lock)
    return keep / wheel.name, lock


@contextlib.contextmanager
def _env(**values: str):
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _write_runtime_module(path: Path, runtime: dict) -> None:
    paths = {k: v for k, v in runtime.items() if k.endswith("URL")}
    lines = [
        "// Generated by hooks/pyodide_assets.py at build time: where the worker finds Pyodide and the engine.",
        "// Paths are relative to this file, so the site works under any sub-path.",
        "const here = import.meta.url;",
        "export const runtime = {",
        f"  version: {json.dumps(runtime['version'])},",
        *(f"  {k}: new URL({json.dumps(v)}, here).href," for k, v in paths.items()),
        f"  packages: {json.dumps(runtime['packages'])},",
        f"  downloadBytes: {runtime['downloadBytes']},",
        "};",
        "",
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
