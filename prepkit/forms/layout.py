"""Paper, page furniture and the shared pieces every document is built from.

A document is a story of flowables; each *section* (one school letter, one caregiver's packet)
numbers its own pages, because each goes to a different person.  "Page x of y" needs the total,
so the canvas keeps every page until ``save`` and only then draws the footers (the usual
two-pass reportlab recipe).  Right-to-left documents mirror everything here: the footer, the
order of table columns, which side a checkbox sits on, and which side text starts from.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from prepkit.forms import typeset
from prepkit.forms.typeset import MUTED

PAPERS: dict[str, tuple[float, float]] = {"letter": LETTER, "a4": A4}
MARGIN = 0.75 * inch
FOOTER_Y = 0.45 * inch
RULE = HexColor("#b8b8b8")
ACCENT = HexColor("#1f3a5f")
FILL = HexColor("#f1f3f6")


@dataclass(frozen=True)
class Furniture:
    """What the page edges show for one section; drawn once the page count is known."""

    key: int
    rtl: bool
    footer: str  # "Plan made ... Review by ..." in the document language
    footer_en: str  # the same in English for bilingual copies, else ""
    page_of: str  # translated "Page {page} of {pages}"
    page_of_en: str
    continued: str = ""  # heads every page of the section after its first ("" for none)
    continued_en: str = ""

    def draw(self, canvas: Canvas, page: int, pages: int, width: float) -> None:
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        top = FOOTER_Y + (16 if self.footer_en or self.page_of_en else 10)
        canvas.line(MARGIN, top, width - MARGIN, top)
        start_x, end_x = (width - MARGIN, MARGIN) if self.rtl else (MARGIN, width - MARGIN)
        start: typeset.Anchor = "right" if self.rtl else "left"
        end: typeset.Anchor = "left" if self.rtl else "right"
        y = FOOTER_Y
        numbers = self.page_of.format(page=page, pages=pages)
        typeset.draw(
            canvas, start_x, y, self.footer, size=8, color=MUTED, anchor=start, rtl=self.rtl
        )
        typeset.draw(canvas, end_x, y, numbers, size=8, color=MUTED, anchor=end, rtl=self.rtl)
        if self.footer_en or self.page_of_en:
            y -= 10
            numbers_en = self.page_of_en.format(page=page, pages=pages)
            typeset.draw(
                canvas, start_x, y, self.footer_en, size=7, color=MUTED, anchor=start, rtl=False
            )
            typeset.draw(canvas, end_x, y, numbers_en, size=7, color=MUTED, anchor=end, rtl=False)
        if page > 1 and self.continued:
            self.draw_continued(canvas, start_x, start, width)
        canvas.restoreState()

    def draw_continued(
        self, canvas: Canvas, x: float, anchor: typeset.Anchor, width: float
    ) -> None:
        """Above the body, in the top margin: whose page this is, for a page that comes loose."""
        top = canvas._pagesize[1] - MARGIN
        room = width - 2 * MARGIN
        y = top + (22 if self.continued_en else 14)
        size = typeset.fit(self.continued, room, 9, 6, bold=True)
        typeset.draw(
            canvas, x, y, self.continued, size=size, bold=True, color=MUTED, anchor=anchor,
            rtl=self.rtl,
        )
        if self.continued_en:
            size = typeset.fit(self.continued_en, room, 8, 6)
            typeset.draw(
                canvas, x, y - 10, self.continued_en, size=size, color=MUTED, anchor=anchor,
                rtl=False,
            )


class SectionMark(Flowable):
    """Zero-size flowable: from here on, pages belong to ``furniture``'s section."""

    def __init__(self, furniture: Furniture) -> None:
        super().__init__()
        self.furniture = furniture
        self.width = self.height = 0

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._pk_section = self.furniture


class NumberedCanvas(Canvas):
    """Holds pages back until the end so each footer can say "page x of y" for its section."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pk_pages: list[tuple[dict[str, Any], Furniture | None]] = []
        self._pk_section: Furniture | None = None

    def showPage(self) -> None:
        self._pk_pages.append((dict(self.__dict__), self._pk_section))
        self._startPage()

    def save(self) -> None:
        totals = Counter(f.key for _, f in self._pk_pages if f is not None)
        seen: Counter[int] = Counter()
        width = self._pagesize[0]
        for state, furniture in self._pk_pages:
            self.__dict__.update(state)
            if furniture is not None:
                seen[furniture.key] += 1
                furniture.draw(self, seen[furniture.key], totals[furniture.key], width)
            super().showPage()
        super().save()


# --- small drawn flowables -------------------------------------------------------------------


class CheckBox(Flowable):
    """A square to tick by hand, or already ticked (a drawn mark, not a font glyph)."""

    def __init__(self, checked: bool = False, size: float = 10) -> None:
        super().__init__()
        self.checked = checked
        self.size = size

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.size + 2, self.size + 3

    def draw(self) -> None:
        c, s = self.canv, self.size
        c.saveState()
        c.setLineWidth(0.9)
        c.setStrokeColor(typeset.INK)
        c.rect(1, 1, s, s)
        if self.checked:
            c.setLineWidth(1.6)
            c.line(1 + s * 0.2, 1 + s * 0.5, 1 + s * 0.42, 1 + s * 0.22)
            c.line(1 + s * 0.42, 1 + s * 0.22, 1 + s * 0.85, 1 + s * 0.82)
        c.restoreState()


class WriteLine(Flowable):
    """Room to write by hand: empty space with a light line at the bottom."""

    def __init__(self, height: float = 20, lines: int = 1) -> None:
        super().__init__()
        self.line_height = height
        self.lines = lines

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        return aw, self.line_height * self.lines

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setStrokeColor(RULE)
        c.setLineWidth(0.6)
        for i in range(self.lines):
            y = 2 + i * self.line_height
            c.line(0, y, self.width, y)
        c.restoreState()


class Rule(Flowable):
    def __init__(self, thickness: float = 0.6, space: float = 6, color: Any = RULE) -> None:
        super().__init__()
        self.thickness, self.space, self.color = thickness, space, color

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        return aw, self.space * 2

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setStrokeColor(self.color)
        self.canv.setLineWidth(self.thickness)
        self.canv.line(0, self.space, self.width, self.space)
        self.canv.restoreState()
