"""The browser script of the site, bundled by esbuild (pinned in package.json) from small ES modules.

`bundle(entry, root) -> str`: the modules reachable from `entry` as one classic script (an IIFE).
Each module keeps its own scope, so one module's private name never replaces another's.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from .project import Project

# Browsers the site supports: the last two years of Chromium, Firefox ESR and Safari.
TARGETS = "chrome110,firefox115,safari16"


class BundleError(Exception):
    """esbuild is missing or failed; the message says so in Norwegian."""


def bundle(entry: Path, root: Path, banner: str = "") -> str:
    """`root` is the project: esbuild is its node_modules/.bin/esbuild."""
    esbuild = Project(root).node_modules / ".bin" / "esbuild"
    if not esbuild.exists() or not shutil.which("node"):
        raise BundleError("esbuild mangler: kjør «make setup» (npm ci).")
    command = [str(esbuild), str(entry), "--bundle", "--format=iife", f"--target={TARGETS}", "--charset=utf8",
               "--legal-comments=none", "--log-level=error"]
    if banner:
        command.append(f"--banner:js={banner}")
    result = subprocess.run(command, capture_output=True, text=True, cwd=root)
    if result.returncode != 0:
        raise BundleError(f"esbuild feilet:\n{result.stderr[-4000:]}")
    return result.stdout
