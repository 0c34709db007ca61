"""What a production build must not ship: a placeholder address for the form or for POU.

A production build is one whose `site_url` is not local (not 127.0.0.1, localhost or ::1, and not
empty). One rule says what a placeholder is: an empty value, a value without a host name, or an
address whose host (for mailto:, the domain after @) is a name reserved for examples and tests
(RFC 2606/6761): under .invalid, .example, .test or .localhost, or example.com, example.net,
example.org. mkdocs.yml's defaults are such placeholders, so a local build works as it is and a
production build needs the real addresses (README.md, "Innstillinger"). hooks/publish_guard.py
stops such a build with `refusal`'s message. Standard library only.
"""


from __future__ import annotations

from urllib.parse import unquote, urlsplit

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
RESERVED_TOP = ("invalid", "example", "test", "localhost")
RESERVED_DOMAINS = ("example.com", "example.net", "example.org")
# The settings a production build must have, with the environment variable that sets each (mkdocs.yml).
SETTINGS = {"skjema_url": "HJEMMEKONTOR_SKJEMA_URL", "pou_url": "POU_URL"}


def is_local(site_url: str | None) -> bool:
    """No site_url, or one on this machine: a developer's or a test's build."""
    return not site_url or urlsplit(site_url).hostname in LOCAL_HOSTS


def hosts(address: str) -> list[str]:
    """The host names an address leads to: the domain of each mailto: recipient, or the URL's host."""
    parts = urlsplit(address.strip())
    if parts.scheme == "mailto":
        recipients = [r.strip() for r in unquote(parts.path).split(",") if r.strip()]
        return [r.rpartition("@")[2].lower() for r in recipients if "@" in r]
    return [parts.hostname] if parts.hostname else []


def is_reserved(host: str) -> bool:
    host = host.rstrip(".").lower()
    return (host.rpartition(".")[2] in RESERVED_TOP
            or any(host == domain or host.endswith("." + domain) for domain in RESERVED_DOMAINS))


def is_placeholder(address: object) -> bool:
    found = hosts(address) if isinstance(address, str) else []
    return not found or any(is_reserved(host) for host in found)


def refusal(site_url: str | None, extra: dict) -> str:
    """Why a build must stop (Norwegian), or "" when it may go on."""
    if is_local(site_url):
        return ""
    placeholders = [name for name in SETTINGS if is_placeholder(extra.get(name))]
    if not placeholders:
        return ""
    lines = "\n".join(f"  extra.{name} = «{extra.get(name) or ''}» (sett {SETTINGS[name]})" for name in placeholders)
    return (f"Bygget stoppes: site_url er {site_url}, altså et bygg for publisering, men disse adressene "
            f"er fortsatt plassholdere:\n{lines}\n"
            "Sett de ekte adressene som miljøvariabler når du bygger (se README.md, «Innstillinger»). En adresse "
            "er en plassholder når den er tom, ikke er en hel adresse (https://… eller mailto:…), eller når "
            "domenet er reservert for eksempler (.invalid, .example, .test, example.com, example.net, example.org).")
