"""MkDocs hook: a production build never ships a placeholder address for the form or for POU.

The rule, and what counts as production and as a placeholder, is tooling/publishing.py. Listed first
in mkdocs.yml, so a wrong setting stops the build before anything is written.
"""

from __future__ import annotations

from tooling import build, publishing


def on_config(config):
    message = publishing.refusal(config.site_url, dict(config.extra))
    if message:
        raise build.fail(message)
    return config
