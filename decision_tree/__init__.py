"""Decision trees for Troms fylkeskommune's home-office guideline.

Standard library only: the same code runs in the build, the tests, the CLI
and, through Pyodide, in the browser. The browser calls `decision_tree.api`.
"""
