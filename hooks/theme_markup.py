"""MkDocs hook: two fixes to Material's markup that the Nu Html Checker (npm vnu-jar) reports.

- Material's hidden toggles (`__drawer`, `__search`) are checkboxes with `autocomplete="off"`, which
  HTML allows only on text-like inputs. Firefox reads it as "do not restore this box on reload";
  without it, a page reloaded with the menu or search open opens with it open again.
- The table of contents has `<label for="__toc">`, whose checkbox Material renders only in the
  navigation's entry for the page. A page outside the navigation (an older guideline version) has no
  such checkbox, and the label points at nothing: it keeps its text, without the `for`.

tests/site/test_html_valid.py runs the checker over the built site.
"""

from __future__ import annotations

import re

_TOGGLE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')
_TOC_LABEL = ' for="__toc"'


def on_post_page(output: str, page, config) -> str:
    return _fix(output)


def on_post_template(output: str, template_name: str, config) -> str:
    """The 404 page, which MkDocs renders as a template, not as a page."""
    return _fix(output) if template_name.endswith(".html") else output


def _fix(output: str) -> str:
    output = _TOGGLE.sub(r"\1", output)
    if 'id="__toc"' not in output:
        output = output.replace(f'<label class="md-nav__title"{_TOC_LABEL}>', '<label class="md-nav__title">')
    return output
