"""The one place the documents touch the text layer (``prepkit.forms.text``).

Documents never build reportlab Paragraphs or call ``drawString`` themselves: mixed scripts,
bidi reordering, shaping and font fallback are the text layer's job, and reportlab's own RTL
path is broken (PDF-NOTES.md).  Keeping every call here means a change in the text layer's API
touches one small module, not nine documents.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from reportlab.lib.colors import Color, HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from prepkit.forms import text as _text

Align = Literal["start", "end", "center"]
Anchor = Literal["left", "right", "center"]

INK = HexColor("#1b1b1b")
MUTED = HexColor("#5a5a5a")


@dataclass(frozen=True)
class Look:
    """How a run of text looks, in the document's own terms (start/end, not left/right)."""

    size: float = 10.5
    leading: float | None = None
    bold: bool = False
    color: Color = INK
    align: Align = "start"
    space_before: float = 0.0
    space_after: float = 0.0

    @property
    def line_height(self) -> float:
        return self.leading or round(self.size * 1.35, 1)

    def but(self, **changes: object) -> Look:
        return replace(self, **changes)  # type: ignore[arg-type]


def isolate(user_text: str) -> str:
    """Wrap text the family typed so it keeps its own direction inside any sentence."""
    return _text.isolate(user_text)


def _align(look: Look, rtl: bool) -> Anchor:
    if look.align == "center":
        return "center"
    start_is_left = not rtl
    return "left" if (look.align == "start") == start_is_left else "right"


def paragraph(text: str, look: Look, *, rtl: bool, english: bool = False) -> Flowable:
    """A wrapping paragraph in the document's direction; it splits across pages.

    ``english`` is the English beneath a label in a bilingual copy: it reads left to right but
    sits on the same side as the label it translates, so an Arabic page stays mirrored."""
    return _text.Para(
        text,
        size=look.size,
        leading=look.line_height,
        bold=look.bold,
        color=look.color,
        align=_align(look, rtl),
        direction="ltr" if english or not rtl else "rtl",
        space_before=look.space_before,
        space_after=look.space_after,
    )


def width(text: str, size: float, *, bold: bool = False) -> float:
    return _text.measure(text, size=size, bold=bold)


def draw(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    *,
    size: float,
    bold: bool = False,
    color: Color = INK,
    anchor: Anchor = "left",
    rtl: bool = False,
) -> None:
    """One line of text at a baseline; ``anchor`` says which end of the line sits at ``x``."""
    _text.draw_line(
        canvas,
        x,
        y,
        text,
        size=size,
        bold=bold,
        color=color,
        anchor=anchor,
        direction="rtl" if rtl else "ltr",
    )


def fit(text: str, max_width: float, size: float, min_size: float, *, bold: bool = False) -> float:
    """The largest size <= ``size`` at which ``text`` fits on one line, or ``min_size``."""
    current = size
    while current > min_size and width(text, current, bold=bold) > max_width:
        current = max(min_size, current - 0.5)
    return current
