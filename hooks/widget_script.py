"""MkDocs hook: the decision trees' modules, joined into the one classic script the head loads.

The sources are small ES modules in overrides/assets/javascripts/beslutningstre/, one job each,
with `import {…} from "./x.js"` between them. The page loads one classic script from its head
(overrides/main.html), synchronously, so a tree's first question shows while the body is still
parsed (measured: a module script in the head often ran only after Material's bundle). So the
build joins them: in dependency order from main.js, without their import lines and `export`
keywords, inside one function scope. No bundler beyond that. The module files are not published.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

SOURCES = "assets/javascripts/beslutningstre/"
ENTRY = "main.js"
TARGET = "assets/javascripts/beslutningstre.js"
_IMPORT = re.compile(r'^import\s*\{[^}]*\}\s*from\s*"\./([\w-]+\.js)";\s*$', re.M)
_EXPORT = re.compile(r"^export\s+(?=(?:async\s+)?(?:function|class|const|let)\b)", re.M)


def join(sources: dict[str, str]) -> str:
    """The modules as one classic script: each after the modules it imports, once."""
    ordered: list[str] = []

    def visit(name: str, trail: tuple[str, ...]) -> None:
        if name in ordered:
            return
        if name in trail:
            raise PluginError(f"{SOURCES}: modulene importerer hverandre i ring: {' → '.join(trail + (name,))}")
        if name not in sources:
            raise PluginError(f"{SOURCES}{trail[-1]}: importerer {name}, som ikke finnes")
        for dependency in _IMPORT.findall(sources[name]):
            visit(dependency, trail + (name,))
        ordered.append(name)

    visit(ENTRY, ())
    parts = []
    for name in ordered:
        body = _EXPORT.sub("", _IMPORT.sub("", sources[name])).strip()
        if re.search(r"^\s*(import|export)\b", body, re.M):
            raise PluginError(f"{SOURCES}{name}: bare «import {{…}} from \"./x.js\"» og «export function/class/const» kan slås sammen")
        parts.append(f"// ---- {name}\n{body}\n")
    header = "// Built from assets/javascripts/beslutningstre/*.js by hooks/widget_script.py. Do not edit.\n"
    return header + '(() => {\n"use strict";\n\n' + "\n".join(parts) + "})();\n"


def on_files(files, config):
    modules = [f for f in files if f.src_uri.startswith(SOURCES) and f.src_uri.endswith(".js")]
    if not modules:
        raise PluginError(f"Fant ikke {SOURCES} i overrides/")
    sources = {Path(f.src_uri).name: Path(f.abs_src_path).read_text(encoding="utf-8") for f in modules}
    for f in modules:
        files.remove(f)
    files.append(File.generated(config, TARGET, content=join(sources)))
    return files
