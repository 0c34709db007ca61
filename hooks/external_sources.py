"""MkDocs hook: links to external sources (laws, regulations), written `[text](ekstern:id)` in Markdown.

Their addresses live in one file, kilde/eksterne-kilder.toml (read once per build with the rest of
the content, tooling/build.py), so no page carries a third party's address of its own, and every
such link is rendered by one partial, overrides/partials/external-source.html, which labels it
"Ekstern kilde, ikke en del av retningslinjen" and names the publisher. An unknown id stops the
build with file:line.
"""

from __future__ import annotations

from guideline import external
from tooling import build


def on_page_markdown(markdown: str, page, config, files) -> str:
    if "](ekstern:" not in markdown:
        return markdown
    sources = build.content(config).sources
    render = build.environment(config, page.file.src_uri).filters["external_source"]
    where = page.file.src_uri

    def link(match) -> str:
        source = sources.get(match.group(2))
        if source is None:
            line = markdown.count("\n", 0, match.start()) + 1
            raise build.fail(f"docs/{where}:{line}: ukjent ekstern kilde «{match.group(2)}»; "
                             f"kildene står i kilde/{external.FILE_NAME}")
        return str(render(source, match.group(1)))

    return external.LINK.sub(link, markdown)
