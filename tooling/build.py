"""What the MkDocs hooks share: the project's content, read once per build, and the theme's Jinja
environment with every filter our templates use. Hooks import this module, never each other.

- `content(config) -> Content`: kilde/, the external sources and the trees, read and checked once
  per build (registry.read) and installed as the engine's catalog; a problem stops the build with
  file:line messages. `mkdocs serve` makes a new config for each rebuild, so edits are read again.
- `environment(config, where) -> jinja2.Environment`: the theme's environment (overrides/ first,
  then Material), autoescaping .html and .md templates, with the filters below. `where` names the
  file whose texts are rendered, for messages about `(extra:name)` links.
- `fail(message)`: a PluginError, which MkDocs prints without a traceback.
- `assets_wanted()`: False for a build that only checks (HJEMMEKONTOR_ASSETS=0): the slow asset
  steps (Pyodide, compression) are skipped, the pages and every check are not.
"""

from __future__ import annotations

import os

import jinja2
from markdown_it import MarkdownIt
from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError

from decision_tree import catalog

from . import links, registry
from .project import Project
from .receipt import markdown_to_text

EXTERNAL_SOURCE = "partials/external-source.html"
ASSETS = "HJEMMEKONTOR_ASSETS"
_markdown = MarkdownIt("js-default")  # no raw HTML from tree files
_cache: tuple[object, registry.Content] | None = None


def fail(message: str) -> PluginError:
    return PluginError(message)


def assets_wanted() -> bool:
    return os.environ.get(ASSETS, "1") != "0"


def content(config) -> registry.Content:
    global _cache
    if _cache is not None and _cache[0] is config:
        return _cache[1]
    found, problems = registry.read(Project.of_config(config))
    if problems or found is None:
        raise fail("Innholdet har feil som må rettes:\n" + "\n".join(str(p) for p in problems))
    catalog.use(found.catalog)
    _cache = (config, found)
    return found


def extra_target(link: str, config, where: str) -> str:
    """A link target, `extra:name` resolved from mkdocs.yml; a name without a value stops the build."""
    try:
        return links.target(link, dict(config.extra), where)
    except links.MissingSetting as exc:
        raise fail(str(exc)) from None


def fill_extra_links(markdown: str, config, where: str) -> str:
    try:
        return links.fill(markdown, dict(config.extra), where)
    except links.MissingSetting as exc:
        raise fail(str(exc)) from None


def environment(config, where: str = "") -> jinja2.Environment:
    env = config.theme.get_env()  # a new environment on every call: our settings stay ours
    env.autoescape = jinja2.select_autoescape(["html", "md"])
    extra = dict(config.extra)

    def fill(text: str) -> str:
        return fill_extra_links(text, config, where)

    def block_html(block) -> Markup:
        """A guideline block's words, with its links (kilde/oppsett.toml) as <a>."""
        return Markup("").join(
            Markup('<a href="{}">{}</a>').format(extra_target(target, config, where), words) if target
            else escape(words)
            for words, target in block.pieces())

    def heading_md(block) -> str:
        """A guideline heading's words as Markdown (links as [words](address)), Markdown's own
        characters escaped."""
        def md(text: str) -> str:
            return "".join("\\" + c if c in "\\`*_[]<>#" else c for c in text)
        return "".join(f"[{md(words)}]({extra_target(target, config, where)})" if target else md(words)
                       for words, target in block.pieces())

    def external_source(source, text: str = "") -> Markup:
        """An external source (kilde/eksterne-kilder.toml) through its one labelled partial."""
        return Markup(env.get_template(EXTERNAL_SOURCE).render(source=source, text=text))

    env.filters["md"] = lambda text: Markup(_markdown.render(fill(text)).strip()) if text else ""
    env.filters["md_inline"] = lambda text: Markup(_markdown.renderInline(fill(text))) if text else ""
    env.filters["plain"] = lambda text, width=72: markdown_to_text(text, extra, width)
    env.filters["block_html"] = block_html
    env.filters["heading_md"] = heading_md
    env.filters["external_source"] = external_source
    return env
