"""MkDocs hook: links written `(extra:name)` in Markdown get the value of `extra.name` in mkdocs.yml.

So the form's address and how to reach POU are set in one place. A name with no value stops the
build and says where. tree_pages.py fills tree texts with `fill` too.
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

_EXTRA_LINK = re.compile(r"\]\(extra:([a-z_]+)\)")


def value(name: str, extra: dict, where: str) -> str:
    """The address `extra.<name>` in mkdocs.yml; `where` names the source in the error if it is unset."""
    if not extra.get(name):
        raise PluginError(f"{where}: lenken (extra:{name}) mangler verdi; sett extra.{name} i mkdocs.yml")
    return extra[name]


def fill(markdown: str, extra: dict, where: str) -> str:
    """Replace `](extra:name)` with `](<extra.name>)`; `where` names the source in errors."""
    return _EXTRA_LINK.sub(lambda match: f"]({value(match.group(1), extra, where)})", markdown)


def on_page_markdown(markdown: str, page, config, files) -> str:
    return fill(markdown, config.extra, page.file.src_uri)
