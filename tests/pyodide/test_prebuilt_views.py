"""The steps the build stores in each tree page (data-hk-views) are the engine's own replies: the engine
running in Pyodide, from the wheel and stdlib the site ships, gives the identical view for every stored
state and the identical reply to every stored click, decoded by the widget's own prebuilt.js
(check-prebuilt.mjs). One engine; the stored steps are its cached output."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from decision_tree import api
from tests.conftest import ROOT
from tests.content import TREES
from tooling import prebuilt_views

CHECK = Path(__file__).with_name("check-prebuilt.mjs")


def test_every_stored_step_is_the_engines_reply_in_pyodide(site_dir):
    node = shutil.which("node")
    assert node, "Node.js mangler (trengs for Pyodide-testene)"
    result = subprocess.run([node, str(CHECK), str(site_dir)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, (result.stdout + result.stderr)[-6000:]
    checked = json.loads(result.stdout)
    assert set(checked) == set(TREES)
    for slug, figures in checked.items():
        tree = TREES[slug]
        # At least the start, every outcome reached by choices, and each click from each of them.
        assert figures["complete"] and figures["states"] > len(tree.questions), (slug, figures)
        assert figures["replies"] > 2 * figures["states"], (slug, figures)


def test_a_tree_too_large_keeps_the_nearest_states_and_leaves_the_rest_to_the_engine(monkeypatch):
    module = prebuilt_views
    tree = max(TREES.values(), key=lambda t: len(t.questions))
    # Room for the start and all but one of its answers.
    cap = len(tree.questions[tree.start].options)
    assert cap >= 2 and len(module.prebuilt_views(tree)["views"]) > cap
    monkeypatch.setattr(module, "MAX_PREBUILT_STATES", cap)
    data = module.prebuilt_views(tree)
    state = data["fields"].index("state")
    assert len(data["views"]) == cap and data["complete"] is False
    assert data["views"][0][state] == "" == api.view(tree.slug, "")["state"]

    def refs(table):
        for value in table.values():
            if isinstance(value, dict):
                yield from refs(value)
            else:
                yield value[0] if isinstance(value, list) else value

    # Every stored reply leads to a stored state; a click beyond them goes to the engine.
    assert all(0 <= n < cap for table in data["next"] for n in refs(table))
    start_question = tree.questions[tree.start]
    stored = data["next"][0].get("answer", {}).get(tree.start, {})
    assert set(stored) < {o.id for o in start_question.options} | {""}
