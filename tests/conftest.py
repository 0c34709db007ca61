"""Shared fixtures: the repo's paths and the built site."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from guideline import versions

# The site under test (SITE_DIR, default site/) and the Chromium to drive: shared with tools/.
from tools.devserver import CHROMIUM, ROOT, SITE, launch

# The content tests: they read the project under test (tests/content.py; HJEMMEKONTOR_PROSJEKT picks
# another, SITE_DIR its build) and hold for any content HR may write. The drill runs exactly these.
CONTENT_TESTS = ("tests/engine/", "tests/site/test_faq.py", "tests/site/test_writing_guide.py",
                 "tests/site/test_published_anchors.py", "tests/site/test_guideline_text.py",
                 "tests/search/test_queryset.py")


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
def drill(tmp_path_factory, site_dir):
    """HR's drill with a new version (tests/site/drill.py): a scratch copy of the project with the
    test-only fixture added to kilde/ as the next version, as HR would add a new text. Gives the
    check's output (what HR is told to update) and the site built from it on the day the new version
    takes effect, which shows it while the answers are not yet reviewed (a check-only build without --strict, with the
    runtime of site/ so the widget runs on it: tests/site/scratch.py)."""
    from tests.site import drill, scratch

    tmp = tmp_path_factory.mktemp("drill")
    project = scratch.project(tmp)
    previous = versions.load(project / "kilde")[-1].number
    version = drill.add_next_version(project / "kilde")
    env = drill.in_force(project / "kilde")
    check = drill.check(project, env)
    built = scratch.build(project, tmp / "site", "--no-strict", env=env)
    assert built.returncode == 0, (built.stdout + built.stderr)[-3000:]
    scratch.with_runtime(tmp / "site", project, site_dir, env)
    return SimpleNamespace(project=project, site=tmp / "site", check=check, build=built, version=version,
                           previous=previous, env=env)


@pytest.fixture(scope="session")
def upcoming(tmp_path_factory, site_dir):
    """Two versions added to kilde/ after the newest, numbered and dated after it as the drill does
    (tests/site/drill.py): the drill's fixture, then tests/fixtures/retningslinje-0.03.txt (test data,
    which changes the header, list items and headings of the one before). Built the day before the
    newest takes effect (with the runtime of site/: a browser test opens a tree page on it) and on
    that day (HJEMMEKONTOR_DATO). Check-only builds without --strict: the trees' quotes are not
    updated for them."""
    from tests.site import drill, scratch

    tmp = tmp_path_factory.mktemp("upcoming")
    project = scratch.project(tmp)
    for fixture in (drill.FIXTURE, drill.LATER):
        drill.add_next_version(project / "kilde", fixture)
    found = versions.load(project / "kilde")
    takes_effect = found[-1].document.meta.starts
    days = {"before": takes_effect.fromordinal(takes_effect.toordinal() - 1), "on": takes_effect}
    for name, day in days.items():
        built = scratch.build(project, tmp / name, "--no-strict", env={"HJEMMEKONTOR_DATO": day.isoformat()})
        assert built.returncode == 0, (built.stdout + built.stderr)[-3000:]
    scratch.with_runtime(tmp / "before", project, site_dir, {"HJEMMEKONTOR_DATO": days["before"].isoformat()})
    return SimpleNamespace(project=project, versions=found, before=tmp / "before", on=tmp / "on")
