"""Firefox ESR end to end: one smoke walk through a tree in Debian's firefox-esr, driven by puppeteer-core
over WebDriver BiDi (firefox-smoke.mjs). The rest of the browser tests run in Chromium."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from decision_tree import api
from tests.browser.widget import paths, plain, tree_url
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

FIREFOX = os.environ.get("FIREFOX", "/usr/bin/firefox-esr")
SMOKE = Path(__file__).with_name("firefox-smoke.mjs")
SLUG = "hjemmearbeid"


def test_a_walk_through_a_tree_works_in_firefox_esr(base_url):
    assert Path(FIREFOX).exists(), f"Firefox ESR mangler ({FIREFOX}): kjør 'make test', eller tools/ensure-firefox"
    node = shutil.which("node")
    assert node, "Node.js mangler"
    # A path with choices first and a number question: both the build's steps and the engine's.
    path = next(p for p in paths(SLUG) if any(s.question.kind == "number" for s in p.steps)
                and p.steps[0].question.kind == "choice")
    steps, state = [], ""
    for step in path.steps:
        raw = step.raw_answer()
        steps.append({"question": step.question.id, "kind": step.question.kind,
                      "option": step.option.id, "values": raw if isinstance(raw, dict) else {}})
        state = api.answer(SLUG, state, step.question.id, raw)["state"]
    job = {"url": base_url + tree_url(SLUG), "firefox": FIREFOX, "steps": steps,
           "outcome": plain(path.outcome.title), "state": state}
    result = subprocess.run([node, str(SMOKE), json.dumps(job)], cwd=ROOT, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    seen = json.loads(result.stdout)
    assert "Firefox/" in seen["userAgent"], seen
    assert seen["outcome"] == plain(path.outcome.title) and seen["state"] == state
    assert seen["requests"] > 10 and seen["foreign"] == [] and seen["errors"] == []
