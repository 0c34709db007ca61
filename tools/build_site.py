"""`make site`: build into a new folder beside site/, and put it in place only when the build passed.

A failed build (a broken quote, an unreviewed answer, a placeholder address in a production build)
exits non-zero and leaves the last good site/ exactly as it was, so `make site && rsync …` can never
publish half a site or an old one by mistake. The new folder replaces site/ in one step where the
system allows it (Linux: renameat2 with RENAME_EXCHANGE swaps the two folders atomically);
elsewhere by two renames, with site/ missing for an instant and never half written.

Usage: python -m tools.build_site [--site-dir site] [more mkdocs build options]. Runs in the
current folder (the project's root); settings come from the environment (README.md, "Innstillinger").
"""

from __future__ import annotations

import argparse
import ctypes
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

RENAME_EXCHANGE = 2  # linux/fs.h
AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux); False where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0


def replace(new: Path, target: Path) -> None:
    """Put `new` where `target` is; the old site is deleted afterwards."""
    if not target.exists():
        new.rename(target)
        return
    if _exchange(new, target):
        shutil.rmtree(new)  # it now holds the old site
        return
    old = Path(tempfile.mkdtemp(prefix=".site-gammel-", dir=target.parent))
    old.rmdir()
    target.rename(old)
    new.rename(target)
    shutil.rmtree(old)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", default="site", type=Path)
    args, mkdocs_options = parser.parse_known_args(argv)
    target = args.site_dir.resolve()
    new = Path(tempfile.mkdtemp(prefix=".site-ny-", dir=target.parent))
    try:
        built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(new),
                                *mkdocs_options])
        if built.returncode != 0:
            print(f"Byggingen feilet (se over). {args.site_dir}/ er ikke endret: den forrige versjonen av "
                  "nettstedet står der fortsatt. Ikke publiser før byggingen går gjennom.", file=sys.stderr)
            return built.returncode
        new.chmod(0o755)  # mkdtemp makes it private; the web server must read the site
        replace(new, target)
    finally:
        if new.exists():
            shutil.rmtree(new)
    print(f"Nettstedet er bygget til {args.site_dir}/.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
