"""Phone numbers in right-to-left documents are drawn as typed, never reordered.

pypdf cannot read Arabic-script pages back, so this watches what the text layer draws: every
line handed to the canvas, with its runs in visual order.  A phone number must sit inside
left-to-right runs, its characters in reading order ("(508) 555-0142", not "555-0142 (508)"
as the bidi algorithm shows it when the number is not isolated).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from prepkit.forms import _runs, text
from prepkit.forms.render import render_document
from prepkit.plan import Phone, Plan
from prepkit.validate import format_phone_for_reading
from tests.forms import fixtures as fx

RTL_LANGS = ("ar", "ps", "fa_AF")
# (document, with English): the documents that print the plan's phone numbers
DOCUMENTS = [
    ("school-letter", False),  # always bilingual
    ("family-plan", False),
    ("family-plan", True),
    ("child-cards", False),
    ("child-cards", True),
    ("caregiver-packet", False),
]


def plan_phones(plan: Plan) -> set[str]:
    """Every phone number of the plan, as the documents format it for reading."""

    def walk(value: object) -> Iterator[Phone]:
        if isinstance(value, Phone):
            yield value
        elif isinstance(value, list | tuple):
            for item in value:
                yield from walk(item)
        elif hasattr(value, "__dataclass_fields__"):
            for name in value.__dataclass_fields__:
                yield from walk(getattr(value, name))

    return {format_phone_for_reading(p) for p in walk(plan) if p.text}


def readable(value: str) -> str:
    return "".join(c for c in value if c not in _runs.HIDDEN).replace("\u00a0", " ")


def left_to_right_pieces(line: text.Line) -> list[str]:
    """The line as drawn, cut wherever a right-to-left run sits: what is left reads, left to
    right, exactly as it appears on paper."""
    pieces, current = [], ""
    for run in line.runs:
        if run.rtl:
            pieces.append(current)
            current = ""
        else:
            current += run.text
    return [readable(p) for p in [*pieces, current] if p]


def drawn_lines(monkeypatch: pytest.MonkeyPatch, plan: Plan, doc: str, lang: str,
                english: bool) -> list[text.Line]:
    lines: list[text.Line] = []
    draw = text._draw

    def spy(canvas, line, left, y, size, color):  # type: ignore[no-untyped-def]
        lines.append(line)
        draw(canvas, line, left, y, size, color)

    with monkeypatch.context() as patch:
        patch.setattr(text, "_draw", spy)
        render_document(plan, doc, lang, with_english=english)
    return lines


@pytest.mark.parametrize("lang", RTL_LANGS)
@pytest.mark.parametrize(("doc", "english"), DOCUMENTS)
def test_phone_numbers_are_drawn_in_reading_order(
    monkeypatch: pytest.MonkeyPatch, doc: str, english: bool, lang: str
) -> None:
    plan = fx.sample_plan()
    phones = plan_phones(plan)
    seen = 0
    for line in drawn_lines(monkeypatch, plan, doc, lang, english):
        typed = readable(line.text)
        pieces = left_to_right_pieces(line)
        for phone in phones:
            wanted = typed.count(phone)
            if not wanted:
                continue
            drawn = sum(piece.count(phone) for piece in pieces)
            assert drawn == wanted, (
                f"{doc} {lang}: {phone!r} is not drawn left to right in reading order on "
                f"{typed!r} (drawn as {[r.text for r in line.runs]})"
            )
            seen += wanted
    assert seen >= 3, f"{doc} {lang}: too few phone numbers drawn to prove anything"


def test_the_check_sees_a_phone_number_that_is_not_isolated(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from prepkit.forms import writer

    monkeypatch.setattr(writer.Writer, "phone", lambda self, phone: format_phone_for_reading(phone))
    with pytest.raises(AssertionError, match="not drawn left to right"):
        test_phone_numbers_are_drawn_in_reading_order(monkeypatch, "school-letter", False, "ar")
