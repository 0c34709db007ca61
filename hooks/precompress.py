"""MkDocs hook: a gzip copy beside every compressible file in site/, for nginx's `gzip_static`.

Listed last under `hooks:` in mkdocs.yml, so it compresses what the other hooks wrote, and
`make site` output is ready to deploy as it is. The
server then sends `foo.js.gz` for `foo.js` without compressing anything per request (the 9.6 MB
Pyodide wasm would cost a CPU-second each time at level 9).

- Output is reproducible (no name or timestamp in the gzip header), so unchanged files keep
  their bytes and ETags stay meaningful.
- Large files are cached under .cache/gzip/ by the sha256 of their contents: Pyodide's files
  never change between builds, and recompressing them would cost seconds on every build.
- A .gz is kept only where it saves at least 10 %; nginx falls back to the plain file otherwise.
  No brotli: Debian's nginx has no brotli module (see README.md, "Drift på intranettet").
"""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "gzip"

# Text and wasm compress well; so does the stdlib zip, which is stored uncompressed on purpose
# (tools/compile-stdlib.mjs). Wheels and images are compressed already.
SUFFIXES = {".html", ".js", ".mjs", ".css", ".json", ".xml", ".svg", ".txt", ".wasm", ".map", ".zip"}
MIN_SIZE = 1024  # below one packet, compression saves nothing worth a second file
MIN_SAVING = 0.10
CACHE_FROM = 256 * 1024  # hashing is cheaper than compressing only for the big files


def compress(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def _cached(data: bytes) -> bytes:
    key = hashlib.sha256(data).hexdigest()
    path = CACHE / f"{key}.gz"
    if path.exists():
        return path.read_bytes()
    packed = compress(data)
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".tmp")
    partial.write_bytes(packed)
    partial.replace(path)
    return packed


def build(site_dir: Path) -> int:
    """Write `<file>.gz` beside each compressible file; drop stale ones. Returns how many were written."""
    written = 0
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file():
            continue
        if path.suffix == ".gz":
            # A .gz whose original is gone or no longer worth compressing must not be served.
            original = path.with_suffix("")
            if not original.exists() or original.suffix not in SUFFIXES:
                path.unlink()
            continue
        # MkDocs writes sitemap.xml.gz itself, for crawlers; leave it as it is.
        if path.suffix not in SUFFIXES or path.name == "sitemap.xml":
            continue
        target = path.with_name(path.name + ".gz")
        data = path.read_bytes()
        if len(data) < MIN_SIZE:
            target.unlink(missing_ok=True)
            continue
        packed = _cached(data) if len(data) >= CACHE_FROM else compress(data)
        if len(packed) > len(data) * (1 - MIN_SAVING):
            target.unlink(missing_ok=True)
            continue
        if not target.exists() or target.read_bytes() != packed:
            target.write_bytes(packed)
        written += 1
    return written


def on_post_build(config) -> None:
    build(Path(config.site_dir))
