"""Small helpers for the deploy tests: raw HTTP against nginx, the CSP, and a page's inline scripts."""

from __future__ import annotations

import base64
import hashlib
import http.client
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

# `type` values that make a <script> executable (and so subject to script-src).
JS_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}


@dataclass
class Response:
    status: int
    headers: dict[str, str]  # lower-case names
    body: bytes

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


def get(url: str, *, gzip: bool = False, headers: dict[str, str] | None = None) -> Response:
    """One GET, no redirects followed and nothing decoded, so tests see what nginx sent."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    sent = {"Accept-Encoding": "gzip" if gzip else "identity", **(headers or {})}
    try:
        conn.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""), headers=sent)
        resp = conn.getresponse()
        return Response(resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read())
    finally:
        conn.close()


def csp(header: str) -> dict[str, list[str]]:
    """'default-src 'self'; script-src ...' -> {'default-src': ["'self'"], ...}"""
    policy: dict[str, list[str]] = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            policy[words[0].lower()] = words[1:]
    return policy


def sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.inline: list[str] = []
        self.handlers: list[str] = []  # on*= attributes and javascript: URLs, which no hash can allow
        self._current: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.handlers.append(f"<{tag} {name}={value!r}>")
        if tag == "script" and "src" not in attrs and (attrs.get("type") or "").strip().lower() in JS_TYPES:
            self._current = []

    def handle_data(self, data):
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._current is not None:
            self.inline.append("".join(self._current))
            self._current = None


def inline_scripts(html: str) -> tuple[list[str], list[str]]:
    """The executable inline scripts' texts, and any inline event handlers or javascript: URLs."""
    parser = _Scripts()
    parser.feed(html)
    parser.close()
    return parser.inline, parser.handlers
