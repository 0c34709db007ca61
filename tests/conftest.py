"""Shared fixtures: the repo's paths and the built site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

# The site under test (SITE_DIR, default site/) and the Chromium to drive: shared with tools/.
from tools.devserver import CHROMIUM, ROOT, SITE, launch

# The content tests: they read the project under test (tests/content.py; HJEMMEKONTOR_PROSJEKT picks
# another, SITE_DIR its build) and hold for any content HR may write. The drill runs exactly these.
CONTENT_TESTS = ("tests/engine/", "tests/site/test_faq.py", "tests/site/test_writing_guide.py",
                 "tests/site/test_published_anchors.py", "tests/site/test_guideline_text.py")


def pytest_collection_modifyitems(config, items):
    for item in items:
        where = Path(item.fspath).relative_to(ROOT).as_posix()
        if where.startswith(CONTENT_TESTS):
            item.add_marker(pytest.mark.content)


@pytest.fixture(scope="session")
def site_dir() -> Path:
    """The built site. `make test` builds it first; build it here when run bare."""
    if not (SITE / "index.html").exists() or os.environ.get("REBUILD_SITE"):
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(SITE)],
            cwd=ROOT, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    return SITE


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the session, shared by tests/browser/ and tests/deploy/ (Playwright's sync
    API cannot run two at once)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium mangler ({CHROMIUM}): kjør 'make test', eller 'apt-get install -y chromium'.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@pytest.fixture(scope="session")
def drill(tmp_path_factory):
    """HR's drill with a new version (tests/site/drill.py): a scratch copy of the project with the
    test-only fixture added to kilde/ as the next version, as HR would add a new text. Gives the
    check's output (what HR is told to update) and the site built from it, which shows the new
    version while the answers are not yet reviewed (a build without --strict)."""
    from tests.site import drill, scratch

    tmp = tmp_path_factory.mktemp("drill")
    project = scratch.project(tmp)
    version = drill.add_next_version(project / "kilde")
    check = drill.check(project)
    built = scratch.build(project, tmp / "site", "--no-strict")
    assert built.returncode == 0, (built.stdout + built.stderr)[-3000:]
    return SimpleNamespace(project=project, site=tmp / "site", check=check, build=built, version=version)


@pytest.fixture(scope="session")
def upcoming(tmp_path_factory):
    """A future version added to kilde/: the drill's 0.02 fixture and tests/fixtures/retningslinje-0.03.txt
    (test data, dated ahead of 0.02), built the day before the newest takes effect and on that day
    (HJEMMEKONTOR_DATO). Without --strict: the trees' quotes are not updated for it."""
    from guideline import versions
    from tests.content import FIXTURES
    from tests.site import scratch

    tmp = tmp_path_factory.mktemp("upcoming")
    project = scratch.project(tmp)
    for name in ("retningslinje-0.02.txt", "retningslinje-0.03.txt"):
        shutil.copy(FIXTURES / name, project / "kilde")
    found = versions.load(project / "kilde")
    takes_effect = found[-1].document.meta.starts
    sites = {}
    for name, day in (("before", takes_effect.fromordinal(takes_effect.toordinal() - 1)), ("on", takes_effect)):
        built = scratch.build(project, tmp / name, "--no-strict", env={"HJEMMEKONTOR_DATO": day.isoformat()})
        assert built.returncode == 0, (built.stdout + built.stderr)[-3000:]
        sites[name] = tmp / name
    return SimpleNamespace(project=project, versions=found, before=sites["before"], on=sites["on"])
