"""What HR does after `make sjekk` lists what a new guideline version touches, done mechanically.

For each line of the check's output:
- a sentence of a quote «er endret; nå står det: «new»»: the quote gets the new sentence;
- a sentence «er fjernet»: the quote loses it, and a quote left empty goes (a tree's citation
  table, or an FAQ entry's «…»; a blockquote left without a quote goes too);
- «Det står ordrett under «a»: rett ankeret»: the citation gets that anchor;
- «må gjennomgås: … (key) …»: the answer is written into content/review.toml for the new version;
- «ny overskrift «H» fikk ankeret «a»; legg den inn under [overskrifter]»: kilde/oppsett.toml gets it;
- «ingen søk fører til «target» («words»)»: the query set gets a group searching for those words.

A careful HR would also read each listed answer and correct its own words; a test cannot, so these
edits are the least HR does, and the content tests must pass after them. Any other kind of line is an
error here: the drill would then need a developer, which is what it must prove it does not.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

_LINE = re.compile(r"^(?P<file>[^\s:]+):(?P<line>\d+): (?P<message>.*)$")
_CHANGED = re.compile(r"Setningen «(?P<old>.+?)» er endret; nå står det: «(?P<new>.+?)»(?= Setningen «|$)")
_REMOVED = re.compile(r"Setningen «(?P<old>.+?)» er fjernet i versjon")
_ANCHOR = re.compile(r"Det står ordrett under «(?P<anchor>[a-z0-9-]+)»: rett ankeret")
_HEADING = re.compile(r"ny overskrift «(?P<heading>.+?)» fikk ankeret «(?P<anchor>[a-z0-9-]+)»; legg den inn under "
                      r"\[overskrifter\] i (?P<file>\S+)")
_QUERY = re.compile(r"^ingen søk fører til «(?P<target>[^»]+)» \(«(?P<words>.+?)»\): legg til")
_REVIEW = re.compile(r"^må gjennomgås: .*? \((?P<key>[a-z0-9/#-]+)\) .* lista for \"(?P<version>[\d.]+)\" i ")


def apply(project: Path, check_output: str) -> list[str]:
    """Edit `project` as HR would for every line of `check_output`; returns the lines it handled."""
    reviewed: dict[str, list[str]] = {}
    handled = []
    # Bottom-up within a file, so removing lines never moves a line still to edit.
    lines = [m for m in map(_LINE.match, check_output.splitlines()) if m]
    for match in sorted(lines, key=lambda m: (m["file"], -int(m["line"]))):
        path, number, message = project / match["file"], int(match["line"]), match["message"]
        review = _REVIEW.match(message)
        if review:
            reviewed.setdefault(review["version"], []).append(review["key"])
        elif _QUERY.match(message):
            query = _QUERY.match(message)
            _add_query(path, query["target"], query["words"])
        elif _HEADING.search(message):
            heading = _HEADING.search(message)
            _add_heading(project / heading["file"], heading["heading"], heading["anchor"])
        elif _ANCHOR.search(message):
            _set_anchor(path, number, _ANCHOR.search(message)["anchor"])
        elif _CHANGED.search(message) or _REMOVED.search(message):
            edits = [(m["old"], m["new"]) for m in _CHANGED.finditer(message)]
            edits += [(m["old"], "") for m in _REMOVED.finditer(message)]
            (_edit_tree_quote if path.suffix == ".toml" else _edit_page_quote)(path, number, edits)
        else:
            raise AssertionError(f"HR would not know what to do with: {match.group(0)}")
        handled.append(match.group(0))
    _write_ledger(project / "content" / "review.toml", reviewed)
    return handled


def _add_query(path: Path, target: str, words: str) -> None:
    """A group for the new section at the end of the query file, searching for its own opening words
    (HR would add the words employees use as well)."""
    query = words.lower().replace("\\", "").replace('"', "")
    with path.open("a", encoding="utf-8") as file:
        file.write(f'\n[[group]]\ntargets = ["{target}"]\nqueries = ["{query}"]\n')


def _add_heading(path: Path, heading: str, anchor: str) -> None:
    """The heading's line under [overskrifter], as the check suggests."""
    lines = path.read_text(encoding="utf-8").split("\n")
    at = lines.index("[overskrifter]") + 1
    lines.insert(at, f'"{heading}" = "{anchor}"')
    path.write_text("\n".join(lines), encoding="utf-8")


def _set_anchor(path: Path, number: int, anchor: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(i for i in range(number - 2, max(number - 5, -1), -1) if lines[i].startswith("anchor = "))
    lines[at] = f'anchor = "{anchor}"'
    path.write_text("\n".join(lines), encoding="utf-8")


def _edit_tree_quote(path: Path, number: int, edits: list[tuple[str, str]]) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    index = number - 1
    quote = tomllib.loads(lines[index])["quote"]
    for old, new in edits:
        quote = " ".join(quote.replace(old, new).split())
    if quote:
        lines[index] = 'quote = "' + quote.replace("\\", "\\\\").replace('"', '\\"') + '"'
    else:  # the [[outcome.citation]] header, its anchor and its quote go
        header = next(i for i in range(index, -1, -1) if lines[i].strip() == "[[outcome.citation]]")
        del lines[header:index + 1]
        if header < len(lines) and not lines[header].strip() and header and not lines[header - 1].strip():
            del lines[header]
    path.write_text("\n".join(lines), encoding="utf-8")


def _edit_page_quote(path: Path, number: int, edits: list[tuple[str, str]]) -> None:
    """The «…» starting on line `number`, inside a blockquote whose text wraps over `> ` lines."""
    lines = path.read_text(encoding="utf-8").split("\n")
    first = last = number - 1
    while first > 0 and lines[first - 1].startswith(">"):
        first -= 1
    while last + 1 < len(lines) and lines[last + 1].startswith(">"):
        last += 1
    block = "\n".join(lines[first:last + 1])
    offset = sum(len(line) + 1 for line in lines[first:number - 1])  # the quote starts on its line
    head, tail = block[:offset], block[offset:]
    for old, new in edits:
        # The sentence as written: its words, with a line break and "> " wherever the text wraps.
        words = r"(?:\s|\n>\s?)+".join(re.escape(word) for word in old.split())
        tail, count = re.subn((r"(?:\s|\n>\s?)*" if not new else "") + words, new, tail, count=1)
        assert count == 1, (path, number, old)
    tail = re.sub(r"«(?:\s|\n>\s?)*»\n?", "", tail)  # a quote left empty
    kept = [line for line in (head + tail).split("\n")]
    # No doubled or leading separator lines (">") where a quote went.
    tidy: list[str] = []
    for line in kept:
        if line.strip() == ">" and (not tidy or tidy[-1].strip() == ">"):
            continue
        tidy.append(line)
    if "«" not in "\n".join(tidy):  # nothing of the guideline quoted any more: the blockquote goes
        tidy = []
        if last + 1 < len(lines) and not lines[last + 1].strip():
            last += 1
    lines[first:last + 1] = tidy
    path.write_text("\n".join(lines), encoding="utf-8")


def _write_ledger(path: Path, reviewed: dict[str, list[str]]) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    for version, keys in sorted(reviewed.items()):
        entries = "".join(f'  "{key}",\n' for key in sorted(set(keys)))
        text += f'\n"{version}" = [\n{entries}]\n'
    path.write_text(text, encoding="utf-8")
