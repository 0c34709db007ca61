"""MkDocs hook: the interactive decision trees' runtime, Pyodide and the engine, served from site/.

After the build it writes

- `assets/pyodide/<version>/`: only the Pyodide files that run (pyodide.mjs, pyodide.asm.mjs,
  pyodide.asm.wasm) plus a standard-library zip of exactly the modules the browser needs, traced
  by driving the engine in Pyodide and compiled to bytecode there (tools/compile-stdlib.mjs). The
  console pages and CDN defaults in the npm package are never copied. The path carries the
  version, so a server may cache it forever.
- `assets/beslutningstre/<hash>/`: the engine (the `decision_tree` package only, tooling/wheel.py)
  as a plain py3-none-any wheel, its modules compiled
  to bytecode in Pyodide (tools/compile-wheel.mjs), and a lock file made by `pyodide lockfile
  add-wheels`, so Pyodide fetches the wheel while it boots and checks its sha256. The folder is
  named after the wheel's hash, so it may be cached forever too.
- `assets/beslutningstre/<hash>/trees.json`: the checked trees, their shared data and the guideline
  version (decision_tree/bundle.py), which the engine loads instead of reading TOML.
- `assets/javascripts/tree-runtime.js`: where the worker finds all of the above.

Expensive steps are cached under .cache/, keyed on what goes into them. A build that only checks
(HJEMMEKONTOR_ASSETS=0, tooling/build.py) skips all of this.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sysconfig
import tempfile
from pathlib import Path

import decision_tree
from decision_tree import bundle
from tooling import build
from tooling import wheel as runtime_wheel
from tooling.project import Project

# The files loadPyodide() fetches. Everything else in the npm package (console pages that load
# from a CDN, the classic-script build, type declarations) stays out of the site.
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
ENGINE = Path(decision_tree.__file__).parent  # the runtime package, wherever it is installed from


def on_post_build(config) -> None:
    if build.assets_wanted():
        write(Path(config.site_dir), Project.of_config(config), _bundle(config))


def write(site_dir: Path, paths: Project, data: bytes) -> dict:
    """Write the runtime into site_dir and return the runtime description the worker gets."""
    version = _pyodide_version(paths)
    pyodide_dir = site_dir / "assets" / "pyodide" / version
    pyodide_dir.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        shutil.copyfile(paths.pyodide_npm / name, pyodide_dir / name)
    _strip_source_map_comment(pyodide_dir / "pyodide.mjs")

    wheel, lock = _engine_wheel_and_lock(paths)
    stdlib = _compiled_stdlib(paths, version, wheel, data)
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
    _write_runtime_module(site_dir / "assets" / "javascripts" / "tree-runtime.js", runtime)
    return runtime


def _bundle(config) -> bytes:
    """The trees as the browser's engine loads them, compact and stable (its hash names its folder)."""
    document = bundle.dump(build.content(config).catalog)
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def _pyodide_version(paths: Project) -> str:
    package = paths.pyodide_npm / "package.json"
    if not package.exists():
        raise build.fail("node_modules/pyodide mangler: kjør 'make setup' (npm ci) først.")
    return json.loads(package.read_text(encoding="utf-8"))["version"]


def _strip_source_map_comment(path: Path) -> None:
    # The .map is not shipped; without the comment, DevTools does not ask for it.
    text = path.read_text(encoding="utf-8")
    lines = text.rstrip("\n").split("\n")
    if lines and lines[-1].startswith("//# sourceMappingURL="):
        path.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _compiled_stdlib(paths: Project, version: str, wheel: Path, data: bytes) -> Path:
    """The stdlib the browser needs, traced and proven by driving the engine in Pyodide under Node
    (tools/compile-stdlib.mjs); cached on everything that shapes it."""
    legacy = ENGINE / "legacy-v1.json"
    inputs = [_sha256(paths.pyodide_npm / "python_stdlib.zip"), _sha256(wheel), hashlib.sha256(data).hexdigest(),
              _sha256(legacy)]
    name = "python_stdlib-{key}.zip"
    with tempfile.TemporaryDirectory() as scratch:
        trees = Path(scratch) / "trees.json"
        trees.write_bytes(data)
        options = {"wheel": str(wheel), "bundle": str(trees), "legacy": str(legacy)}
        return _node_step(paths, "compile-stdlib.mjs", inputs, paths.cache / "pyodide" / version, name,
                          [json.dumps(options)], "Standardbiblioteket for Pyodide kunne ikke lages")


