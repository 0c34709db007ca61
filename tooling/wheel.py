"""The browser runtime as a wheel: exactly the `decision_tree` package, nothing else.

`build(package_dir, out_dir) -> Path` writes `decision_tree-<version>-py3-none-any.whl` from the
package's modules and data files. No tree data and no build tooling go in: the trees reach the
browser as the build's JSON bundle. Every entry has a fixed time stamp and the entries are sorted,
so the wheel is byte-identical until the runtime's own files change (its hash names the folder it is
served from, which browsers may then cache for a year). Standard library only.
"""

from __future__ import annotations

import base64
import hashlib
import zipfile
from pathlib import Path

NAME = "decision_tree"
VERSION = "1.0.0"
_FILES = ("*.py", "*.json")  # the modules, and legacy-v1.json (the frozen shapes of old links)
_STAMP = (1980, 1, 1, 0, 0, 0)


def _digest(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def contents(package_dir: Path) -> dict[str, bytes]:
    """Archive name -> bytes of every runtime file, sorted by name."""
    found = sorted(path for pattern in _FILES for path in package_dir.glob(pattern))
    return {f"{NAME}/{path.name}": path.read_bytes() for path in found}


def build(package_dir: Path, out_dir: Path) -> Path:
    dist_info = f"{NAME}-{VERSION}.dist-info"
    files = contents(package_dir)
    files[f"{dist_info}/METADATA"] = (
        f"Metadata-Version: 2.1\nName: {NAME}\nVersion: {VERSION}\n"
        "Summary: The decision-tree engine of the home-office guideline site (browser runtime)\n"
        "Requires-Python: >=3.12\n").encode()
    files[f"{dist_info}/WHEEL"] = (
        b"Wheel-Version: 1.0\nGenerator: tooling.wheel\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
    record = "".join(f"{name},{_digest(data)},{len(data)}\n" for name, data in files.items())
    files[f"{dist_info}/RECORD"] = (record + f"{dist_info}/RECORD,,\n").encode()
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{NAME}-{VERSION}-py3-none-any.whl"
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=_STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return target
