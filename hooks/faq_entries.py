"""MkDocs hook: an FAQ entry's metadata lines (tooling/faq.py) become what the reader sees.

`<!-- certainty: graasone -->` under a question becomes the label "Hvor sikkert: Gråsone – avklar med
lederen din" (overrides/partials/certainty.html, with the labels of content/common.toml, as the trees
show them); `<!-- topics: … -->` is for the review check and is dropped. An unknown certainty stops
the build with file:line.
"""

from __future__ import annotations

from tooling import build, faq

TEMPLATE = "partials/certainty.html"


def on_page_markdown(markdown: str, page, config, files) -> str:
    if "<!--" not in markdown:
        return markdown
    certainties = build.content(config).catalog.common.certainties
    template = build.environment(config, page.file.src_uri).get_template(TEMPLATE)
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        match = faq.METADATA.match(line.strip())
        if not match or match["key"] not in faq.KEYS:
            continue
        if match["key"] == "topics":
            lines[index] = ""
            continue
        certainty = certainties.get(match["value"])
        if certainty is None:
            raise build.fail(f"docs/{page.file.src_uri}:{index + 1}: «{match['value']}» er ikke et sikkerhetsnivå; "
                             f"bruk en av: {', '.join(certainties)}")
        lines[index] = "\n" + template.render(certainty=certainty).strip() + "\n"  # its own HTML block
    return "\n".join(lines)
