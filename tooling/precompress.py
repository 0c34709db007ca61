"""A gzip and a brotli copy beside every compressible file in site/, for nginx.

hooks/precompress.py runs `build` after every other hook, so `make site` output is ready to deploy
as it is. The server then sends `foo.js.br` (brotli_static)
or `foo.js.gz` (gzip_static) for `foo.js` without compressing anything per request: the 9.6 MB
Pyodide wasm would cost a CPU-second each time as gzip, and most of a minute as brotli at its best
quality.

- Output is reproducible (no name or timestamp in the gzip header; brotli has none), so
  unchanged files keep their bytes and ETags stay meaningful.
- Large files are cached under .cache/ by the sha256 of their contents: Pyodide's and Mermaid's
  files never change between builds, and brotli at quality 11 takes 46 s for the wasm alone on
  this project's 2-core machines (measured; gzip -9 takes 1.5 s).
- A copy is kept only where it saves at least 10 %; nginx falls back to the plain file otherwise.
- Brotli is served only where the server has Debian's brotli_static module; gzip stays the
  fallback for every client and server (README.md, "Drift på intranettet").
"""

from __future__ import annotations

import gzip
import hashlib
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

# Text and wasm compress well; so does the stdlib zip, which is stored uncompressed on purpose
# (tools/compile-stdlib.mjs). Wheels and images are compressed already.
SUFFIXES = {".html", ".js", ".mjs", ".css", ".json", ".xml", ".svg", ".txt", ".wasm", ".map", ".zip"}
MIN_SIZE = 1024  # below one packet, compression saves nothing worth a second file
MIN_SAVING = 0.10
CACHE_FROM = 256 * 1024  # hashing is cheaper than compressing only for the big files

# Brotli's best quality: every file is compressed once per content and then cached, so the
# time buys the last bytes on the wire (wasm: 2.74 MB at 11 against 2.79 MB at 10, 3.10 MB at 9).
BROTLI_QUALITY = 11


def gzip_compress(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def brotli_compress(data: bytes) -> bytes:
    import brotli  # pinned in requirements.txt; imported here: only builds that compress need it

    return brotli.compress(data, quality=BROTLI_QUALITY)


# suffix -> (compress, cache folder under .cache/). The folder names the settings, so a
# change of quality never serves an old cache entry.
ENCODINGS = {
    ".gz": (gzip_compress, "gzip"),
    ".br": (brotli_compress, f"brotli-q{BROTLI_QUALITY}"),
}


def _cached(data: bytes, suffix: str, cache: Path) -> bytes:
    packer, folder = ENCODINGS[suffix]
    path = cache / folder / f"{hashlib.sha256(data).hexdigest()}{suffix}"
    if path.exists():
        return path.read_bytes()
    packed = packer(data)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Builds may run side by side (mkdocs serve, tests): each writes its own file, then moves it.
    partial = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    partial.write_bytes(packed)
    partial.replace(path)
    return packed


def _pack(path: Path, suffix: str, cache: Path) -> tuple[Path, bytes | None]:
    """The compressed copy of `path` to write beside it, or None where none should exist."""
    target = path.with_name(path.name + suffix)
    data = path.read_bytes()
    if len(data) < MIN_SIZE:
        return target, None
    packed = _cached(data, suffix, cache) if len(data) >= CACHE_FROM else ENCODINGS[suffix][0](data)
    if len(packed) > len(data) * (1 - MIN_SAVING):
        return target, None
    return target, packed


def build(site_dir: Path, cache: Path) -> int:
    """Write `<file>.gz` and `<file>.br` beside each compressible file; drop stale ones. Large
    files' copies are cached in `cache` (the project's .cache/).

    Returns how many copies were written or kept."""
    jobs = []
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file():
            continue
        if path.suffix in ENCODINGS:
            # A copy whose original is gone or no longer worth compressing must not be served.
            original = path.with_suffix("")
            if not original.exists() or original.suffix not in SUFFIXES:
                path.unlink()
            continue
        # MkDocs writes sitemap.xml.gz itself, for crawlers; leave it as it is.
        if path.suffix not in SUFFIXES or path.name == "sitemap.xml":
            continue
        jobs += [(path, suffix) for suffix in ENCODINGS]
    # Biggest first, on every core: zlib and brotli release the GIL, and the wasm's brotli
    # dominates a build with an empty cache.
    jobs.sort(key=lambda job: -job[0].stat().st_size)
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(lambda job: _pack(job[0], job[1], cache), jobs))
    written = 0
    for target, packed in results:
        if packed is None:
            target.unlink(missing_ok=True)
            continue
        if not target.exists() or target.read_bytes() != packed:
            target.write_bytes(packed)
        written += 1
    return written
