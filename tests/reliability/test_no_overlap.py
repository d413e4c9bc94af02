"""No two printed lines overlap, and no text leaves the page's margins.

The geometry is read back from the PDF itself with pypdf, not taken from the renderer's own
sums: the text layer draws every line as one ``BT ... ET`` block (``prepkit.forms._runs.emit``)
placed by a ``Tm`` under the page's ``cm`` transforms, and a line's width is the sum of its
glyphs' advances from the embedded fonts' ``/Widths`` and the ``TJ`` adjustments.  A spy on the
text layer records each line's text and origin: it names a line in a failure message, and it
proves the parser saw every line the renderer drew and nothing that bypassed the text layer.

A line's box is its ink box for ordinary glyphs: from 0.22 em below the baseline to 0.72 em
above it (cap height and descenders of the shipped fonts).  Body text must sit inside the page's
margins; only the page furniture (footer, page numbers, the "continued" head, at most 9 pt) may
sit in the top or bottom margin band, and never within a quarter inch of the paper's edge.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any
from unittest import mock

import pytest
from pypdf import PdfReader
from pypdf.generic import ByteStringObject, ContentStream, TextStringObject
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas

from prepkit.forms import render, text
from prepkit.forms.layout import MARGIN
from prepkit.plan import Plan
from tests.forms.fixtures import sample_plan

KINDS = [kind for kind, _ in render.DOCUMENTS]
LANGS = ["en", "ar", "ne", "zh_Hans"]
ASCENT, DESCENT = 0.72, 0.22  # of the font size, around the baseline
OVERLAP = 1.0  # points two boxes may share on both axes before it counts as an overlap
SLACK = 0.5  # points a line may pass a margin by (rounding in the PDF's numbers)
EDGE = 0.25 * inch  # furniture keeps this far from the paper's edge
FURNITURE_MAX = 9.0  # the largest size page furniture is set in

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """m then n, as PDF composes them (a row vector times m times n)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s,
            e * p + f * r + t, e * q + f * s + u)


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


# --- what the renderer says it drew ----------------------------------------------------------


@dataclass(frozen=True)
class Drawn:
    """One line handed to the canvas: its page, its origin in page space, and the line."""

    page: int
    x: float
    y: float
    size: float
    line: text.Line

    @property
    def text(self) -> str:
        return self.line.text


@dataclass(frozen=True)
class Rendering:
    data: bytes
    drawn: tuple[Drawn, ...]


def render_recorded(plan: Plan | None, kind: str, lang: str, *,
                    with_english: bool = False) -> Rendering:
    """The real PDF, and every line the text layer drew into it (through ``text._draw``)."""
    drawn: list[Drawn] = []
    draw = text._draw

    def spy(canvas: Canvas, line: text.Line, left: float, y: float, size: float,
            color: Any) -> None:
        if line.runs:  # _draw writes nothing for an empty line
            x, y_page = apply(canvas._currentMatrix, left, y)
            drawn.append(Drawn(canvas.getPageNumber(), x, y_page, size, line))
        draw(canvas, line, left, y, size, color)

    with mock.patch.object(text, "_draw", spy):
        data = render.render_document(plan, kind, lang, with_english=with_english)
    return Rendering(data, tuple(drawn))


# --- what the PDF shows ----------------------------------------------------------------------


@dataclass(frozen=True)
class Box:
    """One text block (one line) as the PDF places it, in points from the page's bottom left."""

    page: int
    left: float
    bottom: float
    right: float
    top: float
    size: float
    x: float  # where the text starts: the first Tm, in page space
    y: float
    label: str = ""

    def __str__(self) -> str:
        return (f"page {self.page} {self.label!r} at ({self.left:.1f}, {self.bottom:.1f})-"
                f"({self.right:.1f}, {self.top:.1f}) {self.size:g} pt")


def _code_bytes(operand: object) -> bytes:
    if isinstance(operand, TextStringObject):
        return operand.get_original_bytes()
    if isinstance(operand, ByteStringObject):
        return bytes(operand)
    raise TypeError(f"not a string operand: {operand!r}")


