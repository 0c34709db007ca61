"""Problems found in the files HR edits, reported as `file:line: message` (in Norwegian: HR reads them).

`Problem` is one finding; `ProblemError` carries a list of them. Every reader of the project's files
raises a subclass (guideline.layout.SourceError for kilde/, tooling.load.TreeError for the trees), so
a caller can catch them all as ProblemError. Standard library only.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    source: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.message}"


class ProblemError(Exception):
    """One or more problems that make a file unusable."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def display_path(path: Path) -> str:
    """A path as HR sees it: relative to the working directory when possible."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
