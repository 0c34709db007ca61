"""The .gz and .br files the build writes (hooks/precompress.py) match their originals, and cover what they should.

nginx's gzip_static and brotli_static send a copy without looking inside, so a stale one would
serve old content.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli
import pytest

COMPRESSIBLE = {".html", ".js", ".mjs", ".css", ".json", ".xml", ".svg", ".wasm"}


@pytest.fixture(scope="module", params=["site", "nginx_site"])
def build(request) -> Path:
    # site/ is what `make site` hands the admin; the nginx build is what the other tests serve.
    return request.getfixturevalue("site_dir" if request.param == "site" else "nginx_site")


@pytest.mark.parametrize("suffix, decompress", [(".gz", gzip.decompress), (".br", brotli.decompress)],
                         ids=["gzip", "brotli"])
def test_every_copy_is_its_original_compressed(build, suffix, decompress):
    copies = sorted(build.rglob(f"*{suffix}"))
    assert len(copies) > 20
    for packed in copies:
        original = packed.with_suffix("")
        assert original.is_file(), f"{packed.relative_to(build)} uten original"
        assert decompress(packed.read_bytes()) == original.read_bytes(), packed.relative_to(build)


def test_compressible_files_have_a_gz(build):
    missing = [p.relative_to(build).as_posix() for p in build.rglob("*")
               if p.suffix in COMPRESSIBLE and p.stat().st_size >= 4096
               and not p.with_name(p.name + ".gz").exists()]
    assert not missing
    for name in ("index.html", "search/sok.json"):
        assert (build / (name + ".gz")).exists()
    assert next(build.glob("assets/pyodide/*/pyodide.asm.wasm.gz"))


def test_every_gz_has_a_br_beside_it(build):
    # The same files get both: a browser that takes br never falls back to gzip for a file that
    # has a .gz. (sitemap.xml.gz is MkDocs' own, for crawlers.)
    gz = {p.with_suffix("") for p in build.rglob("*.gz")} - {build / "sitemap.xml"}
    br = {p.with_suffix("") for p in build.rglob("*.br")}
    assert gz == br


def test_brotli_saves_on_the_big_files(build):
    # Measured: the wasm is 3.53 MB as gzip -9 and 2.74 MB as brotli at quality 11.
    for pattern in ("assets/pyodide/*/pyodide.asm.wasm", "assets/pyodide/*/pyodide.asm.mjs"):
        original = next(build.glob(pattern))
        gz = original.with_name(original.name + ".gz").stat().st_size
        br = original.with_name(original.name + ".br").stat().st_size
        assert br < 0.85 * gz, (pattern, br, gz)
