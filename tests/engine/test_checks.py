"""Checks report problems as file:line in Norwegian; broken trees fail, and a
changed quote fails against the guideline. Each test breaks something real."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from decision_tree.model import Citation
from guideline import quotes
from tests.content import COMMON, CONTENT, PROJECT, TREES
from tooling import registry
from tooling.load import TreeError, load_common, load_tree
from tooling.quotes import tree_quotes
from tooling.tree_checks import check_tree

TREES_DIR, COMMON_FILE = PROJECT.trees, PROJECT.common

REISE = (TREES_DIR / "reise.toml").read_text(encoding="utf-8")


def write(tmp_path: Path, text: str, name: str = "reise.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the n-th line containing `needle`."""
    hits = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    return hits[occurrence - 1]


def problems_for(tmp_path: Path, text: str) -> list[str]:
    path = write(tmp_path, text)
    try:
        tree = load_tree(path)
    except TreeError as exc:
        return [str(p) for p in exc.problems]
    return [str(p) for p in check_tree(tree, COMMON)]


def test_the_projects_trees_have_no_problems():
    content, problems = registry.read(PROJECT)
    problems += quotes.check(tree_quotes(content.trees.values()), content.versions)
    assert problems == []
    assert set(content.trees) == {p.stem for p in TREES_DIR.glob("*.toml")}


def test_toml_syntax_error_names_file_and_line(tmp_path):
    broken = REISE.replace('label = "En annen reise', 'label = "En annen reise" x', 1)
    [message] = problems_for(tmp_path, broken)
    assert re.match(rf".*reise\.toml:{line_of(broken, 'label = \"En annen reise')}: fila er ikke gyldig TOML", message)


def test_dangling_next_names_the_option_line(tmp_path):
    broken = REISE.replace('next = "annen-reise"', 'next = "finnes-ikke"')
    messages = problems_for(tmp_path, broken)
    line = line_of(broken, 'next = "finnes-ikke"') - 2  # reported at the option's id line
    assert any(f"reise.toml:{line}: «next» = «finnes-ikke» finnes ikke" in m for m in messages), messages
    assert any("«annen-reise» kan ikke nås fra start" in m for m in messages)


def test_duplicate_id_is_reported_at_the_second_one(tmp_path):
    broken = REISE.replace('id = "hjem-kontor"', 'id = "innkalt"')
    messages = problems_for(tmp_path, broken)
    assert f"reise.toml:{line_of(broken, 'id = \"innkalt\"', 2)}: id-en «innkalt» er brukt før" in "\n".join(messages)


def test_cycle_is_reported(tmp_path):
    broken = REISE.replace('next = "hjem-kontor"', 'next = "reise"')
    messages = problems_for(tmp_path, broken)
    assert any("treet har en sløyfe" in m for m in messages), messages


def test_outcome_without_citation_is_reported(tmp_path):
    start = REISE.index("[[outcome.citation]]", REISE.index('id = "annen-reise"'))
    broken = REISE[:start]
    messages = problems_for(tmp_path, broken)
    line = line_of(broken, 'id = "annen-reise"')
    assert f"reise.toml:{line}: utfallet «annen-reise» mangler sitat" in "\n".join(messages)


def test_unknown_key_and_bad_id_are_reported_by_the_loader(tmp_path):
    broken = REISE.replace(
        'text = "Hvilken reise gjelder det?"', 'text = "Hvilken reise gjelder det?"\ntekst = "x"'
    ).replace('id = "annen"', 'id = "Annen reise"')
    joined = "\n".join(problems_for(tmp_path, broken))
    assert f"reise.toml:{line_of(broken, 'tekst = ')}: ukjent nøkkel «tekst»" in joined
    assert f"reise.toml:{line_of(broken, 'Annen reise')}: «Annen reise» er ikke en gyldig id" in joined


def test_unknown_certainty_step_and_link_are_reported(tmp_path):
    broken = (
        REISE.replace('certainty = "ikke-omtalt"', 'certainty = "kanskje"')
        .replace('next_steps = ["avklar-med-leder"]', 'next_steps = ["ring-sjefen"]', 1)
        .replace("Spør lederen din hva", "Se [her](../faq.md) hva")
    )
    joined = "\n".join(problems_for(tmp_path, broken))
    assert "certainty = «kanskje»" in joined
    assert "steget «ring-sjefen»" in joined
    assert "lenken «../faq.md» kan ikke brukes" in joined


