"""The command line (`beslutningstre`, `python -m tooling`): list, walk, paths [--json], check."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys

import pytest

from decision_tree import numbers
from tests.content import CONTENT, GUIDELINE, ROOT, TREES
from tooling.cli import main
from tooling.paths import all_paths

from .conftest import IN_PYODIDE


def run(capsys, *args, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def test_list_shows_every_tree(capsys):
    code, out, _ = run(capsys, "list")
    assert code == 0
    for slug, tree in TREES.items():
        assert slug in out and tree.title in out


def test_paths_json_is_the_documented_shape(capsys):
    code, out, _ = run(capsys, "paths", "hjemmearbeid", "--json")
    assert code == 0
    document = json.loads(out)
    tree, g = TREES["hjemmearbeid"], GUIDELINE
    assert document["tree"] == "hjemmearbeid"
    assert document["guideline"] == {"title": g.title, "version": g.version, "valid_from": g.valid_from}
    assert len(document["paths"]) == len(all_paths(tree))
    first, path = document["paths"][0], all_paths(tree)[0]
    step = path.steps[0]
    assert first["steps"][0] == {
        "question_id": step.question.id, "question": step.question.text, "kind": step.question.kind,
        "option_id": step.option.id, "answer": step.option.label,
    }
    assert first["outcome"]["id"] == path.outcome.id
    citation = path.outcome.citations[0]
    assert first["outcome"]["citations"][0] == {"anchor": citation.anchor, "quote": citation.quote}


def test_paths_text_lists_every_path_with_quotes(capsys):
    code, out, _ = run(capsys, "paths", "reise")
    found = all_paths(TREES["reise"])
    assert code == 0
    assert out.count("Vei ") == len(found)
    for path in found:
        for citation in path.outcome.citations:
            assert f"«{citation.quote}» (#{citation.anchor})" in out


def test_unknown_tree_exits_2_with_a_message(capsys):
    code, _, err = run(capsys, "paths", "nei")
    assert code == 2 and "Fant ikke treet «nei»" in err


@pytest.mark.skipif(IN_PYODIDE, reason="the CLI renders the receipt with Jinja, which the browser never has")
def test_walk_answers_in_the_terminal_and_prints_the_receipt(capsys, monkeypatch):
    # Bad number first: the message is shown and the question asked again.
    tree = TREES["hjemmearbeid"]
    pick = lambda question, option: str([o.id for o in tree.questions[question].options].index(option) + 1)  # noqa: E731
    typed = "\n".join([pick("avtale", "nei"), pick("hvor", "hjemme"), pick("hvor-mye", "usikker"), "-1", "4", "3", "8",
                       pick("fordeling", "spredt")]) + "\n"
    code, out, _ = run(capsys, "walk", "hjemmearbeid", "--link", "https://x.example/beslutningstre/hjemmearbeid/",
                       stdin=typed, monkeypatch=monkeypatch)
    assert code == 0
    days = tree.questions["omfang"].fields[0]
    assert f"! {numbers.parse_field(days, '-1')[1]}" in out  # the tree's own message for a negative number
    assert f"Resultat: {tree.outcomes['sporadisk'].title}" in out
    assert "?svar=" in out and f"versjon {GUIDELINE.version}" in out
    # Citations name their place as the site does ("Punkt 8 b", "Hva betyr kortvarig").
    labels = CONTENT.labels()
    for citation in tree.outcomes["sporadisk"].citations:
        assert labels[citation.anchor] in out, citation.anchor


@pytest.mark.skipif(IN_PYODIDE, reason="the CLI renders the receipt with Jinja")
def test_walk_can_go_back(capsys, monkeypatch):
    code, out, _ = run(capsys, "walk", "reise", stdin="1\ntilbake\n2\n", monkeypatch=monkeypatch)
    assert code == 0 and f"Resultat: {TREES['reise'].outcomes['annen-reise'].title}" in out


def test_walk_stops_cleanly_at_end_of_input(capsys, monkeypatch):
    code, _, err = run(capsys, "walk", "reise", stdin="1\n", monkeypatch=monkeypatch)
    assert code == 1 and "Avbrutt" in err


def test_check_passes_for_the_trees_and_the_newest_guideline(capsys):
    code, out, _ = run(capsys, "check")
    assert code == 0 and f"versjon {GUIDELINE.version}" in out and "Alt er i orden" in out


def test_check_names_a_broken_kilde_file_once_at_its_line(capsys, monkeypatch, tmp_path):
    for folder in ("kilde", "content", "docs"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path)
    layout = tmp_path / "kilde" / "oppsett.toml"
    lines = layout.read_text(encoding="utf-8").split("\n")
    broken = next(n for n, line in enumerate(lines, start=1) if n > 2 and line.startswith("["))
    lines[broken - 1] = "[ikke lukket"
    layout.write_text("\n".join(lines), encoding="utf-8")
    monkeypatch.setenv("HJEMMEKONTOR_PROSJEKT", str(tmp_path))
    code, out, _ = run(capsys, "check")
    found = [line for line in out.splitlines() if "oppsett.toml" in line]
    assert code == 1 and len(found) == 1, out
    assert f"kilde/oppsett.toml:{broken}: fila er ikke gyldig TOML" in found[0], out
    assert "1 ting å rette" in out


@pytest.mark.skipif(IN_PYODIDE, reason="no subprocesses in Pyodide")
def test_module_runs_as_a_program():
    result = subprocess.run([sys.executable, "-m", "tooling", "paths", "utstyr", "--json"],
                            cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(result.stdout)["tree"] == "utstyr"
