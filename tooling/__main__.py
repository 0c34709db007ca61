"""`python -m tooling …`: the same command line as `beslutningstre …` (cli.py)."""

import sys

from .cli import main

sys.exit(main())
