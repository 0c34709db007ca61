"""The project's tooling, above the browser runtime (decision_tree) and the guideline package:
it reads what HR edits (kilde/, content/, docs/), checks it, and gives the build, the tests and
the command line what they share. Nothing below imports it.

- project.py   where a project's folders are (the only place that knows the layout)
- registry.py  THE loader: guideline versions, external sources, common data, trees, checked once
- load.py      tree TOML -> model, file:line problems;  tree_checks.py  graph and content checks
- quotes.py    where the project quotes the guideline;  checks.py  what HR must update
- paths.py     every path through a tree;  receipt.py  the plain-text receipt
- cli.py       `beslutningstre list | walk | paths | check`
"""
