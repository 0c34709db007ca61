"""MkDocs hook: after the build, Material's files in site/ ask no third party for anything.

Material loads Mermaid and a ResizeObserver polyfill from unpkg.com when they are missing. We serve
Mermaid ourselves and every supported browser has ResizeObserver, so the fallback can only ever leak
a request to a third party: point it at an empty script. The source maps are not shipped either, so
their comments go, and DevTools does not ask for them.
"""

from __future__ import annotations

import re
from pathlib import Path

_UNPKG_FALLBACK = re.compile(r'"https://unpkg\.com/[^"]*"')
_SOURCE_MAP = re.compile(r"\n(//|/\*)# sourceMappingURL=[^\n]*\s*$")


def on_post_build(config) -> None:
    theme = Path(config.site_dir) / "assets"
    for source_map in theme.glob("**/*.map"):
        source_map.unlink()
    for asset in [*theme.glob("javascripts/**/*.min.js"), *theme.glob("stylesheets/*.min.css")]:
        text = asset.read_text(encoding="utf-8")
        patched = _SOURCE_MAP.sub("\n", _UNPKG_FALLBACK.sub('"data:text/javascript,"', text))
        if patched != text:
            asset.write_text(patched, encoding="utf-8")
