"""MkDocs hook: the guideline's pages, generated from its source text in kilde/ (one file per version).

Which version is in force is decided once, by guideline.versions.timeline (the build date is
today in Europe/Oslo, or HJEMMEKONTOR_DATO); every page below follows it.

- `retningslinje/`: the version in force, with a note in place of every published anchor an
  earlier version had and this one has not ("Punktet ble fjernet i versjon X"), so no link
  ever leads to the top of the page; a version not yet in force is announced at the top.
- `retningslinje/versjon/<v>/`: every version, at an address that stays; each says whether it
  applies, applied ("gjaldt", from–to) or is still to come.
- `endringer/`: one entry per version, word by word and block by block, with the header fields
  that changed, from the source files (HR writes no diff).
- The guideline's status (version, valid from, approval) where a page asks for it with
  `<!-- retningslinje:status -->`: read from the header of the version in force, never written by hand.
- Pages whose answers rest on the newest version (the FAQ and every tree page): while that
  version is not yet in force, a notice at the top says so, and the FAQ's links into the
  guideline lead to the newest version's own page, the text its quotes are checked against (the
  trees' links get the same address from tooling/registry.py, `Guideline.page`).
- The check HR runs when a new version comes (tooling/checks.py): every tree and page quote
  that no longer stands word for word under its anchor, and every answer resting on changed
  text that HR has not reviewed, is a warning with file:line, which fails `mkdocs build --strict`.

Data and events only: the pages are the templates in overrides/partials/guideline/.
"""

from __future__ import annotations

import logging
import posixpath
import re
from dataclasses import dataclass

from mkdocs.structure.files import File

from guideline import versions
from tooling import build, checks

log = logging.getLogger("mkdocs.plugins.retningslinje")

PAGE = f"{versions.PAGE}.md"
LAYOUT = "kilde/oppsett.toml"  # where a link of the guideline's text is set, for messages
TEMPLATES = "partials/guideline"
CHANGES = "endringer.md"
STATUS_MARKER = "<!-- retningslinje:status -->"
# Pages whose answers rest on the newest version: the FAQ, and every page with `tree:` in its meta.
ANSWER_PAGES = ("faq.md",)
_H1 = re.compile(r"^# .*$", re.M)
_GUIDELINE_LINK = re.compile(r"\]\((?:\./)?" + re.escape(PAGE) + r"(#[^)\s]*)\)")


def version_uri(number: str) -> str:
    return f"{versions.PAGE}/versjon/{number}.md"


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
    file.content_string = env.get_template(f"{TEMPLATES}/{template}").render(**_context(config), **context)
    files.append(file)


def _context(config, here: str = ".") -> dict:
    """What every template here gets; links are relative to the folder `here` of the page's file."""
    content = build.content(config)
    timeline = content.timeline

    def link(uri: str) -> str:
        return posixpath.relpath(uri, here)

    return dict(newest=content.newest, versions=content.versions, timeline=timeline, version_id=version_id,
                version_uri=version_uri, page=PAGE, changes_page=CHANGES, link=link,
                page_of=lambda version: timeline.page(version) + ".md", header_changes=versions.header_changes)


def on_config(config):
    timeline = build.content(config).timeline  # kilde/ and the trees, read and checked once for the whole build
    log.info(f"Byggedato {timeline.today.isoformat()}: gjeldende versjon er "
             f"{timeline.current.number if timeline.current else '(ingen ennå)'}, nyeste er {timeline.newest.number}")
    return config


def on_files(files, config):
    if files.get_file_from_path(PAGE) is not None:
        raise build.fail(f"docs/{PAGE} skal ikke finnes: siden lages fra kilde/ (se README.md)")
    content = build.content(config)
    all_versions = list(content.versions)
    shown = content.timeline.shown
    # Removed anchors as of the version shown: a later version's removals are not yet in force.
    removals = versions.removed(all_versions[: all_versions.index(shown) + 1])
    _render(config, files, PAGE, "page.md", version=shown, parts=_parts(all_versions, shown.document, removals),
            current=True)
    for index, version in enumerate(all_versions):
        # Each version's page answers links to anchors gone by then too (the FAQ links to the newest's page).
        _render(config, files, version_uri(version.number), "page.md", version=version,
                parts=_parts(all_versions, version.document, versions.removed(all_versions[: index + 1])),
                current=False)
    entries = []
    for older, version in zip([None, *all_versions], all_versions):
        changes = versions.changes(older.document, version.document) if older else []
        entries.append((version, older, changes))
    _render(config, files, CHANGES, "changes.md", entries=list(reversed(entries)))
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    """The guideline's status where a page asks for it; the pending-version notice on answer pages."""
    # Markdown links are relative to the page's own file; MkDocs checks them.
    here = posixpath.dirname(page.file.src_uri) or "."
    env = build.environment(config, LAYOUT)
    timeline = build.content(config).timeline
    if STATUS_MARKER in markdown:
        shown = timeline.shown
        status = env.get_template(f"{TEMPLATES}/status.md").render(
            **_context(config, here), version=shown, meta=shown.document.meta)
        markdown = markdown.replace(STATUS_MARKER, status)
    answers = page.file.src_uri in ANSWER_PAGES or bool(page.meta.get("tree"))
    if answers and timeline.pending:
        notice = env.get_template(f"{TEMPLATES}/pending.md").render(**_context(config, here))
        heading = _H1.search(markdown)
        at = heading.end() if heading else 0
        markdown = f"{markdown[:at]}\n\n{notice}\n\n{markdown[at:]}"
        # The answers quote the newest version: their links lead to its text, not to the version in force.
        newest = posixpath.relpath(version_uri(timeline.newest.number), here)
        markdown = _GUIDELINE_LINK.sub(lambda m: f"]({newest}{m.group(1)})", markdown)
    return markdown


def on_post_build(config) -> None:
    """What HR must update: each quote that no longer holds, each answer not yet reviewed against the
    newest version, and the parser's warnings (fail --strict)."""
    for problem in checks.problems(build.content(config)):
        log.warning(str(problem))