class _Widths:
    """Glyph advances (thousandths of an em) of the fonts a page uses, by resource name."""

    def __init__(self, resources: Any) -> None:
        self.fonts = resources.get("/Font", {}) if resources else {}
        self.cache: dict[str, tuple[int, list[float], float]] = {}

    def __call__(self, name: str, code: int) -> float:
        if name not in self.cache:
            font = self.fonts[name].get_object()
            widths = font.get("/Widths")
            if widths is None:  # only reportlab's unused initial Helvetica lacks /Widths
                raise AssertionError(f"text shown in {name}, a font with no /Widths: "
                                     "drawn outside the text layer?")
            descriptor = font.get("/FontDescriptor")
            missing = float(descriptor.get_object().get("/MissingWidth", 0)) if descriptor else 0
            self.cache[name] = (int(font["/FirstChar"]), [float(w) for w in widths], missing)
        first, widths, missing = self.cache[name]
        index = code - first
        return widths[index] if 0 <= index < len(widths) else missing


def text_boxes(data: bytes) -> list[Box]:
    """Every text block that shows glyphs, page by page, with the box its glyphs' advances
    cover (the text-space pen positions mapped through Tm and the CTM)."""
    reader = PdfReader(io.BytesIO(data))
    boxes: list[Box] = []
    for number, page in enumerate(reader.pages, 1):
        widths = _Widths(page.get("/Resources"))
        ctm, stack = IDENTITY, []
        font, size, spacing, word_spacing, scale = "", 0.0, 0.0, 0.0, 1.0
        tm = line_matrix = IDENTITY
        points: list[tuple[float, float]] = []
        origin: tuple[float, float] | None = None
        sizes: list[float] = []
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            op = operator.decode()
            if op == "q":
                stack.append(ctm)
            elif op == "Q":
                ctm = stack.pop()
            elif op == "cm":
                ctm = multiply(tuple(float(v) for v in operands), ctm)  # type: ignore[arg-type]
            elif op == "BT":
                tm = line_matrix = IDENTITY
                points, origin, sizes = [], None, []
            elif op == "Tm":
                tm = line_matrix = tuple(float(v) for v in operands)  # type: ignore[assignment]
            elif op in ("Td", "TD"):
                line_matrix = multiply((1, 0, 0, 1, float(operands[0]), float(operands[1])),
                                       line_matrix)
                tm = line_matrix
            elif op == "Tf":
                font, size = str(operands[0]), float(operands[1])
            elif op == "Tc":
                spacing = float(operands[0])
            elif op == "Tw":
                word_spacing = float(operands[0])
            elif op == "Tz":
                scale = float(operands[0]) / 100
            elif op in ("Tj", "TJ", "'", '"'):
                if op != "TJ" and op != "Tj":
                    raise AssertionError(f"page {number}: unexpected text operator {op}")
                items = operands[0] if op == "TJ" else [operands[0]]
                full = multiply(tm, ctm)
                if origin is None:
                    origin = apply(full, 0, 0)
                pen = 0.0
                for item in items:
                    if isinstance(item, TextStringObject | ByteStringObject):
                        for code in _code_bytes(item):
                            points.append(apply(full, pen, 0))
                            pen += (widths(font, code) / 1000 * size + spacing
                                    + (word_spacing if code == 32 else 0)) * scale
                            points.append(apply(full, pen, 0))
                    else:
                        pen -= float(item) / 1000 * size * scale
                tm = multiply((1, 0, 0, 1, pen, 0), tm)
                sizes.append(size * abs(full[3]))
            elif op == "ET" and points and origin is not None:
                xs, ys = [p[0] for p in points], [p[1] for p in points]
                height = max(sizes)
                boxes.append(Box(number, min(xs), min(ys) - DESCENT * height, max(xs),
                                 max(ys) + ASCENT * height, height, *origin))
    return boxes


def labelled(rendering: Rendering) -> list[Box]:
    """The PDF's boxes, each named by the line the renderer drew at its origin.  Fails when the
    PDF holds a line the text layer did not draw, or misses one it did."""
    boxes = text_boxes(rendering.data)
    by_page: dict[int, list[Drawn]] = {}
    for line in rendering.drawn:
        by_page.setdefault(line.page, []).append(line)
    named = []
    for box in boxes:
        candidates = by_page.get(box.page, [])
        near = [d for d in candidates if abs(d.x - box.x) < 0.05 and abs(d.y - box.y) < 0.05]
        assert near, f"{box}: text in the PDF that the text layer did not draw"
        candidates.remove(near[0])  # two lines drawn at one spot are two lines: name each
        named.append(Box(**{**box.__dict__, "label": near[0].text}))
    assert len(boxes) == len(rendering.drawn), (
        f"the PDF shows {len(boxes)} lines, the text layer drew {len(rendering.drawn)}")
    return named


