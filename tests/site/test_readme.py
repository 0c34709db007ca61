"""The README is the contract with a newcomer: every command in it runs (or, where it acts on a server
or takes minutes, names a make target, a module and files that exist), and every `?svar=` link in it
opens the answers it shows in today's trees."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys

import pytest

from decision_tree import api
from tests.content import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
# Commands run on an intranet server (README's "Drift" part) or on the machine's own package manager:
# the test checks the files and settings they name, not the commands themselves.
SERVER = ("apt-get", "curl", "rsync", "nginx", "cp", "U=", "V=", "systemctl")
SLOW = ("make serve", "make test", "make bench", "make search-bench", "make nginx", "make load", "make site")


def commands() -> list[str]:
    """Every command line of the README's ```sh blocks, comments and continuations folded."""
    found = []
    for block in re.findall(r"```sh\n(.*?)```", README, re.S):
        for line in block.replace("\\\n", " ").splitlines():
            line = line.split("  #", 1)[0].strip()
            if line and not line.startswith("#"):
                found += [" ".join(part.split()) for part in line.split("&&")]
    return found


def test_the_readme_has_its_commands():
    assert any(c.startswith("make serve") for c in commands()) and any(c.startswith("make test") for c in commands())


@pytest.mark.parametrize("command", commands())
def test_every_command_in_the_readme_works(command):
    words = shlex.split(command)
    settings = [w for w in words if re.fullmatch(r"[A-Z_]+=\S*", w)]
    words = words[len(settings):]
    if command.startswith(SERVER) or (words and words[0].startswith(SERVER)):
        for path in re.findall(r"\b(deploy/[\w./-]+)", command):
            assert (ROOT / path).exists(), path
        return
    assert words, command
    if words[0] == "make":
        # The target exists and its recipe is sound (make -n prints it without running it).
        dry = subprocess.run(["make", "-n", *words[1:]], cwd=ROOT, capture_output=True, text=True)
        assert dry.returncode == 0, dry.stderr
        if command.startswith(SLOW):
            return
        run = subprocess.run(words, cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    elif words[0].endswith("/beslutningstre"):
        stdin = "avslutt\n" if words[1] == "walk" else None
        run = subprocess.run([str(ROOT / words[0]), *words[1:]], cwd=ROOT, input=stdin, capture_output=True,
                             text=True, timeout=120)
        assert run.returncode == (1 if stdin else 0), run.stdout[-2000:] + run.stderr[-2000:]
    elif words[:2] == [".venv/bin/python", "-m"]:
        module = words[2]
        run = subprocess.run([sys.executable, "-c", f"import importlib.util as u; assert u.find_spec({module!r})"],
                             cwd=ROOT, capture_output=True, text=True)
        assert run.returncode == 0, f"{module} finnes ikke"
    else:
        pytest.fail(f"README.md: ukjent slags kommando, legg den til i testen: {command}")


LINKS = re.findall(r"beslutningstre/([a-z0-9-]+)/\?svar=([\w.~-]+)", README)


def test_the_readme_shows_links_with_answers():
    assert LINKS


@pytest.mark.parametrize(("slug", "state"), LINKS)
def test_every_link_with_answers_in_the_readme_opens_its_answers(slug, state):
    view = api.view(slug, state)
    assert view["status"] != "invalid", f"README.md: ?svar={state} virker ikke i {slug}"
    assert view["dropped"] == 0, (f"README.md: ?svar={state}: {view['dropped']} av svarene passer ikke lenger i "
                                  f"{slug}; lag en ny lenke i treet og lim den inn")


def test_the_readmes_paths_json_example_is_a_real_path_in_the_documented_shape():
    import json

    from tests.content import CONTENT, TREES
    from tooling.paths import all_paths, paths_document

    example = json.loads(re.search(r"```json\n(\{.*?\})\n```", README, re.S).group(1))
    document = paths_document(TREES[example["tree"]], CONTENT.catalog)
    assert example.keys() == document.keys()
    [shown] = example["paths"]
    real = [p for p in document["paths"]
            if [(s["question_id"], s["option_id"]) for s in p["steps"]]
            == [(s["question_id"], s["option_id"]) for s in shown["steps"]]]
    assert real, ("README.md, «paths --json»: eksemplet viser en vei som ikke finnes i treet lenger; "
                  f"ta en vei fra `beslutningstre paths {example['tree']} --json`")
    [path] = real
    assert shown["outcome"].keys() == path["outcome"].keys() and shown["outcome"]["id"] == path["outcome"]["id"]
    for step, real_step in zip(shown["steps"], path["steps"], strict=True):
        assert step.keys() == real_step.keys()
    assert all_paths(TREES[example["tree"]])
