"""The text layer: every string prepkit prints goes through here.

It hides reportlab's gaps and defects with complex scripts (PDF-NOTES.md): no font fallback,
no bidi reordering, and a broken RTL path.  Text is NFC-normalised, split into runs by
script and font coverage, broken into lines in logical order, reordered per line with the
Unicode bidi algorithm (python-bidi, isolates included), shaped with HarfBuzz and drawn with the
fonts shipped in assets/fonts.  Latin and Han runs keep their real code points, so pypdf
extracts them exactly; Arabic-script and Devanagari extraction is lossy (check those visually).

API (sizes in points; ``direction`` is the document's base direction, 'ltr' or 'rtl'):
    clean(user_text) -> str                  NFC, user-typed bidi controls removed
    isolate(user_text, keep_together=None) -> str
                                             wrap typed text (names, phones, e-mails) in
                                             FSI...PDI so it keeps its own direction
    measure(text, *, size, bold, direction) -> float        width of one line
    wrap(text, width, *, size, bold, direction) -> list[Line]
                                             lines (logical order) that fit ``width``
    draw_line(canvas, x, y, text, *, size, bold, color, anchor, direction) -> float
                                             one line at baseline y; anchor 'left' | 'right' |
                                             'center' says which point of the line sits at x
    draw_paragraph(canvas, x, top, width, text, *, size, leading, bold, color, align,
                   direction) -> float       wrapped lines below ``top``; returns height used
    fit_size(text, width, *, max_size, min_size, height, leading_ratio, bold, direction)
                                             largest size <= max_size that fits the box
    Para(text, *, size, leading, bold, color, align, direction, space_before, space_after)
                                             a platypus Flowable; splits across pages
``align`` is 'start' (default: left in LTR, right in RTL), 'end', 'left', 'right' or 'center'.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from reportlab.lib.colors import Color, black
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from prepkit.forms import _runs

Direction = Literal["ltr", "rtl"]
Anchor = Literal["left", "right", "center"]
Align = Literal["start", "end", "left", "right", "center"]

LEADING_RATIO = 1.35
_BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NEWLINES = re.compile("\r\n|[\r\u2028\u2029\u0085\x0b\x0c\x1c-\x1e]")
_FSI, _PDI = "\u2068", "\u2069"


def clean(user_text: str) -> str:
    """NFC text with every bidi control removed, so a typed value cannot reorder anything
    outside its own field (an unmatched RLO would flip the rest of the sentence)."""
    return _BIDI_CONTROLS.sub("", unicodedata.normalize("NFC", _NEWLINES.sub("\n", user_text)))


def isolate(user_text: str, keep_together: bool | None = None) -> str:
    """Wrap typed text in FSI...PDI, line by line: its direction comes from its own first
    strong letter and it cannot reorder the sentence around it ("+1 (555) 123-4567" stays in
    order in Arabic, an Arabic name stays whole in English).

    ``keep_together`` (default: for text without letters, such as phone numbers and dates, and
    for e-mail addresses) turns spaces into no-break spaces so the value never wraps."""
    value = clean(user_text)
    if keep_together is None:
        keep_together = (
            not any(unicodedata.category(c)[0] == "L" for c in value) or _looks_like_email(value)
        ) and len(value) <= 40
    if keep_together:
        value = value.replace(" ", "\u00a0")
    return "\n".join(_FSI + part + _PDI if part else part for part in value.split("\n"))


def _looks_like_email(value: str) -> bool:
    return "@" in value and " " not in value.strip()


@dataclass(frozen=True)
class Line:
    """One laid-out line: ``text`` is its logical (typed) order, trailing spaces removed."""

    analysis: _runs.Analysis
    start: int
    end: int
    width: float
    runs: tuple[_runs.Run, ...]
    paragraph_end: bool

    @property
    def text(self) -> str:
        return self.analysis.text[self.start : self.end]


def _paragraphs(text: str) -> list[str]:
    return unicodedata.normalize("NFC", _NEWLINES.sub("\n", text)).split("\n")


def _measure_span(analysis: _runs.Analysis, start: int, end: int, size: float) -> float:
    return sum(run.width(size) for run in _runs.runs(analysis, start, end))


def _content_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1] in " \t\u3000" or text[end - 1] in _runs.HIDDEN):
        # Keep a closing isolate (PDI) with its text: it is invisible but balances the FSI.
        if text[end - 1] in "\u2069\u202c":
            break
        end -= 1
    return end


def _make_line(analysis: _runs.Analysis, start: int, end: int, size: float, last: bool) -> Line:
    end = max(start, _content_end(analysis.text, start, end))
    runs = tuple(_runs.runs(analysis, start, end))
    return Line(analysis, start, end, sum(r.width(size) for r in runs), runs, last)


def wrap(
    text: str, width: float, *, size: float, bold: bool = False, direction: Direction = "ltr"
) -> list[Line]:
    """Break ``text`` into lines no wider than ``width`` (a word wider than the line is split
    between clusters, never inside one).  Newlines start new paragraphs."""
    lines: list[Line] = []
    for paragraph in _paragraphs(text):
        analysis = _runs.analyse(paragraph, direction == "rtl", bold)
        lines.extend(_wrap_paragraph(analysis, width, size))
    return lines


def _wrap_paragraph(analysis: _runs.Analysis, width: float, size: float) -> list[Line]:
    text = analysis.text
    bounds = [0, *analysis.breaks, len(text)]
    lines: list[Line] = []
    line_start = 0
    line_end = 0  # end of the last unit placed on the current line
    for unit_start, unit_end in itertools.pairwise(bounds):
        candidate = _content_end(text, line_start, unit_end)
        if _measure_span(analysis, line_start, candidate, size) <= width or line_end == line_start:
            line_end = unit_end
        else:
            lines.append(_make_line(analysis, line_start, line_end, size, False))
            line_start = line_end = unit_start
            line_end = unit_end
        # A single unit wider than the line (a long e-mail address, an unbroken Han run in a
        # narrow cell): cut it between clusters.
        while (
            _measure_span(analysis, line_start, _content_end(text, line_start, line_end), size)
            > width
        ):
            cut = _longest_fit(analysis, line_start, line_end, width, size)
            if cut is None:
                break
            lines.append(_make_line(analysis, line_start, cut, size, False))
            line_start = cut
    lines.append(_make_line(analysis, line_start, len(text), size, True))
    return lines


def _longest_fit(
    analysis: _runs.Analysis, start: int, end: int, width: float, size: float
) -> int | None:
    best = None
    for cut in range(start + 1, end):
        if not _runs.can_split_inside(analysis.text, cut):
            continue
        if _measure_span(analysis, start, cut, size) > width:
            break
        best = cut
    if best is None:  # not even one cluster fits: put one cluster on the line anyway
        best = next(
            (c for c in range(start + 1, end) if _runs.can_split_inside(analysis.text, c)), None
        )
    return best


def measure(text: str, *, size: float, bold: bool = False, direction: Direction = "ltr") -> float:
    """Width in points of ``text`` set on one line (newlines count as spaces)."""
    analysis = _runs.analyse(_one_line(text), direction == "rtl", bold)
    return _measure_span(analysis, 0, len(analysis.text), size)


def _one_line(text: str) -> str:
    return " ".join(_paragraphs(text))


def draw_line(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    *,
    size: float,
    bold: bool = False,
    color: Color | None = None,
    anchor: Anchor = "left",
    direction: Direction = "ltr",
) -> float:
    """Draw one line with its baseline at ``y``; returns its width.  For headers, footers and
    cards: the text is not wrapped (use fit_size first if it may be too long)."""
    analysis = _runs.analyse(_one_line(text), direction == "rtl", bold)
    line = _make_line(analysis, 0, len(analysis.text), size, True)
    left = {"left": x, "right": x - line.width, "center": x - line.width / 2}[anchor]
    _draw(canvas, line, left, y, size, color)
    return line.width


def _draw(
    canvas: Canvas, line: Line, left: float, y: float, size: float, color: Color | None
) -> None:
    if not line.runs:
        return
    canvas.saveState()  # our Tf/Ts/colour must not leak into reportlab's own state
    if color is not None:
        canvas.setFillColor(color)
    _runs.emit(canvas, list(line.runs), left, y, size)
    canvas.restoreState()


def _line_left(line: Line, x: float, width: float, align: Align, rtl: bool) -> float:
    side = {"start": "right" if rtl else "left", "end": "left" if rtl else "right"}.get(
        align, align
    )
    if side == "right":
        return x + width - line.width
    if side == "center":
        return x + (width - line.width) / 2
    return x


def _baseline_offset(size: float, leading: float) -> float:
    # Centre any extra leading around a 1.35 em line box; the baseline sits ~1 em below its
    # top, leaving room for Vietnamese stacked marks above and Arabic dots below.
    return size + (leading - LEADING_RATIO * size) / 2


def draw_paragraph(
    canvas: Canvas,
    x: float,
    top: float,
    width: float,
    text: str,
    *,
    size: float,
    leading: float | None = None,
    bold: bool = False,
    color: Color | None = None,
    align: Align = "start",
    direction: Direction = "ltr",
) -> float:
    """Wrap ``text`` into ``width`` and draw it downwards from ``top``; returns the height."""
    leading = leading or LEADING_RATIO * size
    lines = wrap(text, width, size=size, bold=bold, direction=direction)
    for i, line in enumerate(lines):
        y = top - i * leading - _baseline_offset(size, leading)
        _draw(canvas, line, _line_left(line, x, width, align, direction == "rtl"), y, size, color)
    return len(lines) * leading


def fit_size(
    text: str,
    width: float,
    *,
    max_size: float,
    min_size: float = 4.0,
    height: float | None = None,
    leading_ratio: float = LEADING_RATIO,
    bold: bool = False,
    direction: Direction = "ltr",
) -> float:
    """The largest size (in 0.25 pt steps, at most ``max_size``, at least ``min_size``) at
    which ``text`` fits: on one line of ``width`` when ``height`` is None, otherwise wrapped
    into a ``width`` x ``height`` box.  For wallet cards, where text must never overflow."""
    if height is None:
        natural = measure(text, size=1.0, bold=bold, direction=direction)  # width is linear
        size = max_size if natural <= 0 else min(max_size, width / natural)
        return max(min_size, int(size * 4) / 4)
    size = max_size
    while size > min_size:
        lines = wrap(text, width, size=size, bold=bold, direction=direction)
        if len(lines) * size * leading_ratio <= height and all(ln.width <= width for ln in lines):
            return size
        size -= 0.25
    return min_size


class Para(Flowable):
    """A paragraph for platypus documents: wraps to the frame, splits across frames and pages
    (never clipped), draws every line through the text layer."""

    def __init__(
        self,
        text: str,
        *,
        size: float = 10.0,
        leading: float | None = None,
        bold: bool = False,
        color: Color = black,
        align: Align = "start",
        direction: Direction = "ltr",
        space_before: float = 0.0,
        space_after: float = 0.0,
    ) -> None:
        super().__init__()
        self.text = text
        self.size = size
        self.leading = leading or LEADING_RATIO * size
        self.bold = bold
        self.color = color
        self.align = align
        self.direction = direction
        self.spaceBefore = space_before
        self.spaceAfter = space_after
        self._lines: list[Line] | None = None
        self._laid_width = -1.0

    def _layout(self, width: float) -> list[Line]:
        if self._lines is None or abs(width - self._laid_width) > 1e-6:
            self._lines = wrap(
                self.text, width, size=self.size, bold=self.bold, direction=self.direction
            )
            self._laid_width = width
        return self._lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        lines = self._layout(availWidth)
        self.width, self.height = availWidth, len(lines) * self.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        # reportlab 5.1 wraps a table cell's flowables to the column width less its padding
        # but asks them to split at the full column width: split where we were laid out, or
        # the parts would be drawn a line taller than the room they were given.
        if self._lines is not None and 0 < self._laid_width < availWidth:
            availWidth = self._laid_width
        lines = self._layout(availWidth)
        fits = int((availHeight + 1e-6) // self.leading)
        if fits >= len(lines):
            return [self]
        if fits <= 0:
            return []
        return [
            self._part(lines[:fits], availWidth, last=False),
            self._part(lines[fits:], availWidth, last=True),
        ]

    def _part(self, lines: list[Line], width: float, last: bool) -> Para:
        pieces = [lines[0].analysis.text[lines[0].start :]]
        pieces += [ln.analysis.text for prev, ln in itertools.pairwise(lines) if prev.paragraph_end]
        part = Para(
            "\n".join(pieces),
            size=self.size,
            leading=self.leading,
            bold=self.bold,
            color=self.color,
            align=self.align,
            direction=self.direction,
            space_before=self.spaceBefore if not last else 0.0,
            space_after=self.spaceAfter if last else 0.0,
        )
        part._lines, part._laid_width = lines, width  # keep the breaks already chosen
        return part

    def draw(self) -> None:
        rtl = self.direction == "rtl"
        for i, line in enumerate(self._lines or []):
            y = self.height - i * self.leading - _baseline_offset(self.size, self.leading)
            left = _line_left(line, 0.0, self.width, self.align, rtl)
            _draw(self.canv, line, left, y, self.size, self.color)