# --- the checks ------------------------------------------------------------------------------


def overlaps(boxes: list[Box]) -> Iterator[tuple[Box, Box]]:
    """Pairs of lines on one page whose boxes share more than OVERLAP points both ways."""
    ordered = sorted(boxes, key=lambda b: (b.page, -b.top))
    for i, first in enumerate(ordered):
        for second in ordered[i + 1:]:
            if second.page != first.page or second.top <= first.bottom + OVERLAP:
                break
            across = min(first.right, second.right) - max(first.left, second.left)
            down = min(first.top, second.top) - max(first.bottom, second.bottom)
            if across > OVERLAP and down > OVERLAP:
                yield first, second


def outside_margins(boxes: list[Box], width: float, height: float) -> Iterator[Box]:
    """Lines that leave the page's side margins, or its top and bottom margins without being
    page furniture (small type in the margin band, clear of the paper's edge)."""
    for box in boxes:
        if box.left < MARGIN - SLACK or box.right > width - MARGIN + SLACK:
            yield box
        elif box.bottom < MARGIN - SLACK or box.top > height - MARGIN + SLACK:
            in_bottom_band = box.top <= MARGIN + SLACK and box.bottom >= EDGE
            in_top_band = box.bottom >= height - MARGIN - SLACK and box.top <= height - EDGE
            if box.size > FURNITURE_MAX or not (in_bottom_band or in_top_band):
                yield box


def layout_problems(rendering: Rendering, what: str) -> list[str]:
    boxes = labelled(rendering)
    assert boxes, f"{what}: no text at all"
    mediabox = PdfReader(io.BytesIO(rendering.data)).pages[0].mediabox
    problems = [f"{what}: {a} overlaps {b}" for a, b in overlaps(boxes)]
    problems += [f"{what}: {box} is outside the margins"
                 for box in outside_margins(boxes, float(mediabox.width),
                                            float(mediabox.height))]
    return problems


def assert_clean_layout(rendering: Rendering, what: str) -> None:
    problems = layout_problems(rendering, what)
    assert not problems, "\n".join(problems[:20])


# --- the sample plan -------------------------------------------------------------------------


@cache
def sample(kind: str, lang: str, with_english: bool = False) -> Rendering:
    return render_recorded(sample_plan(), kind, lang, with_english=with_english)


@pytest.mark.parametrize("lang", LANGS)
def test_no_two_lines_overlap_on_the_sample_plan(lang: str) -> None:
    for kind in KINDS:
        assert_clean_layout(sample(kind, lang), f"{kind} {lang}")
        if lang != "en":
            assert_clean_layout(sample(kind, lang, True), f"{kind} {lang} with English")
        assert_clean_layout(render_recorded(None, kind, lang), f"blank {kind} {lang}")


# --- the checks see what they are for --------------------------------------------------------


def test_the_check_sees_a_line_drawn_on_top_of_another() -> None:
    """Draw each paragraph's lines all at one height: the check must say so."""
    original = text.Para.draw

    def collapsed(self: text.Para) -> None:
        leading, self.leading = self.leading, 0.0  # every line of the paragraph at one height
        try:
            original(self)
        finally:
            self.leading = leading

    with mock.patch.object(text.Para, "draw", collapsed):
        rendering = render_recorded(sample_plan(), "family-plan", "ar")
    problems = layout_problems(rendering, "family-plan ar")
    assert any(" overlaps " in p for p in problems), problems
    assert not layout_problems(sample("family-plan", "ar"), "family-plan ar")


def test_the_check_sees_a_line_in_the_margin() -> None:
    """Draw the body's lines a margin further to the start side: outside the margins."""
    original = text._line_left

    def shifted(line: text.Line, x: float, width: float, align: text.Align,
                rtl: bool) -> float:
        return original(line, x, width, align, rtl) + (MARGIN if rtl else -MARGIN)

    with mock.patch.object(text, "_line_left", shifted):
        rendering = render_recorded(sample_plan(), "school-letter", "ne")
    problems = layout_problems(rendering, "school-letter ne")
    assert any("outside the margins" in p for p in problems), problems
