"""The search query set (tests/search/queries.toml): loaded, split, and what it must cover.

Every FAQ entry, every guideline section with words of its own (in the version in force and in the
newest) and every decision tree must be the answer to some query, or no one measures whether
employees can find it. `beslutningstre check` lists what is missing, so that a new section in a
guideline version, or a new FAQ entry, asks HR for queries before `make test` does.

- The split into a tuning half and a held-out half is by a hash of the query's text, so adding or
  reordering queries never moves another query from one half to the other.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import tomllib
from pathlib import Path

from guideline.model import Document
from guideline.problems import Problem, display_path

from . import faq
from .registry import Content

HALVES = ("tuning", "heldout")
MIN_WORDS = 5  # a section with fewer words of its own (a heading over sub-points) is no answer alone
_WORD = re.compile(r"\w{3,}")


@dataclasses.dataclass(frozen=True)
class Query:
    text: str
    targets: tuple[str, ...]

    @property
    def half(self) -> str:
        return HALVES[hashlib.sha256(self.text.encode("utf-8")).digest()[0] & 1]


def load(path: Path) -> list[Query]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [Query(text, tuple(group["targets"])) for group in data["group"] for text in group["queries"]]


def sections(document: Document) -> dict[str, str]:
    """The guideline's sections a search can answer with: each heading below the title (h2, h3 on the
    page) whose text up to the next heading has MIN_WORDS words; anchor -> its opening words."""
    out = {}
    blocks = document.blocks
    for i, block in enumerate(blocks):
        if block.kind != "heading" or block.level not in (2, 3) or not block.anchor:
            continue
        body = []
        for following in blocks[i + 1:]:
            if following.kind == "heading":
                break
            body.append(following.text)
        text = " ".join(body)
        if len(_WORD.findall(text)) >= MIN_WORDS:
            out[block.anchor] = " ".join(f"{block.text} {text}".split()[:12])
    return out


def required(content: Content) -> dict[str, str]:
    """Every target the query set must cover -> what it is, in HR's words."""
    out = {f"faq/#{e.id}": e.title for e in faq.entries(content.project.docs / "faq.md")}
    for version in (content.timeline.shown, content.newest):
        out.update({f"retningslinje/#{anchor}": words for anchor, words in sections(version.document).items()})
    out.update({f"beslutningstre/{slug}/": tree.title for slug, tree in content.trees.items()})
    return out


def problems(content: Content) -> list[Problem]:
    """One line per target no query leads to, at the end of the query file (where a group goes)."""
    path = content.project.queries
    if not path.is_file():
        return []
    covered = {target for query in load(path) for target in query.targets}
    end = len(path.read_text(encoding="utf-8").splitlines())
    return [Problem(display_path(path), end, f"ingen søk fører til «{target}» («{words}»): legg til en [[group]] med "
                    f'targets = ["{target}"] og søk i ordene folk bruker (se toppen av fila)')
            for target, words in required(content).items() if target not in covered]
