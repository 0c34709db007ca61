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
a phrase broken over two lines is found, at the line where it begins. Some rules read one sentence
at a time (SENTENCE_RULES): a word that needs another in the same sentence, or must not meet one.

`entries(path) -> list[Entry]`: each FAQ entry or tree outcome with its certainty, topics and own
words; `entry_problems(entries, certainties)` holds them to SKRIVEVEILEDNING.md's rule for the four
certainty values ("Hvor sikkert er svaret?"): what can be checked of it.
"""

from __future__ import annotations

import re
import tomllib
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
    _rule(r"\bsykemeld\w*", "skriv «sykmelding», «sykmeldt» (det offisielle ordet)", re.I),
    _rule(r"\bførste tab\b", "skriv «første trykk på tabulatortasten»", re.I),
]


@dataclass(frozen=True)
class SentenceRule:
    trigger: re.Pattern[str]
    other: re.Pattern[str]
    needed: bool  # True: a sentence with `trigger` must have `other`; False: must not
    message: str


def _sentence_rule(trigger: str, other: str, needed: bool, message: str, flags: int = 0) -> SentenceRule:
    return SentenceRule(re.compile(trigger.replace(" ", r"\s+"), flags), re.compile(other.replace(" ", r"\s+"), flags),
                        needed, message)


# Words that give a sentence to the guideline: it is the guideline speaking, not the site.
ATTRIBUTED = r"[Rr]etningslinjen|\b[Dd]en sier\b|\bstår det\b|\b[Ss]etningen\b|\b[Aa]vsnittet\b"
SENTENCE_RULES = [
    _sentence_rule(r"\bett år\b", r"\beksempelvis\b", True,
                   "«ett år» er POUs eksempel: skriv «**eksempelvis** inntil ett år»"),
    _sentence_rule(r"\bsikkerhetsoppdateringer\b", r"\bmed mer\b", True,
                   "plikten gjelder «sikkerhetsoppdateringer med mer»: ta med «med mer»"),
    _sentence_rule(r"\b[Aa]rbeidstaker\b", ATTRIBUTED, True,
                   "«arbeidstaker» er retningslinjens ord: skriv til «du», eller legg setningen til retningslinjen "
                   "(«Retningslinjen sier at arbeidstaker …»)"),
    _sentence_rule(r"forsikringsordning\w*|fritidsulykke", ATTRIBUTED, True,
                   "forsikringssetningene står aldri med nettstedets egen stemme: sitér dem, eller skriv "
                   "«Retningslinjen sier at …»"),
    _sentence_rule(r"hjemmekontorforskrift\w*", r"\b(?:du|deg|din|ditt|dine)\b", False,
                   "ikke bruk en lov eller forskrift på lesernes egen sak: si hva retningslinjen sier, og hva den ikke sier",
                   re.I),
]
_SENTENCE = re.compile(r"[^.!?]+[.!?]?")
# Our own words that say the answer is open: never «Retningslinjen svarer» (SKRIVEVEILEDNING.md).
HEDGES = re.compile(r"\buklar\w*|\bkan bety\b|\bkan leses\b|\bikke klart\b|\bgråsone\w*|\bpeker to veier\b"
                    .replace(" ", r"\s+"), re.I)
# A hedge in the answer itself (an outcome's title, an FAQ entry's first sentence): never «Retningslinjen svarer».
OPENING_HEDGES = re.compile(r"\btypisk\b|\beksempelvis\b|\bi utgangspunktet\b|\bkan (?:også )?være mulig\b"
                            .replace(" ", r"\s+"), re.I)
SILENT = re.compile(r"sier ikke noe om".replace(" ", r"\s+"), re.I)
# Health, sick leave and injuries: near a POU contact, say not to write health details in the e-mail.
HEALTH = re.compile(r"\b(?:skade\w*|yrkesskade\w*|syk\w*|helse|plager|tilrettelegging|egenmelding)\b", re.I)
NOT_HEALTH = re.compile(r"helse, miljø og sikkerhet".replace(" ", r"\s+"), re.I)
NO_HEALTH_DETAILS = "helseopplysninger"
REGULATION = re.compile(r"\bhjemmekontorforskrift\w*|\b[Ff]orskriften\b")
EXPLAINED = re.compile(r"hjemmekontorforskriften \(Forskrift om arbeid som utføres i arbeidstakers hjem\)".replace(" ", r"\s+"))
# TOML keys whose string values are shown to readers.
NOT_TEXT = {"id", "anchor", "quote", "next", "start", "certainty", "kind", "next_steps"}


def _guideline_text() -> str:
    return versions.load(PROJECT.kilde)[-1].document.text


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
    for sentence in _SENTENCE.finditer(prose.text):
        for rule in SENTENCE_RULES:
            hit = rule.trigger.search(sentence.group(0))
            if hit and bool(rule.other.search(sentence.group(0))) != rule.needed:
                found.append((sentence.start() + hit.start(), rule.message))
    # The regulation is named in full the first time in every answer (readers land on one by a link).
    bounds = sorted({0, *prose.units, len(prose.text)})
    for start, end in zip(bounds, bounds[1:]):
        unit = prose.text[start:end]
        first = REGULATION.search(unit)
        if first and not EXPLAINED.match(unit, first.start()):
            found.append((start + first.start(), "første gang i et svar: «hjemmekontorforskriften (Forskrift om arbeid "
                                                 "som utføres i arbeidstakers hjem)»"))
    return sorted(found)


def _where(path: Path) -> Path:
    try:
        return path.relative_to(ROOT)
    except ValueError:
        return path


def problems(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    prose = toml_prose(source) if path.suffix == ".toml" else markdown_prose(source)
    where = _where(path)
    found = [f"{where}:{source.count(chr(10), 0, offset) + 1}: {message}" for offset, message in check(prose)]
    if path.name == "faq.md" or path.parent.name == "trees":  # the answers: FAQ entries and tree outcomes
        found += [f"{where}:{line}: {message}" for line, message in entry_problems(entries(path), certainties(path))]
    return found


# --- Certainty: SKRIVEVEILEDNING.md, "Hvor sikkert er svaret?" ------------------------------------

@dataclass(frozen=True)
class Entry:
    id: str
    line: int  # the FAQ heading, or the outcome's [[outcome]] line
    certainty: str  # "" when an FAQ entry declares none
    topics: tuple[str, ...]
    opening: str  # the answer itself: an outcome's title, an FAQ entry's first sentence
    prose: str  # our own words: quotes left out; an outcome's title, text and next steps


def _common_file(path: Path) -> Path:
    """common.toml beside the trees' folder (content/), or the project's."""
    near = path.parent.parent / "common.toml" if path.parent.name == "trees" else None
    return near if near and near.exists() else PROJECT.common


def certainties(path: Path) -> set[str]:
    data = tomllib.loads(_common_file(path).read_text(encoding="utf-8"))
    return {c["id"] for c in data.get("certainty", [])}


_HEADING = re.compile(r"^## (.*) \{ #([a-z0-9-]+) \}$")
_META = re.compile(r"^<!-- (certainty|topics): (.*?) -->$")


def entries(path: Path) -> list[Entry]:
    """The FAQ entries of a Markdown page, or the outcomes of a tree file."""
    source = path.read_text(encoding="utf-8")
    return _tree_entries(path, source) if path.suffix == ".toml" else _faq_entries(source)


def _faq_entries(source: str) -> list[Entry]:
    lines, prose = source.splitlines(), markdown_prose(source).text.splitlines()
    heads = [n for n, line in enumerate(lines) if _HEADING.match(line)]
    found = []
    for start, end in zip(heads, [*heads[1:], len(lines)]):
        meta: dict[str, str] = {}
        for line in lines[start + 1:end]:  # directly under the heading, certainty first
            match = _META.match(line)
            if not match or match.group(1) in meta or (match.group(1) == "topics" and "certainty" not in meta):
                break
            meta[match.group(1)] = match.group(2).strip()
        body = " ".join(" ".join(prose[start + 1:end]).split())
        topics = tuple(t.strip() for t in meta.get("topics", "").split(",") if t.strip())
        question = _HEADING.match(lines[start]).group(1)
        found.append(Entry(_HEADING.match(lines[start]).group(2), start + 1, meta.get("certainty", ""), topics,
                           _SENTENCE.match(body).group(0) if body else "", f"{question} {body}"))
    return found


def _tree_entries(path: Path, source: str) -> list[Entry]:
    data = tomllib.loads(source)
    steps = {s["id"]: s["text"] for s in tomllib.loads(_common_file(path).read_text(encoding="utf-8")).get("step", [])}
    starts = [n for n, line in enumerate(source.splitlines(), 1) if line.strip() == "[[outcome]]"]
    found = []
    for line, outcome in zip(starts, data.get("outcome", [])):
        own = lambda text: re.sub(r"«[^»]*»", " ", text)  # noqa: E731  (quotes are the guideline's words)
        said = [outcome.get("title", ""), outcome.get("text", ""), *(steps.get(s, "") for s in outcome.get("next_steps", []))]
        found.append(Entry(outcome.get("id", ""), line, outcome.get("certainty", ""), tuple(outcome.get("topics", ())),
                           own(outcome.get("title", "")), " ".join(own(" ".join(said)).split())))
    return found


def entry_problems(found: list[Entry], known: set[str]) -> list[tuple[int, str]]:
    out = []
    for e in found:
        def say(message: str) -> None:
            out.append((e.line, f"«{e.id}»: {message}"))

        if not e.certainty:
            say("mangler <!-- certainty: … --> rett under overskriften (se SKRIVEVEILEDNING.md, «Hvor sikkert er svaret?»)")
            continue
        if e.certainty not in known:
            say(f"ukjent certainty «{e.certainty}»; bruk en av: {', '.join(sorted(known))}")
        if e.certainty == "retningslinje" and (hedge := HEDGES.search(e.prose)):
            say(f"teksten sier «{hedge.group(0)}», så svaret er ikke «retningslinje»")
        if e.certainty == "retningslinje" and (hedge := OPENING_HEDGES.search(e.opening)):
            say(f"svaret selv hviler på «{hedge.group(0)}», så det er ikke «retningslinje»")
        if (e.certainty == "ikke-omtalt" or SILENT.search(e.prose)) and not e.topics:
            say("sier at retningslinjen ikke sier noe om noe: list ordene som ville endret det (topics)")
        if e.certainty == "ikke-omtalt" and ("sier ikke" not in e.prose or not re.search(r"lederen din|POU", e.prose)):
            say("«ikke-omtalt» sier rett ut at retningslinjen ikke sier noe om det, og hvem som kan svare")
        if e.certainty == "konkret-vurdering" and not re.search(r"konkret|vurdering", e.prose):
            say("«konkret-vurdering» sier at saken vurderes konkret")
        health = HEALTH.search(NOT_HEALTH.sub(" ", e.prose))
        if health and "POU" in e.prose and NO_HEALTH_DETAILS not in e.prose:
            say(f"handler om «{health.group(0)}» og viser til POU: si at helseopplysninger ikke skrives i e-posten")
    return out


def files(root: Path = ROOT) -> list[Path]:
    """Every file the guide covers: the pages in docs/, the trees and their common texts."""
    return [*sorted((root / "docs").rglob("*.md")), *sorted((root / "content" / "trees").glob("*.toml")),
            root / "content" / "common.toml"]
