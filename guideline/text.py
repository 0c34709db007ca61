"""Small text helpers shared by the guideline modules: one meaning of "the same words".

- `normalise(text)`: every run of whitespace (and no-break space) becomes one space, so source
  text, quotes and page text compare equal.
- `words(text)`: lower-case word tokens, punctuation dropped; what similarity is measured on.
- `sentences(text)`: a paragraph split into sentences.
- `slug(text)`: an ASCII anchor id for a heading oppsett.toml does not know.
- `version_key(version)`: "0.01" -> (0, 1), for sorting versions.
- `ID`: what an id may look like (anchors, tree and option ids): a–z, digits, single hyphens.
- `parse_date(text)`: "01.03.2027" -> date(2027, 3, 1); None unless exactly dd.mm.yyyy and a real day.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

__all__ = ["ID", "normalise", "parse_date", "sentences", "slug", "version_key", "words"]

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
# A sentence ends at . ! or ? followed by a space and a capital (or an opening «). A lower-case
# start does not split: "lages. jf. Forskrift …" keeps "jf." with what it refers to.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ«])")
# Abbreviations that end in a period but not a sentence, even before a capital.
_ABBREVIATIONS = ("jf.", "f.eks.", "bl.a.", "ca.", "nr.", "dvs.", "evt.", "mv.", "pkt.", "ref.")
_NORWEGIAN = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "ae", "Ø": "o", "Å": "a"})
_VERSION = re.compile(r"^\d+(?:\.\d+)*$")
_DATE = re.compile(r"^(\d{2})\.(\d{2})\.(\d{4})$")  # the header's «Gjelder fra: 19.02.2026»


def normalise(text: str) -> str:
    return _SPACE.sub(" ", text.replace("\u00a0", " ")).strip()


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def sentences(text: str) -> list[str]:
    out: list[str] = []
    for piece in _SENTENCE_END.split(normalise(text)):
        if out and out[-1].lower().endswith(_ABBREVIATIONS):
            out[-1] = f"{out[-1]} {piece}"
        elif piece:
            out.append(piece)
    return out


def slug(text: str) -> str:
    """ "Hva er sporadisk hjemmearbeid:" -> "hva-er-sporadisk-hjemmearbeid" (æ->ae, ø->o, å->a)."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_NORWEGIAN)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "avsnitt"


def is_version(version: str) -> bool:
    return bool(_VERSION.match(version))


def version_key(version: str) -> tuple[int, ...]:
    """Versions sort by their numbers: 0.01 < 0.02 < 0.10 < 1.0."""
    return tuple(int(part) for part in version.split("."))


def parse_date(text: str) -> date | None:
    """A header date, strictly dd.mm.yyyy ("1.3.2027" or "31.02.2027" is None: the page must never guess)."""
    match = _DATE.match(text)
    if not match:
        return None
    day, month, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None
