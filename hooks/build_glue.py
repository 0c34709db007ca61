"""MkDocs build glue: the one place where the site build meets project settings.

- Links written as `(extra:name)` in Markdown get the value of `extra.name` from
  mkdocs.yml, so the form URL and the POU contact are set in one place.
- After the build, `site/` is made self-contained: Material's source maps go, and its
  fallbacks that would load scripts from unpkg.com are disabled (see _offline_theme).
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

import pyodide_assets  # the interactive trees' runtime (Pyodide + engine wheel)

_EXTRA_LINK = re.compile(r"\]\(extra:([a-z_]+)\)")


def on_page_markdown(markdown: str, page, config, files) -> str:
    extra = config.extra

    def fill(match: re.Match) -> str:
        name = match.group(1)
        value = extra.get(name)
        if not value:
            raise PluginError(
                f"{page.file.src_uri}: lenken (extra:{name}) mangler verdi; sett extra.{name} i mkdocs.yml"
            )
        return f"]({value})"

    return _EXTRA_LINK.sub(fill, markdown)


# Material loads Mermaid and a ResizeObserver polyfill from unpkg.com when they are missing.
# We serve Mermaid ourselves and every supported browser has ResizeObserver, so the
# fallback can only ever leak a request to a third party: point it at an empty script.
_UNPKG_FALLBACK = re.compile(r'"https://unpkg\.com/[^"]*"')


def _offline_theme(site_dir: Path) -> None:
    theme = site_dir / "assets"
    for source_map in theme.glob("**/*.map"):
        source_map.unlink()
    for asset in [*theme.glob("javascripts/**/*.min.js"), *theme.glob("stylesheets/*.min.css")]:
        text = asset.read_text(encoding="utf-8")
        patched = _UNPKG_FALLBACK.sub('"data:text/javascript,"', text)
        # The source maps are gone; don't let DevTools ask for them.
        patched = re.sub(r"\n(//|/\*)# sourceMappingURL=[^\n]*\s*$", "\n", patched)
        if patched != text:
            asset.write_text(patched, encoding="utf-8")


def on_post_build(config) -> None:
    _offline_theme(Path(config.site_dir))
    pyodide_assets.build(Path(config.site_dir))
