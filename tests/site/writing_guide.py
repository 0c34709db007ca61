"""The machine-checkable rules of SKRIVEVEILEDNING.md, run over the site's own words.

`problems(path) -> list[str]`: "file:line: message" for each break of a rule in one file: a page
in docs/ (Markdown) or a decision tree or common.toml (TOML). Only our own text is read:

- Markdown: front matter, HTML comments, fenced code, blockquotes (the guideline's words and
  their attribution), link targets and `{ … }` attribute lists are left out. «…» outside a
  blockquote is itself a problem: in docs/ quotes of the guideline are blockquotes.
- TOML: only the values of text keys (title, text, hint, label, description and the like); ids,
  anchors, `quote = …` and comments are left out. A «…» in a text must be word for word in the
  guideline, and is then left out.

Line numbers are kept (left-out text becomes spaces), and the rules run over the whole text, so
a phrase broken over two lines is found, at the line where it begins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from guideline import versions
from guideline.quotes import guillemets
from guideline.text import normalise
from tests.content import PROJECT

ROOT = PROJECT.root  # the project under test (tests/content.py): the repository, or a drill's copy
GUIDE = "SKRIVEVEILEDNING.md"


@dataclass(frozen=True)
class Rule:
    pattern: re.Pattern[str]
    message: str


def _rule(pattern: str, message: str, flags: int = 0) -> Rule:
    # A space in a pattern is any run of whitespace: a phrase may break over two lines.
    return Rule(re.compile(pattern.replace(" ", r"\s+"), flags), message)


RULES = [
    _rule(r"\b(?:din|min|nærmeste) leder\b", "skriv «lederen din» (til den ansatte) eller «lederen min» (den ansatte spør)", re.I),
    _rule(r"(?<![-\w])(?<!din\s)(?<!min\s)(?<!nærmeste\s)[Ll]eder(?:en)?\b(?![-\w])(?! (?:din|min)\b)",
          "skriv «lederen din» (til den ansatte) eller «lederen min» (den ansatte spør), ikke «leder» alene"),
    _rule(r"\b(?:arbeide|arbeider|arbeidet|jobbe|jobber|jobbet) hjemme\b(?!fra)", "skriv «jobbe hjemmefra»", re.I),
    _rule(r"\barbeid(?:e|er|et) (?:(?:deler av )?(?:stillingen|sin stilling)(?: din)? )?hjemmefra\b", "skriv «jobbe hjemmefra»", re.I),
    _rule(r"\b(?:arbeide|jobbe|arbeider|jobber) fra (?:ditt |mitt )?(?:eget )?hjem(?:met)?\b", "skriv «jobbe hjemmefra»", re.I),
    _rule(r"\bhjemmejobb\w*|\bremote\b", "skriv «jobbe hjemmefra»", re.I),
    _rule(r"\b(?:kortvarig|sporadisk)\w* hjemmekontor\b", "kortvarig og sporadisk arbeid er «hjemmearbeid»; «hjemmekontor» er det avtalte", re.I),
    _rule(r"\bavtal\w* om hjemmearbeid\b", "en avtale gjelder «hjemmekontor»; «hjemmearbeid» er kortvarig og sporadisk", re.I),
    _rule(r"(?<![-\w/.#])(?:pc|Pc)(?!\w)", "skriv «PC»"),
    _rule(r"\b(?:enn|minst|inntil|over|under|bare|kun) en dag\b|\b[Ee]n dag (?:i uken|i uka|per uke|i måneden)\b", "skriv «én dag» (tallet)"),
    _rule(r"\bet år\b", "skriv «ett år»"),
    _rule(r"\b(?:epost|e-mail|mail)\b", "skriv «e-post»", re.I),
    _rule(r"\bsnakk\b[^.]{0,80}\bskriftlig\b", "neste steg er «Avklar med lederen din, helst skriftlig per e-post»", re.I),
    _rule(r"POU ?\(|\bpersonal\w*[- ]+og organisasjon", "POUs fulle navn gjettes ikke; skriv «POU» (se SKRIVEVEILEDNING.md)", re.I),
    _rule(r"omfattet av en forsikringsordning(?![\W_]*på hjemmekontor)", "forsikringssetningen gjelder «på hjemmekontor»: ta det med", re.I),
    _rule(r"\bdu er (?:uansett |alltid |likevel )?forsikret\b", "retningslinjen sier at arbeidstaker er omfattet av en forsikringsordning «på hjemmekontor»; ikke gjør den bredere", re.I),
    _rule(r"ser (?:ikke )?ut til å (?:kunne )?være oppfylt|\ber (?:ikke )?en yrkesskade\b",
          "vurder aldri saken: skriv vilkåret, og at det vurderes konkret i hver sak", re.I),
    _rule(r"\bsjelden\b|\bgarantert\b", "sterkere enn retningslinjen: den sier «ofte ikke», «i utgangspunktet» og lignende", re.I),
    _rule(r"\bta (?:godt )?imot en ny medarbeider\b", "retningslinjen sier «ivareta en ny medarbeider på en god måte»", re.I),
    _rule(r"\bvedtatt\b", "retningslinjen er ikke vedtatt: vis status fra dokumenthodet (<!-- retningslinje:status -->)", re.I),
]
REGULATION = re.compile(r"\bhjemmekontorforskrift\w*|\b[Ff]orskriften\b")
EXPLAINED = re.compile(r"hjemmekontorforskriften \(Forskrift om arbeid som utføres i arbeidstakers hjem\)".replace(" ", r"\s+"))
# TOML keys whose string values are shown to readers.
NOT_TEXT = {"id", "anchor", "quote", "next", "start", "certainty", "kind", "next_steps"}


def _guideline_text() -> str:
    return versions.load(ROOT / "kilde")[-1].document.text


def _blank(text: str) -> str:
    """`text` with every character but newlines made a space: line numbers stay."""
    return re.sub(r"[^\n]", " ", text)


@dataclass
class Prose:
    text: str  # our own words, everything else blanked (same length and lines as the file)
    units: list[int]  # offsets where a new answer begins (an FAQ entry, an outcome, a question, a step)
    problems: list[tuple[int, str]]  # (offset, message) found while reading


def markdown_prose(source: str) -> Prose:
    text, problems = source, []

    def cut(pattern: str, flags: int = re.M | re.S) -> None:
        nonlocal text
        text = re.sub(pattern, lambda m: _blank(m.group(0)), text, flags=flags)

    cut(r"\A---\n.*?\n---\n")  # front matter
    cut(r"<!--.*?-->")
    cut(r"^ {0,3}(```|~~~).*?^ {0,3}\1[^\n]*$")
    cut(r"^ {0,3}>[^\n]*$", re.M)  # blockquotes: the guideline's words and their attribution
    cut(r"\]\([^)]*\)", re.M)  # link targets
    cut(r"\{[:\s][^}\n]*\}", re.M)  # attribute lists, heading ids
    for start, end in ((s, e + 1) for s, e in guillemets(text)):
        problems.append((start, "«…» står bare i et sitat fra retningslinjen (en sitatblokk med lenke); skriv annen tekst med **fet skrift**"))
        text = text[:start] + _blank(text[start:end]) + text[end:]
    units = [m.start() for m in re.finditer(r"^#{1,2} ", text, re.M)]
    return Prose(text, units, problems)


def toml_prose(source: str) -> Prose:
    guideline = _guideline_text()
    out: list[str] = []
    units: list[int] = []
    problems: list[tuple[int, str]] = []
    offset = 0
    keep, closing = False, ""
    for line in source.splitlines(keepends=True):
        body = line.rstrip("\n")
        if closing:  # inside a multi-line string
            end = body.find(closing)
            shown = body if end < 0 else body[:end]
            out.append((shown if keep else _blank(shown)) + _blank(body[len(shown):]) + line[len(body):])
            if end >= 0:
                closing = ""
        else:
            key = re.match(r'\s*([A-Za-z0-9_-]+)\s*=\s*("""|\'\'\'|"|\')', body)
            if re.match(r"\s*\[\[?\s*(outcome|question|step)\s*\]\]?", body):
                units.append(offset)
            if key:
                keep = key.group(1) not in NOT_TEXT
                quote = key.group(2)
                value_start = key.end()
                if len(quote) == 3:
                    end = body.find(quote, value_start)
                    closing = "" if end >= 0 else quote
                else:
                    end = body.rfind(quote)
                    end = end if end >= value_start else len(body)
                value = body[value_start:end if end >= 0 else len(body)]
                shown = _blank(body[:value_start]) + (value if keep else _blank(value))
                out.append(shown + _blank(body[len(shown):]) + line[len(body):])
            else:
                out.append(_blank(body) + line[len(body):])
        offset += len(line)
    text = "".join(out)
    for start, end in ((s, e + 1) for s, e in guillemets(text)):
        words = normalise(text[start + 1:end - 1].replace('\\"', '"'))
        if words not in guideline:
            problems.append((start, f"«{words}» står ikke ordrett i retningslinjen; «…» er bare for sitater"))
        text = text[:start] + _blank(text[start:end]) + text[end:]
    return Prose(text, units, problems)


