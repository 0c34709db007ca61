"""The review check (tooling/review.py) on a later version written here: every kind of change touches the
answers resting on it, a topic word ends a silence, and the ledger says what HR has read.

The answers are made up here, resting on the site's first version's anchors, so the test holds
whichever answers and versions the site has.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from guideline import layout
from tests.content import KILDE, PROJECT
from tooling import registry, review
from tooling.project import Project

FIRST = KILDE / "retningslinje-0.01.txt"


def later(text: str) -> str:
    """The first version, edited as a new version might be."""
    text = text.replace("Versjon: 0.01\t", "Versjon: 0.09\t").replace("Versjon.: 0.01\t", "Versjon.: 0.09\t")
    edits = [
        ("- Headset\n", "- Headset\n- Tastatur og mus\n"),  # a list item added under punkt 9
        (" Arbeid i utlandet vil kun unntaksvis kunne innvilges.", ""),  # a sentence removed from punkt 5
        ("eksempelvis inntil et år", "eksempelvis inntil to år"),  # a word changed in punkt 4
        ("Forsikring og hjemmekontor\n",  # a new section before insurance, on information security
         "Informasjonssikkerhet\n\nPC-en skal låses når den forlates, og taushetsbelagte papirer skal ikke skrives "
         "ut hjemme.\n\nForsikring og hjemmekontor\n"),
    ]
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> registry.Content:
    root = tmp_path_factory.mktemp("review")
    kilde = root / "kilde"
    kilde.mkdir()
    for path in (FIRST, KILDE / layout.FILE_NAME, KILDE / "eksterne-kilder.toml"):
        shutil.copy(path, kilde / path.name)
    (kilde / "retningslinje-0.09.txt").write_text(later(FIRST.read_text(encoding="utf-8")), encoding="utf-8")
    shutil.copytree(PROJECT.content, root / "content")
    (root / "docs").mkdir()
    (root / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    (root / "content" / "review.toml").write_text("", encoding="utf-8")
    return registry.load(Project(root))


def answer(key: str, *anchors: str, topics: tuple[str, ...] = ()) -> review.Answer:
    return review.Answer(key, key, "x.md", 1, anchors, topics)


ANSWERS = [
    answer("utstyr", "punkt-9"),                     # the list grew
    answer("utland", "punkt-5"),                     # a sentence went
    answer("avtaleperiode", "punkt-4"),              # a word changed
    answer("sub-point", "punkt-7a"),                 # nothing changed there
    answer("whole-section", "generelle-bestemmelser"),  # a heading: its whole section
    answer("taushet", "punkt-9", topics=("informasjonssikkerhet", "skrive ut")),
    answer("strom", "reise", topics=("strøm", "internett")),  # silent, and still silent
]


def found(content, ledger: review.Ledger | None = None) -> dict[str, list[review.Finding]]:
    out: dict[str, list[review.Finding]] = {}
    for finding in review.findings(content, ANSWERS, ledger or review.Ledger()):
        out.setdefault(finding.answer.key, []).append(finding)
    return out


def test_every_kind_of_change_touches_the_answers_resting_on_it(content):
    result = found(content)
    assert set(result) == {"utstyr", "utland", "avtaleperiode", "whole-section", "taushet"}
    [utstyr] = result["utstyr"]
    old, new = utstyr.why.rsplit(": ", 1)[1].split(" → ")
    assert utstyr.anchor == "punkt-9" and "Tastatur og mus" in new and "Tastatur" not in old and "Headset" in old
    [utland] = result["utland"]
    assert "«forøvrig som må hensyntas. Arbeid i utlandet vil kun unntaksvis kunne innvilges.»" not in utland.why
    assert "Arbeid i utlandet vil kun unntaksvis kunne innvilges." in utland.why and "→" in utland.why
    [periode] = result["avtaleperiode"]
    assert "«på eksempelvis inntil et år, her tas» → «på eksempelvis inntil to år, her tas»" in periode.why


def test_a_topic_word_in_new_text_ends_a_silence(content):
    why = " ".join(f.why for f in found(content)["taushet"])
    assert "«informasjonssikkerhet»" in why and "«skrive ut»" in why


def test_a_topic_matches_word_starts_in_a_row():
    assert review._uses("taushetsbelagte papirer skal ikke skrives ut hjemme", "skrive ut")
    assert review._uses("Informasjonssikkerhet", "informasjonssikkerhet")
    assert not review._uses("ut og skrive", "skrive ut")
    assert not review._uses("strømme", "strømregning")


def test_the_ledger_clears_what_hr_has_read(content, tmp_path):
    ledger_file = tmp_path / "review.toml"
    ledger_file.write_text('"0.09" = ["utstyr", "utland"]\n', encoding="utf-8")
    ledger, problems = review.load_ledger(ledger_file, ["0.01", "0.09"], {a.key for a in ANSWERS})
    assert problems == []
    assert set(found(content, ledger)) == {"avtaleperiode", "whole-section", "taushet"}


def test_the_ledger_names_an_unknown_version_or_answer_at_its_line(tmp_path):
    ledger_file = tmp_path / "review.toml"
    ledger_file.write_text('"0.09" = [\n  "utstyr",\n  "finnes-ikke",\n]\n"0.07" = ["utstyr"]\n', encoding="utf-8")
    _, problems = review.load_ledger(ledger_file, ["0.01", "0.09"], {"utstyr"})
    assert [(p.line, p.message.split(" ")[0]) for p in problems] == [(3, "svaret"), (5, "versjon")]


def test_an_answer_never_reviewed_counts_from_the_first_version():
    ledger = review.Ledger({"0.02": {"a": 1}, "0.03": {"b": 2}})
    assert ledger.version_of("a", ["0.01", "0.02", "0.03"]) == "0.02"
    assert ledger.version_of("b", ["0.01", "0.02", "0.03"]) == "0.03"
    assert ledger.version_of("c", ["0.01", "0.02", "0.03"]) == "0.01"


def test_the_answers_are_every_outcome_and_every_faq_entry():
    content = registry.current()
    keys = {a.key for a in review.answers(content)}
    outcomes = {f"beslutningstre/{t.slug}#{o}" for t in content.trees.values() for o in t.outcomes}
    assert outcomes <= keys
    faq = (Path(content.project.docs) / "faq.md").read_text(encoding="utf-8")
    headings = [m["id"] for line in faq.splitlines() if (m := review.faq.HEADING.match(line))]
    assert headings and {k for k in keys if k.startswith("faq#")} == {f"faq#{i}" for i in headings}
