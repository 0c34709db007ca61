"""The drill (tests/site/drill.py): a new guideline version, as HR adds it, never leaves a wrong answer.

- `make sjekk` lists every answer that rests on text the version changed, with file:line, the anchor
  and the words old → new, and every quote to update with what became of its sentences.
- The build refuses to publish while any of them is unreviewed.
- After the edits HR makes from that list (tests/site/hr_edits.py), the check is clean, a strict
  build passes, and the content tests pass on the edited project: no developer needed.

What the check must list is worked out here from the data (the two versions' text under each
anchor, and the anchors each answer quotes or links to), not copied from one version.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from guideline import versions
from guideline.text import normalise
from tests.conftest import CONTENT_TESTS
from tests.content import REPO
from tests.site import hr_edits, scratch
from tests.site.drill import check
from tooling import registry, review, search_queries
from tooling.project import Project
from tooling.quotes import page_quotes, tree_quotes

REVIEW = re.compile(r"^(?P<file>[^\s:]+):(?P<line>\d+): må gjennomgås: .*? \((?P<key>[a-z0-9/#-]+)\) (?P<why>.*)$",
                    re.M)
QUOTE_LINE = re.compile(r"^(?P<file>[^\s:]+):(?P<line>\d+): "
                        r"(sitatet står ikke lenger ordrett|ankeret «[^»]+» finnes ikke)")
FATE = re.compile(r"Setningen «.+» er (endret; nå står det: «.+»"
                  r"|fjernet i versjon [\d.]+ \(sist med i versjon [\d.]+\))")


@pytest.fixture(scope="module")
def loaded(drill):
    return versions.load(drill.project / "kilde")


def touched_anchors(before, after) -> set[str]:
    """Anchors whose text on the page (a heading's: its whole section) is not the same in `after`."""
    return {a for a in before.anchors() if a not in after.anchors() or before.anchor_text(a) != after.anchor_text(a)}


def test_the_check_lists_every_answer_resting_on_changed_text(drill, loaded):
    before, after = loaded[-2].document, loaded[-1].document
    touched = touched_anchors(before, after)
    content = registry.load(Project(drill.project))
    answers = review.answers(content)
    expected = {a.key for a in answers if touched & set(a.anchors)}
    listed = {m["key"] for m in REVIEW.finditer(drill.check.stdout)}
    assert expected, "the drill's version should touch some answers"
    assert expected <= listed, drill.check.stdout
    # Anything else listed is there for a topic word the new text uses.
    for key in listed - expected:
        answer = next(a for a in answers if a.key == key)
        assert answer.topics and any(t.split()[0].lower() in after.text.lower() for t in answer.topics), key


def test_each_line_names_the_answer_where_it_is_written_the_anchor_and_the_words(drill, loaded):
    content = registry.load(Project(drill.project))
    where = {a.key: (Path(a.source).resolve(), a.line) for a in review.answers(content)}
    lines = list(REVIEW.finditer(drill.check.stdout))
    assert lines
    for m in lines:
        assert ((drill.project / m["file"]).resolve(), int(m["line"])) == where[m["key"]], m.group(0)
        assert re.search(r"«[a-z0-9-]+»", m["why"]), m.group(0)  # the anchor
        assert " → " in m["why"] or "fjernet i versjon" in m["why"] or "ny tekst i versjon" in m["why"], m.group(0)
        assert f'lista for "{drill.version}"' in m["why"], m.group(0)


def test_the_check_names_each_section_no_search_query_leads_to(drill, loaded):
    """Whatever the drill's version adds (or, after HR's own versions, takes away), the check names exactly
    the guideline's sections that no query leads to."""
    after = loaded[-1].document
    covered = {t for q in search_queries.load(Project(drill.project).queries) for t in q.targets}
    expected = {f"retningslinje/#{a}" for a in search_queries.sections(after)} - covered
    named = set(re.findall(r"ingen søk fører til «(retningslinje/#[^»]+)»", drill.check.stdout))
    assert named == expected, drill.check.stdout


def test_quotes_say_what_became_of_each_changed_or_removed_sentence(drill, loaded):
    """Every quote the drill's version breaks is listed, with what became of it; no other quote is."""
    after = loaded[-1].document
    content = registry.load(Project(drill.project))
    found = tree_quotes(content.trees.values())
    for page in sorted((drill.project / "docs").rglob("*.md")):
        found += page_quotes(page)
    broken = {(Path(q.source).name, q.line) for q in found
              if q.anchor not in after.anchors() or normalise(q.text) not in after.anchor_text(q.anchor)}
    lines = [m for m in map(QUOTE_LINE.match, drill.check.stdout.splitlines()) if m]
    assert {(Path(m["file"]).name, int(m["line"])) for m in lines} == broken, drill.check.stdout
    for line in (m.string for m in lines):
        assert FATE.search(line) or "rett ankeret" in line, line


def test_the_build_refuses_to_publish_while_answers_are_unreviewed(drill, tmp_path):
    assert drill.check.returncode == 1
    assert "må gjennomgås" in drill.build.stderr  # the warnings a strict build stops on
    built = scratch.build(drill.project, tmp_path / "site")
    assert built.returncode != 0 and "må gjennomgås" in built.stderr, built.stderr[-2000:]


def test_after_hrs_edits_the_check_is_clean_the_build_passes_and_the_content_tests_pass(drill, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(drill.project, project, symlinks=True)
    handled = hr_edits.apply(project, drill.check.stdout)
    assert len(handled) == drill.check.stdout.count("\n") - 2  # every line but the summary was handled
    after = check(project)
    assert after.returncode == 0 and "Alt er i orden" in after.stdout, after.stdout
    site = tmp_path / "site"
    built = scratch.build(project, site)
    assert built.returncode == 0, built.stderr[-3000:]
    env = {**os.environ, "HJEMMEKONTOR_PROSJEKT": str(project), "SITE_DIR": str(site)}
    tests = subprocess.run([sys.executable, "-m", "pytest", "-m", "content", "-q", "-p", "no:cacheprovider",
                            "-x", "--no-header", *CONTENT_TESTS], cwd=REPO, env=env, capture_output=True, text=True)
    assert tests.returncode == 0, tests.stdout[-4000:]
    assert " passed" in tests.stdout
