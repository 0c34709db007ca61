"""The built pages are valid HTML by the Nu Html Checker (npm vnu-jar, run offline with Java): our own
markup, and Material's where our overrides can mend it (hooks/theme_markup.py)."""

from __future__ import annotations

import json
import shutil
import subprocess

from tests.conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_passes_the_nu_html_checker(site_dir):
    java = shutil.which("java")
    assert java, "Java mangler (trengs for Nu Html Checker): apt-get install -y default-jre-headless"
    assert VNU.exists(), "vnu-jar mangler: kjør 'make setup' (npm ci)"
    pages = sorted(str(p) for p in site_dir.rglob("*.html") if "/assets/" not in str(p))
    assert len(pages) >= 10
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
                            capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    found = [f"{m['url'].split('/site/')[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert not found, "\n".join(found)
