"""Number questions: parse what a person typed, validate it, compute the value.

Values are kept as integers scaled by 10**decimals (exact, and short in a URL),
and compared as Fractions so a threshold like "under 1 day a week" is exact.
Every failure is a Norwegian message keyed by field id ("_" for the whole
question); nothing here raises on user input.
"""

from __future__ import annotations

import re
from fractions import Fraction

from .model import NumberField, Question

_NUMBER = re.compile(r"^([+-]?)(\d+)(?:[.,](\d+))?$", re.ASCII)
MAX_DIGITS = 7


def json_number(value: Fraction | None) -> int | float | None:
    """A Fraction as a JSON number: 2 stays an int, 0.5 becomes a float."""
    if value is None:
        return None
    return int(value) if value.denominator == 1 else float(value)


def scale(field: NumberField) -> int:
    return 10**field.decimals


def fmt(value: Fraction) -> str:
    """Norwegian number formatting: 0,75 and 2, at most two decimals."""
    hundredths = int((abs(value) * 100 + Fraction(1, 2)) // 1)  # round half up, exactly
    whole, part = divmod(hundredths, 100)
    text = str(whole) + (f",{part:02d}".rstrip("0") if part else "")
    return ("-" if value < 0 and hundredths else "") + text


def quantity(field: NumberField, value: Fraction) -> str:
    unit = field.unit_one if value == 1 and field.unit_one else field.unit
    return f"{fmt(value)} {unit}".strip()


def _name(field: NumberField) -> str:
    return f"«{field.label}»"


def parse_field(field: NumberField, raw: object) -> tuple[int | None, str]:
    """Raw text -> (scaled integer, "") or (None, Norwegian message)."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, f"Fyll inn et tall i {_name(field)}."
    if isinstance(raw, bool):
        return None, f"{_name(field)} må være et tall, for eksempel 3."
    if isinstance(raw, int):
        raw = str(raw)
    if not isinstance(raw, str):
        return None, f"{_name(field)} må være et tall, for eksempel 3."
    text = raw.strip().replace(" ", "").replace("\u00a0", "")
    match = _NUMBER.match(text)
    if not match or len(match.group(2)) > MAX_DIGITS:
        if match:
            return None, f"Tallet i {_name(field)} er for stort."
        return None, f"{_name(field)} må være et tall, for eksempel 3."
    sign, whole, part = match.groups()
    part = part or ""
    if sign == "-" and (int(whole) or int(part or "0")):
        return None, field.min_message or f"{_name(field)} kan ikke være negativt."
    if len(part.rstrip("0")) > field.decimals:
        if field.decimals == 0:
            return None, f"{_name(field)} må være et helt tall."
        return None, f"{_name(field)} kan ha høyst {field.decimals} desimal(er)."
    fraction = int(part.ljust(field.decimals, "0")[: field.decimals]) if field.decimals else 0
    scaled = int(whole) * scale(field) + fraction
    return scaled, ""


def check_field(field, scaled: int) -> str:
    """Range check of one parsed value; "" when it is within bounds."""
    value = Fraction(scaled, scale(field))
    if value < field.min:
        return field.min_message or f"{_name(field)} kan ikke være mindre enn {fmt(field.min)}."
    if field.max is not None and value > field.max:
        return field.max_message or f"{_name(field)} kan ikke være større enn {fmt(field.max)}."
    return ""


def check_scaled(question: Question, values: tuple[int, ...]) -> dict[str, str]:
    """Range checks on already-parsed values; {} when all is well."""
    errors = {f.id: m for f, v in zip(question.fields, values) if (m := check_field(f, v))}
    if not errors and question.max_value is not None:
        computed = compute(question, values)
        if computed is None or computed > question.max_value:
            errors["_"] = render_message(question, values)
    return errors


def render_message(question: Question, values: tuple[int, ...]) -> str:
    """The max_value message with {field_id}, {max} and {grense} filled in.

    {grense} is max_value times the denominator: "7 dager på 1 uke" style limits.
    """
    template = question.max_value_message or "Tallene henger ikke sammen. Se over og prøv igjen."
    by_id = {f.id: Fraction(v, scale(f)) for f, v in zip(question.fields, values)}
    names = {key.replace("-", "_"): fmt(value) for key, value in by_id.items()}
    limit = question.max_value if question.max_value is not None else Fraction(0)
    names["max"] = fmt(limit)
    names["grense"] = fmt(limit * by_id.get(question.denominator, Fraction(1)))
    try:
        return template.format_map(names)
    except (KeyError, ValueError, IndexError, AttributeError):
        return template


def compute(question: Question, values: tuple[int, ...]) -> Fraction | None:
    """The compared value: numerator, or numerator / denominator. None if undefined."""
    by_id = {f.id: Fraction(v, scale(f)) for f, v in zip(question.fields, values)}
    top = by_id.get(question.numerator)
    if top is None:
        return None
    if not question.denominator:
        return top
    bottom = by_id.get(question.denominator)
    if not bottom:
        return None
    return top / bottom


def parse_answer(question: Question, raw: object) -> tuple[tuple[int, ...] | None, dict[str, str]]:
    """Raw input {field_id: text} -> (scaled values, {}) or (None, errors)."""
    if not isinstance(raw, dict):
        return None, {"_": "Fyll inn tallene og prøv igjen."}
    values: list[int] = []
    errors: dict[str, str] = {}
    for field in question.fields:
        scaled, message = parse_field(field, raw.get(field.id))
        # Report every field's problem at once (range too), not only the first one typed wrong.
        if scaled is not None:
            message = message or check_field(field, scaled)
        if message or scaled is None:
            errors[field.id] = message
        else:
            values.append(scaled)
    if errors:
        return None, errors
    errors = check_scaled(question, tuple(values))
    if errors:
        return None, errors
    return tuple(values), {}


def pick_option(question: Question, values: tuple[int, ...]):
    """The range option the computed value falls in."""
    value = compute(question, values)
    if value is None:
        return None
    for option in question.options:
        if option.below is None or value < option.below:
            return option
    return None


def describe(question: Question, values: tuple[int, ...]) -> str:
    """A readable answer: "6 dager over 8 uker, altså 0,75 dager i uken i snitt"."""
    fields = {f.id: (f, Fraction(v, scale(f))) for f, v in zip(question.fields, values)}
    parts = [quantity(f, v) for f, v in fields.values()]
    if question.denominator and question.numerator in fields and question.denominator in fields:
        text = f"{quantity(*fields[question.numerator])} over {quantity(*fields[question.denominator])}"
    else:
        text = ", ".join(parts)
    value = compute(question, values)
    if question.denominator and value is not None and question.value_label:
        label = question.value_label_one if value == 1 and question.value_label_one else question.value_label
        text += f", altså {fmt(value)} {label}"
    return text


def display_values(question: Question, values: tuple[int, ...]) -> dict[str, str]:
    """What the inputs should show when the question is asked again."""
    return {f.id: fmt(Fraction(v, scale(f))) for f, v in zip(question.fields, values)}


def example(question: Question, option) -> tuple[int, ...] | None:
    """Scaled values whose computed value falls in `option`'s range, or None.

    Used to show HR an example per range, to drive every path in tests, and to
    prove each range can be chosen at all.
    """
    index = question.options.index(option)
    low = question.options[index - 1].below if index else None
    fields = {f.id: f for f in question.fields}
    top = fields.get(question.numerator)
    bottom = fields.get(question.denominator) if question.denominator else None
    if top is None:
        return None
    bottom_choices = [Fraction(1)] if bottom is None else []
    if bottom is not None:
        first = max(bottom.min, Fraction(1))
        step = Fraction(1, scale(bottom))
        candidate = first if (first * scale(bottom)).denominator == 1 else Fraction(int(first) + 1)
        while len(bottom_choices) < 60 and (bottom.max is None or candidate <= bottom.max):
            bottom_choices.append(candidate)
            candidate += step if step < 1 else 1
    # Prefer a readable example ("1 dag over 4 uker") over an extreme one.
    if bottom is not None and (bottom.max is None or bottom.max >= 4) and bottom.min <= 4:
        bottom_choices.insert(0, Fraction(4))
    step = Fraction(1, scale(top))
    for b in bottom_choices:
        start = max(top.min, (low or Fraction(0)) * b)
        whole = Fraction(max(-(-start.numerator // start.denominator), 1))
        on_grid = Fraction(-(-start.numerator * scale(top) // start.denominator), scale(top))
        for candidate in (whole, on_grid, on_grid + step, on_grid + 2 * step):
            if top.max is not None and candidate > top.max:
                break
            values = tuple(int((candidate if f is top else b if f is bottom else f.min) * scale(f))
                           for f in question.fields)
            if not check_scaled(question, values) and pick_option(question, values) is option:
                return values
    return None