def check(prose: Prose) -> list[tuple[int, str]]:
    found = list(prose.problems)
    for rule in RULES:
        found += [(m.start(), rule.message) for m in rule.pattern.finditer(prose.text)]
    # The regulation is named in full the first time in every answer (readers land on one by a link).
    bounds = sorted({0, *prose.units, len(prose.text)})
    for start, end in zip(bounds, bounds[1:]):
        unit = prose.text[start:end]
        first = REGULATION.search(unit)
        if first and not EXPLAINED.match(unit, first.start()):
            found.append((start + first.start(), "første gang i et svar: «hjemmekontorforskriften (Forskrift om arbeid "
                                                 "som utføres i arbeidstakers hjem)»"))
    return sorted(found)


def problems(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    prose = toml_prose(source) if path.suffix == ".toml" else markdown_prose(source)
    try:
        where = path.relative_to(ROOT)
    except ValueError:
        where = path
    return [f"{where}:{source.count(chr(10), 0, offset) + 1}: {message}" for offset, message in check(prose)]


def files(root: Path = ROOT) -> list[Path]:
    """Every file the guide covers: the pages in docs/, the trees and their common texts."""
    return [*sorted((root / "docs").rglob("*.md")), *sorted((root / "content" / "trees").glob("*.toml")),
            root / "content" / "common.toml"]
