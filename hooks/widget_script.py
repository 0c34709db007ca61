"""MkDocs hook: the decision trees' modules, bundled into the one classic script the head loads.

The sources are small ES modules in overrides/assets/javascripts/site/, one job each. The
page loads one classic script from its head (overrides/main.html), synchronously, so a tree's first
question shows while the body is still parsed (measured: a module script in the head often ran only
after Material's bundle). esbuild bundles them from main.js (tooling/jsbundle.py); the module files
are not published.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File

from tooling import build, jsbundle
from tooling.project import Project

SOURCES = "assets/javascripts/site/"
ENTRY = "main.js"
TARGET = "assets/javascripts/site.js"
BANNER = "// Built from assets/javascripts/site/*.js by hooks/widget_script.py (esbuild). Do not edit."


def on_files(files, config):
    modules = [f for f in files if f.src_uri.startswith(SOURCES) and f.src_uri.endswith(".js")]
    entry = next((f for f in modules if f.src_uri == SOURCES + ENTRY), None)
    if entry is None:
        raise build.fail(f"Fant ikke {SOURCES}{ENTRY} i overrides/")
    for f in modules:
        files.remove(f)
    try:
        script = jsbundle.bundle(Path(entry.abs_src_path), Project.of_config(config).root, BANNER)
    except jsbundle.BundleError as exc:
        raise build.fail(f"{SOURCES}: {exc}") from None
    files.append(File.generated(config, TARGET, content=script))
    return files
