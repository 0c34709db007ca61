"""MkDocs hook: a gzip and a brotli copy beside every compressible file in site/, for nginx
(tooling/precompress.py). Listed last under `hooks:` in mkdocs.yml, so it compresses what the other
hooks wrote. A build that only checks (HJEMMEKONTOR_ASSETS=0) skips it."""

from __future__ import annotations

from pathlib import Path

from tooling import build, precompress
from tooling.project import Project


def on_post_build(config) -> None:
    if build.assets_wanted():
        precompress.build(Path(config.site_dir), Project.of_config(config).cache)