def test_number_ranges_must_be_ordered_and_total(tmp_path):
    text = (TREES_DIR / "hjemmearbeid.toml").read_text(encoding="utf-8")
    last = 'next = "jevnlig-en-dag-eller-mer"\n\n[[outcome]]'
    broken = text.replace("below = 1\n", "").replace(last, last.replace("\n\n", "\nbelow = 3\n\n"))
    joined = "\n".join(problems_for(tmp_path, broken))
    assert "mangler «below»" in joined
    assert "skal ikke ha «below»" in joined


def test_a_range_no_number_can_reach_is_reported(tmp_path):
    text = (TREES_DIR / "hjemmearbeid.toml").read_text(encoding="utf-8")
    broken = text.replace("max_value = 7\n", "max_value = 0.5\n")
    joined = "\n".join(problems_for(tmp_path, broken))
    assert "«en-dag-eller-mer» kan aldri velges" in joined


def test_a_changed_quote_fails_against_the_guideline_naming_the_sentence_it_came_from():
    # Someone "corrects" a sentence while copying it (a word left out): no longer word for word.
    sentence = next(s for s in CONTENT.newest.document.sentences() if len(s.text.split()) >= 6)
    words = sentence.text.split()
    changed = " ".join(words[:1] + words[2:])
    tree = next(iter(TREES.values()))
    outcome = next(iter(tree.outcomes.values()))
    mutated = replace(tree, outcomes={**tree.outcomes, outcome.id: replace(
        outcome, citations=(Citation(sentence.anchors[0], changed, 77),))})
    [problem] = quotes.check(tree_quotes([mutated]), CONTENT.versions)
    assert str(problem).startswith(f"{tree.source}:77: sitatet står ikke lenger ordrett under «{sentence.anchors[0]}»")
    assert f"«{sentence.text}»" in str(problem)


@pytest.mark.parametrize(("anchor", "message"), [
    ("punkt-8b", "Det står ordrett under «reise»: rett ankeret."),  # a real anchor, but not where the quote is
    ("punkt-99", "ankeret «punkt-99» finnes ikke"),
])
def test_a_quote_under_a_wrong_or_unknown_anchor_fails(anchor, message):
    tree = TREES["reise"]
    outcome = tree.outcomes["hjem-kontor"]
    wrong = replace(outcome, citations=(replace(outcome.citations[0], anchor=anchor),))
    [problem] = quotes.check(tree_quotes([replace(tree, outcomes={**tree.outcomes, "hjem-kontor": wrong})]),
                             CONTENT.versions)
    assert message in str(problem) and "«reise»" in str(problem)


def test_the_loader_collects_problems_from_every_file(tmp_path):
    project = type(PROJECT)(tmp_path)
    shutil.copytree(PROJECT.kilde, project.kilde)
    shutil.copytree(PROJECT.content, project.content)
    (project.trees / "reise.toml").write_text(REISE.replace('next = "annen-reise"', 'next = "borte"'), encoding="utf-8")
    (project.trees / "utstyr.toml").write_text("title = [", encoding="utf-8")
    content, problems = registry.read(project)
    trees = content.trees
    sources = {Path(p.source).name for p in problems}
    assert sources == {"reise.toml", "utstyr.toml"}
    assert "utstyr" not in trees and "hjemmearbeid" in trees


@pytest.mark.parametrize("slug", list(TREES))
def test_each_citation_knows_its_line(slug):
    tree = load_tree(TREES_DIR / f"{slug}.toml")
    lines = (TREES_DIR / f"{slug}.toml").read_text(encoding="utf-8").splitlines()
    for outcome in tree.outcomes.values():
        for citation in outcome.citations:
            assert lines[citation.line - 1].strip().startswith("quote = "), (citation.line, citation.quote)
            assert citation.quote[:30] in lines[citation.line - 1]


def test_common_file_problems_name_their_lines(tmp_path):
    text = COMMON_FILE.read_text(encoding="utf-8")
    step = '[[step]]\nid = "kontakt-pou"\n'
    broken = text.replace('id = "graasone"', 'id = "Gråsone"').replace(step, step + 'tekst = "x"\n')
    path = tmp_path / "common.toml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(TreeError) as caught:
        load_common(path)
    messages = "\n".join(str(p) for p in caught.value.problems)
    assert f"common.toml:{line_of(broken, 'Gråsone')}: «Gråsone» er ikke en gyldig id" in messages
    assert f"common.toml:{line_of(broken, 'tekst = ')}: ukjent nøkkel «tekst» i et steg" in messages
