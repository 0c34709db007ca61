"""A Catalog (trees, shared data, guideline version) as one JSON document: what the browser loads.

The build writes it from the checked trees; the worker hands it to `api.load`. The browser then
needs neither the TOML files nor tomllib. Both directions walk the dataclasses in model.py, so a
new field needs nothing here; fields only the checks read (`line`, `authoring`) are left out.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from fractions import Fraction

from .model import Catalog, Common, Guideline, Tree, field_types

FORMAT = 2  # 2: the guideline beside the trees, not inside `common`


def _dump(value):
    if dataclasses.is_dataclass(value):
        return {f.name: _dump(getattr(value, f.name)) for f in dataclasses.fields(value)
                if not (f.metadata.get("line") or f.metadata.get("authoring")) and f.compare}
    if isinstance(value, Fraction):
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, (tuple, list)):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value


def _load(hint, value):
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if value is None:
        return None
    if origin is types.UnionType and type(None) in args:  # X | None
        hint = next(a for a in args if a is not type(None))
        origin, args = typing.get_origin(hint), typing.get_args(hint)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = field_types(hint)
        return hint(**{f.name: _load(hints[f.name], value[f.name]) for f in dataclasses.fields(hint)
                       if f.name in value})
    if origin is tuple:
        return tuple(_load(args[0], v) for v in value)
    if origin is dict:
        return {k: _load(args[1], v) for k, v in value.items()}
    if Fraction in (hint, *args):
        return Fraction(value)
    return value


def dump(catalog: Catalog) -> dict:
    return {"format": FORMAT, "common": _dump(catalog.common), "guideline": _dump(catalog.guideline),
            "trees": [_dump(t) for t in catalog.trees.values()]}


def load(data: dict) -> Catalog:
    if data.get("format") != FORMAT:
        raise ValueError(f"unknown bundle format {data.get('format')!r}")
    trees: list[Tree] = [_load(Tree, t) for t in data["trees"]]
    return Catalog({t.slug: t for t in trees}, _load(Common, data["common"]), _load(Guideline, data["guideline"]))

