"""MkDocs build glue: the one place where the site build meets project settings.

- Links written as `(extra:name)` in Markdown get the value of `extra.name` from
  mkdocs.yml, so the form URL and the POU contact are set in one place.
- The decision trees (decision_tree/) get their pages, JSON and checks from
  tree_pages.py: a broken tree or a quote that is not word for word in the
  guideline fails `mkdocs build --strict` with file:line messages.
- After the build, `site/` is made self-contained: Material's source maps go, and its
  fallbacks that would load scripts from unpkg.com are disabled (see _offline_theme).
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

import precompress  # .gz copies for the web server's gzip_static (deploy/)
import pyodide_assets  # the interactive trees' runtime (Pyodide + engine wheel)
import tree_pages  # the decision trees' pages, JSON and checks

_EXTRA_LINK = re.compile(r"\]\(extra:([a-z_]+)\)")


def fill_extra_links(markdown: str, extra: dict, where: str) -> str:
    """Replace `](extra:name)` with `](<extra.name>)`; `where` names the source in errors."""

    def fill(match: re.Match) -> str:
        name = match.group(1)
        value = extra.get(name)
        if not value:
            raise PluginError(f"{where}: lenken (extra:{name}) mangler verdi; sett extra.{name} i mkdocs.yml")
        return f"]({value})"

    return _EXTRA_LINK.sub(fill, markdown)


_trees = tree_pages.TreeBuild(fill_extra_links)


def on_config(config):
    _trees.on_config(config)
    return config


def on_files(files, config):
    return _trees.on_files(files, config)


def on_page_markdown(markdown: str, page, config, files) -> str:
    markdown = _trees.on_page_markdown(markdown, page)
    return fill_extra_links(markdown, config.extra, page.file.src_uri)


def on_post_page(output: str, page, config) -> str:
    _trees.on_post_page(output, page)
    return output


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
    _trees.on_post_build(config)
    pyodide_assets.build(Path(config.site_dir))
    precompress.build(Path(config.site_dir))  # last: it compresses what the steps above wrote
