"""The guideline's source text (the kilde/retningslinje-<version>.txt in force), reduced to what the
site must carry word for word.

The source is a text export of a three-page document. Page furniture (the repeated page
headers and the "Sidenr"/"Side : N av 3" lines) is not content; everything else is.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.content import KILDE


def newest(folder: Path = KILDE) -> Path:
    """The file retningslinje/ shows: the version in force (the newest, unless that one is dated ahead)."""
    from guideline import versions

    return versions.timeline(versions.load(folder)).shown.path


SOURCE = newest()

_FURNITURE = (
    re.compile(r"^\s*Sidenr:\s*\d+\s+av\s+\d+\s*$"),
    re.compile(r"^\s*Side\s*:\s*\d+\s+av\s+\d+\s*$"),
    # The header repeated at the top of pages 2 and 3 (the first page's header is the metadata).
    re.compile(r"^Retningslinje for bruk av hjemmekontor\tVersjon\.: [\d.]+\tDok\.id\.: [\d.]+\s*$"),
)
_LEADING_MARKER = re.compile(r"^(?:-\s+|\d+\.\s+)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def is_furniture(line: str) -> bool:
    return any(p.match(line) for p in _FURNITURE)


def paragraphs(source: Path = SOURCE) -> list[str]:
    """Content paragraphs in order, markers normalised, with sentences split by a page break rejoined."""
    return _paragraphs(source.read_text(encoding="utf-8").splitlines())


def header(source: Path = SOURCE) -> list[str]:
    """The first page's header box (title and metadata cells): the paragraphs before its page number."""
    lines = source.read_text(encoding="utf-8").splitlines()
    end = next(n for n, line in enumerate(lines) if is_furniture(line))
    return _paragraphs(lines[:end])


def furniture(source: Path = SOURCE) -> list[str]:
    """The texts of the page furniture (page numbers, the running header), cell by cell."""
    return [cell.strip() for line in source.read_text(encoding="utf-8").splitlines() if is_furniture(line)
            for cell in line.split("\t") if cell.strip()]


def _paragraphs(lines: list[str]) -> list[str]:
    out: list[str] = []
    page_break = False
    for raw in lines:
        if not raw.strip():
            continue
        if is_furniture(raw):
            page_break = True
            continue
        # Tab-separated cells are separate texts (the metadata block of the first page).
        for cell in filter(None, (c.strip() for c in raw.split("\t"))):
            text = _LINK.sub(r"\1", cell).replace("**", "")
            text = normalise(_LEADING_MARKER.sub("", text))
            # A sentence cut by a page break resumes in lower case on the next page: one sentence.
            if page_break and out and text[:1].islower() and not re.search(r"[.:;!?]$", out[-1]):
                out[-1] = f"{out[-1]} {text}"
            else:
                out.append(text)
            page_break = False
    return out


def sentences(paragraph: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ«])", paragraph) if s]
