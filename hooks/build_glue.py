"""MkDocs build glue: the one place where the site build meets project settings.

- Links written as `(extra:name)` in Markdown get the value of `extra.name` from
  mkdocs.yml, so the form URL and the POU contact are set in one place.
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

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