def _compiled_wheel(paths: Project, wheel: Path) -> Path:
    """The wheel with bytecode for Pyodide's Python instead of source (tools/compile-wheel.mjs),
    cached on the source wheel."""
    return _node_step(paths, "compile-wheel.mjs", [_sha256(wheel)], paths.cache / "engine" / "compiled",
                      f"{{key}}/{wheel.name}", [str(wheel)], "Motoren kunne ikke kompileres for Pyodide")


def _node_step(paths: Project, tool: str, inputs: list[str], folder: Path, name: str, args: list[str],
               failure: str) -> Path:
    """Run a build step in Pyodide under Node, `node <script> <pyodide-dir> [args] <out>`, once per
    key: the key covers the inputs, Pyodide's version and the tools (a tool may import its siblings).
    `name` is the output's path in `folder`, with {key} in it."""
    node = shutil.which("node")
    if not node:
        raise build.fail("Node.js mangler: den trengs for å lage motoren og standardbiblioteket for Pyodide.")
    tools = [_sha256(path) for path in sorted(paths.tools.glob("*.mjs"))]
    key = hashlib.sha256(json.dumps([_pyodide_version(paths), *tools, *inputs]).encode()).hexdigest()[:16]
    target = folder / name.format(key=key)
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.{os.getpid()}.tmp")  # builds may run side by side
    result = subprocess.run([node, str(paths.tools / tool), str(paths.pyodide_npm), *args, str(partial)],
                            capture_output=True, text=True, cwd=paths.root)
    if result.returncode != 0 or not partial.exists():
        partial.unlink(missing_ok=True)
        raise build.fail(f"{failure}:\n{result.stderr[-4000:]}")
    partial.replace(target)
    return target


def _engine_wheel_and_lock(paths: Project) -> tuple[Path, Path]:
    """Build the engine wheel (fast), compile it for Pyodide and make its lock file (both cached)."""
    out = paths.cache / "engine"
    out.mkdir(parents=True, exist_ok=True)
    # Builds may run side by side (mkdocs serve, tests): each works in its own folder and only
    # moves finished files into place.
    with tempfile.TemporaryDirectory(dir=out) as work:
        scratch = Path(work)
        wheel = runtime_wheel.build(ENGINE, scratch)
        shutil.copyfile(_compiled_wheel(paths, wheel), wheel)

        keep = out / _sha256(wheel)[:16]
        lock = keep / "pyodide-lock.json"
        if not lock.exists():
            # Start from the runtime's own `info` block (its abi_version must match) and no
            # packages: the page needs our one wheel, not Pyodide's 357 entries.
            upstream = json.loads((paths.pyodide_npm / "pyodide-lock.json").read_text(encoding="utf-8"))
            base = scratch / "base-lock.json"
            base.write_text(json.dumps({"info": upstream["info"], "packages": {}}), encoding="utf-8")
            pyodide_cli = Path(sysconfig.get_path("scripts")) / "pyodide"
            result = subprocess.run(
                [str(pyodide_cli), "lockfile", "add-wheels", "--input", str(base),
                 "--output", str(scratch / "pyodide-lock.json"), "--base-path", str(scratch), str(wheel)],
                capture_output=True, text=True, cwd=scratch,
            )
            if result.returncode != 0:
                raise build.fail(f"'pyodide lockfile add-wheels' feilet:\n{result.stderr[-4000:]}")
            keep.mkdir(parents=True, exist_ok=True)
            wheel.replace(keep / wheel.name)
            (scratch / "pyodide-lock.json").replace(lock)
    return keep / wheel.name, lock


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
