"""The engine test suite, run again inside Pyodide under Node, offline, against exactly the stdlib zip
the site ships (run-engine-tests.mjs).

Needs Node, node_modules/pyodide (npm ci) and the test wheels (make pyodide-test-wheels);
`make test` provides all three. A missing piece fails here rather than skipping, so the
Pyodide run cannot silently drop out of the suite.
"""

from __future__ import annotations

import re
import shutil
import subprocess

from tests.content import REPO as ROOT

RUNNER = ROOT / "tests" / "pyodide" / "run-engine-tests.mjs"


def test_engine_suite_passes_inside_pyodide_offline(site_dir):
    node = shutil.which("node")
    assert node, "Node.js mangler (trengs for Pyodide-testene)"
    result = subprocess.run([node, str(RUNNER)], cwd=ROOT, capture_output=True, text=True, timeout=900)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-6000:]
    assert "på emscripten" in output  # it really ran in Pyodide
    assert "standardbibliotek: python_stdlib-" in output  # with the site's own stdlib zip
    summary = re.search(r"(\d+) passed", output)
    assert summary and int(summary.group(1)) >= 100, output[-3000:]
    assert " failed" not in output and "NETTVERK BLOKKERT" not in output
