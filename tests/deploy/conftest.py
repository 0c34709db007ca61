"""Deploy fixtures: the site built for /hjemmekontor/ and served by Debian's nginx with deploy/'s files.

The build gets its own folder (site/ stays as the other tests expect it) and a site_url with the
exact port nginx listens on: Material's instant navigation matches links against the sitemap,
which carries site_url's port and path.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

# Reused as they are: with base_url below, `context` guards third-party requests against nginx.
from tests.browser.conftest import axe, context, page  # noqa: F401
from tests.conftest import ROOT
from tools import run_nginx


@pytest.fixture(scope="session")
def nginx_port() -> int:
    if not run_nginx.find_nginx():
        pytest.fail(run_nginx.MISSING, pytrace=False)
    return run_nginx.free_port()


@pytest.fixture(scope="session")
def nginx_site(nginx_port: int):
    """`mkdocs build` with SITE_URL=http://127.0.0.1:<port>/hjemmekontor/, into a temporary folder."""
    out = Path(tempfile.mkdtemp(prefix="hjemmekontor-site-"))
    site_url = f"http://{run_nginx.HOST}:{nginx_port}/{run_nginx.MOUNT}/"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url},
    )
    yield out
    shutil.rmtree(out, ignore_errors=True)


@pytest.fixture(scope="session")
def nginx(nginx_site: Path, nginx_port: int):
    server = run_nginx.Nginx(nginx_site, nginx_port)
    server.__enter__()
    try:
        yield server
        log = server.errors()
    finally:
        server.__exit__()
    # Anything else nginx logged at warn or above (a bad directive, a file it could not read) is
    # a failure; the 404 tests' "not found" lines are expected.
    problems = [line for line in log.splitlines()
                if line.strip() and "is not found" not in line and "No such file or directory" not in line]
    assert not problems, "nginx logget:\n" + "\n".join(problems)


@pytest.fixture(scope="session")
def base_url(nginx) -> str:
    return nginx.url
