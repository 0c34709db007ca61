"""MkDocs hook: links written `(extra:name)` in Markdown get the value of `extra.name` in mkdocs.yml,
so the form's address and how to reach POU are set in one place (tooling/links.py). A name with no
value stops the build and says where."""

from __future__ import annotations

from tooling import build


def on_page_markdown(markdown: str, page, config, files) -> str:
    return build.fill_extra_links(markdown, config, page.file.src_uri)
