"""tooling/precompress.py on a small folder: what gets a .gz and a .br, stale copies, reproducible bytes."""

from __future__ import annotations

import gzip
import os

import brotli
import pytest

from tooling import precompress


@pytest.fixture
def cache(tmp_path):
    return tmp_path / "cache"


@pytest.fixture
def folder(tmp_path):
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "index.html").write_text("<p>Hjemmekontor</p>\n" * 400, encoding="utf-8")
    (site / "assets" / "big.js").write_text("export const x = 'hjemmekontor';\n" * 10_000, encoding="utf-8")
    (site / "assets" / "tiny.css").write_text("a{}", encoding="utf-8")
    (site / "assets" / "noise.wasm").write_bytes(os.urandom(4096))  # compresses to nothing
    (site / "assets" / "engine.whl").write_bytes(b"PK" * 2048)  # a zip: never compressed again
    (site / "gone.js.br").write_bytes(b"stale")  # its original was removed
    (site / "gone.js.gz").write_bytes(b"stale")
    return site


def copies(site):
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.suffix in (".gz", ".br"))


def test_gz_and_br_beside_what_is_worth_it_and_nothing_stale(folder, cache):
    precompress.build(folder, cache)
    assert copies(folder) == ["assets/big.js.br", "assets/big.js.gz", "index.html.br", "index.html.gz"]
    for name in ("index.html", "assets/big.js"):
        data = (folder / name).read_bytes()
        assert gzip.decompress((folder / (name + ".gz")).read_bytes()) == data
        assert brotli.decompress((folder / (name + ".br")).read_bytes()) == data


def test_reproducible_and_cached_by_content(folder, cache):
    precompress.build(folder, cache)
    first = {p: (folder / p).read_bytes() for p in copies(folder)}
    # big.js is past CACHE_FROM: both copies are cached under their settings and content hash.
    cached = sorted(p.relative_to(cache).as_posix() for p in cache.rglob("*.*"))
    assert [c.split("/")[0] for c in cached] == ["brotli-q11", "gzip"]
    assert precompress.build(folder, cache) == 4
    assert {p: (folder / p).read_bytes() for p in copies(folder)} == first


def test_a_changed_file_gets_new_copies(folder, cache):
    precompress.build(folder, cache)
    (folder / "index.html").write_text("<p>Ny tekst</p>\n" * 400, encoding="utf-8")
    precompress.build(folder, cache)
    assert brotli.decompress((folder / "index.html.br").read_bytes()) == (folder / "index.html").read_bytes()
    assert gzip.decompress((folder / "index.html.gz").read_bytes()) == (folder / "index.html").read_bytes()
