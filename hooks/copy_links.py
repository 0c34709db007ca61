"""MkDocs hook: a "Kopier lenke" button beside every FAQ answer and every guideline point.

A page asks for the buttons in its front matter (`copy_links: true`: docs/faq.md, and the guideline's
pages through overrides/partials/guideline/page.md). Each heading with an id below the title gets
one after it; each paragraph or list item with its own permalink ("#", the guideline's sub-points such
as punkt-8b and punkt-7a) gets one after that "#". The markup and words are the partials'
(overrides/partials/copy-link.html and copy-link-messages.html); this only finds the places
and names them: a heading by its text, a paragraph by its heading and first words.
"""

from __future__ import annotations

import re
from html import unescape

import jinja2

from tooling import build

MARK = "copy_links"
BUTTON = "partials/copy-link.html"
MESSAGES = "partials/copy-link-messages.html"
OPENING_WORDS = 6
_PLACES = re.compile(
    r'(?P<heading><h(?P<rank>[2-6]) id="(?P<hid>[^"]+)"[^>]*>(?P<title>.*?)</h(?P=rank)>)'
    r'|(?P<start><(?P<tag>p|li) id="(?P<pid>[^"]+)"[^>]*>)(?P<words>(?:(?!</(?P=tag)>).)*?)'
    r'(?P<permalink><a class="headerlink" href="#(?P=pid)"[^>]*>[^<]*</a>)', re.S)
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", _PERMALINK.sub("", html))).split())


def buttons(html: str, env: jinja2.Environment) -> str:
    """`html` with a button after each place, and the messages at the end (if there was a place)."""
    button = env.get_template(BUTTON)
    heading = ""
    out, position = [], 0
    for match in _PLACES.finditer(html):
        out.append(html[position:match.end()])
        position = match.end()
        if match.group("heading"):
            heading = _text(match.group("title"))
            out.append(button.render(anchor=match.group("hid"), name=heading, opening=""))
        else:
            words = _text(match.group("words")).split()
            opening = " ".join(words[:OPENING_WORDS]) + (" …" if len(words) > OPENING_WORDS else "")
            out.append(button.render(anchor=match.group("pid"), name=heading, opening=opening))
    if not out:
        return html
    out.append(html[position:])
    out.append(env.get_template(MESSAGES).render())
    return "".join(out)


def on_page_content(html: str, page, config, files) -> str:
    if not page.meta.get(MARK):
        return html
    return buttons(html, build.environment(config, page.file.src_uri))
