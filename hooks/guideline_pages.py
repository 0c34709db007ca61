"""MkDocs hook: the guideline's pages, generated from its source text in kilde/ (one file per version).

- `retningslinje/`: the newest version, with a note in place of every published anchor an
  earlier version had and this one has not ("Punktet ble fjernet i versjon X"), so no link
  ever leads to the top of the page.
- `retningslinje/versjon/<v>/`: every version, at an address that stays; older ones say so.
- `endringer/`: one entry per version, word by word, from the source files (HR writes no diff).
- The guideline's status (version, valid from, approval) where a page asks for it with
  `<!-- retningslinje:status -->`: read from the newest version's header, never written by hand.
- The check HR runs when a new version comes (guideline/checks.py): every tree and page quote
  that no longer stands word for word under its anchor is a warning with file:line, which
  fails `mkdocs build --strict`.

Data and events only: the pages are the templates in overrides/partials/retningslinje/.
"""

from __future__ import annotations

import logging
import posixpath
from dataclasses import dataclass

from mkdocs.structure.files import File

from guideline import versions
from tooling import build, checks, registry

log = logging.getLogger("mkdocs.plugins.retningslinje")

PAGE = f"{registry.PAGE}.md"
LAYOUT = "kilde/oppsett.toml"  # where a link of the guideline's text is set, for messages
TEMPLATES = "partials/retningslinje"
CHANGES = "endringer.md"
STATUS_MARKER = "<!-- retningslinje:status -->"

def version_uri(number: str) -> str:
    return f"{registry.PAGE}/versjon/{number}.md"


def version_id(number: str) -> str:
    return "versjon-" + number.replace(".", "-")


@dataclass(frozen=True)
class Removed:
    """A published anchor this version no longer has: a note stands in its place."""

    anchor: str
    place: str  # where it was, as a reader names it ("Punkt 10", "Forsikring og hjemmekontor")
    whole: bool  # the whole point or section went, not a paragraph inside it
    last: str  # the last version that had it
    removed_in: str


def _same_place(earlier, block) -> bool:
    """The same block in another version: by its anchor, or an unanchored one by its kind and words."""
    if earlier.anchor:
        return block.anchor == earlier.anchor
    return block.text == earlier.text and block.kind == earlier.kind


def _parts(all_versions, document, removals: dict) -> list[tuple[str, object]]:
    """The page in reading order: ("heading"|"paragraph"|"removed", block) and ("list", [items])."""
    notes: dict[int, list[Removed]] = {}
    for anchor, gone in removals.items():
        old = next(v.document for v in all_versions if v.number == gone.last)
        # After the block that stood before it in the last version that had it, where that block still is.
        where = len(document.blocks) - 1
        for earlier in reversed(old.blocks[: next(i for i, b in enumerate(old.blocks) if b.anchor == anchor)]):
            found = next((i for i, b in enumerate(document.blocks) if _same_place(earlier, b)), None)
            if found is not None:
                where = found
                break
        block = old.block(anchor)
        whole = block.kind == "heading" or old.place(anchor) != old.place(block.parent)
        notes.setdefault(where, []).append(Removed(anchor, old.place(anchor), whole, gone.last, gone.removed_in))
    parts: list[tuple[str, object]] = []
    for index, block in enumerate(document.blocks):
        if block.kind == "item":
            if parts and parts[-1][0] == "list" and parts[-1][1][-1].list == block.list:
                parts[-1][1].append(block)
            else:
                parts.append(("list", [block]))
        else:
            parts.append((block.kind, block))
        parts.extend(("removed", note) for note in notes.get(index, []))
    return parts


def _render(config, files, uri: str, template: str, **context) -> None:
    file = File.generated(config, uri, content="")
    env = build.environment(config, LAYOUT)
    all_versions = build.content(config).versions
    file.content_string = env.get_template(f"{TEMPLATES}/{template}").render(
        newest=all_versions[-1], versions=all_versions, version_id=version_id, version_uri=version_uri, page=PAGE,
        changes_page=CHANGES, **context)
    files.append(file)


def on_config(config):
    build.content(config)  # kilde/ and the trees, read and checked once for the whole build
    return config


def on_files(files, config):
    if files.get_file_from_path(PAGE) is not None:
        raise build.fail(f"docs/{PAGE} skal ikke finnes: siden lages fra kilde/ (se README.md)")
    all_versions = list(build.content(config).versions)
    removals = versions.removed(all_versions)
    newest = all_versions[-1]
    _render(config, files, PAGE, "page.md", version=newest, parts=_parts(all_versions, newest.document, removals),
            current=True)
    for version in all_versions:
        _render(config, files, version_uri(version.number), "page.md", version=version,
                parts=_parts(all_versions, version.document, {}), current=False)
    entries = []
    for older, version in zip([None, *all_versions], all_versions):
        changes = versions.changes(older.document, version.document) if older else []
        entries.append((version, older, changes))
    _render(config, files, CHANGES, "changes.md", entries=list(reversed(entries)))
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    """The guideline's status from its newest version, where a page asks for it."""
    if STATUS_MARKER not in markdown:
        return markdown
    # Markdown links are relative to the page's own file; MkDocs checks them.
    here = posixpath.dirname(page.file.src_uri) or "."
    newest = build.content(config).newest
    status = build.environment(config, LAYOUT).get_template(f"{TEMPLATES}/status.md").render(
        version=newest, meta=newest.document.meta,
        page=posixpath.relpath(PAGE, here), changes_page=posixpath.relpath(CHANGES, here))
    return markdown.replace(STATUS_MARKER, status)


def on_post_build(config) -> None:
    """What HR must update: each quote that no longer holds, and the parser's warnings (fail --strict)."""
    for problem in checks.problems(build.content(config)):
        log.warning(str(problem))
