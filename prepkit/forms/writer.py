"""The vocabulary documents are written in: headings, sentences, fields, tables, checkboxes.

A document says *what* to print (``w.heading(N_("Children"))``, ``w.fields([...])``); the writer
decides how it looks in the document's language and direction, adds English beneath every
heading and label when the copy is bilingual, isolates what the family typed, and in blank mode
turns every empty value into room to write by hand.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date

from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer, Table
from reportlab.platypus import TableStyle as RLTableStyle

from prepkit import i18n
from prepkit.forms import typeset
from prepkit.forms.layout import ACCENT, FILL, RULE, CheckBox, Rule, WriteLine
from prepkit.forms.typeset import MUTED, Look
from prepkit.i18n import N_
from prepkit.plan import Phone
from prepkit.validate import format_phone_for_reading

TITLE = Look(size=20, bold=True, color=ACCENT, space_after=2)
HEADING = Look(size=14, bold=True, color=ACCENT, space_before=12, space_after=3)
SUBHEADING = Look(size=11.5, bold=True, space_before=8, space_after=2)
BODY = Look(size=10.5, space_after=3)
LABEL = Look(size=9.5, bold=True)
VALUE = Look(size=10.5)
SMALL = Look(size=8.5, color=MUTED)
ENGLISH = Look(size=8.5, color=MUTED)
HEADER = LABEL.but(size=9)  # a table's column headers, and the English beneath them
HEADER_EN = ENGLISH.but(size=7.5)
CELL_PAD = 4
# A document that must fit one page (the school letter) sets its headings tighter.
COMPACT_TITLE = TITLE.but(size=17)
COMPACT_HEADING = HEADING.but(size=12.5, space_before=7, space_after=2)

LONG_VALUE = 240  # characters; longer values go beneath their label so they can split pages

YES, NO = N_("Yes"), N_("No")
WRITE_IN = "_" * 22  # room to write a name by hand in a blank copy's sentence
STEP_NUMBER = 22  # width of a step's number column
SEPARATOR = "   "
_ISOLATES = ("\u2066", "\u2067", "\u2068")


# Text we composed ourselves: no embedding, override or isolate outside our own FSI...PDI
# pairs, and nothing but clean text inside them.  A typed value carrying its own isolate (an
# unmatched RLI followed by an RLO, say) does not match, so it cannot pass for one of ours and
# pull the next field into its reversed run.
_EMBEDDINGS = "\u202a-\u202e\u2066-\u2069"
_CONTROLS = "\u061c\u200e\u200f" + _EMBEDDINGS
_COMPOSED = re.compile(f"(?:[^{_EMBEDDINGS}]|\u2068[^{_CONTROLS}]*\u2069)*", re.S)


def composed(value: str) -> bool:
    """True for text made of our own isolated parts (or with no bidi controls at all)."""
    return _COMPOSED.fullmatch(value) is not None


def ready(value: str) -> str:
    """A value ready to print: typed text is isolated; text already made of isolated parts
    (``Writer.join``, phones) is left alone, because isolating it again would strip the inner
    isolates and let a phone number reorder inside a right-to-left name."""
    value = value.strip()
    if not value or (any(ch in value for ch in _ISOLATES) and composed(value)):
        return value
    return typeset.isolate(value)


def cell(value: str) -> str:
    """A table cell: as given unless it carries bidi controls that are not ours; those are
    typed text, cleaned and isolated like every other typed value."""
    return value if composed(value) else typeset.isolate(value)


def _stack(value: object) -> object:
    """A cell as reportlab can split it: a lone flowable goes in a list, because reportlab
    5.1 splits only lists of flowables (and strings) inside a row and would silently drop a
    bare flowable's text from both halves."""
    return [value] if isinstance(value, Flowable) else value


# Only a row at least this tall (about six lines) is split across pages; a shorter one moves
# whole to the next page, so an ordinary two-line row is never cut in half.
TALL_ROW = 90


class SplittingTable(Table):
    """A table whose tall rows may split across pages (reportlab's ``splitInRow``): a
    3,000-character dose or relationship is taller than a page, and a row that cannot split
    makes printing fail.  reportlab's own minimum (``splitInRow=N``) also refuses a split
    whose *rest* is shorter than N, which fails again for rows just under a page tall; so the
    choice is made here, from the height of the row the page would cut."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self._calc(availWidth, availHeight)
        used, cut_row = 0.0, 0.0
        for height in self._rowHeights:
            if used + height > availHeight:
                cut_row = height
                break
            used += height
        self.splitInRow = 1 if cut_row >= TALL_ROW else 0
        return super().split(availWidth, availHeight)


def splittable(
    data: list[list[object]], widths: Sequence[float], repeat_rows: int = 0
) -> Table:
    return SplittingTable(data, colWidths=list(widths), repeatRows=repeat_rows, splitInRow=1)


class Writer:
    def __init__(
        self, lang: str, *, with_english: bool, blank: bool, width: float, compact: bool = False
    ) -> None:
        self.lang = lang
        self.compact = compact
        self.tr: gettext.NullTranslations = i18n.translations(lang)
        self.rtl = i18n.language(lang).is_rtl
        self.bilingual = with_english and lang != "en"
        self.blank = blank
        self.width = width
        self.story: list[Flowable] = []

    # --- words ---

    def t(self, msgid: str, **params: str) -> str:
        """``msgid`` in the document language; values the family typed are isolated."""
        text = self.tr.gettext(msgid)
        return text.format(**{k: ready(v) for k, v in params.items()})

    def en(self, msgid: str, **params: str) -> str:
        return msgid.format(**{k: ready(v) for k, v in params.items()})

    @staticmethod
    def join(*parts: str) -> str:
        """Several typed values on one line, each isolated on its own (a name, then a phone)."""
        return SEPARATOR.join(ready(p) for p in parts if p and p.strip())

    def both(self, msgid: str, **params: str) -> str:
        """One line: the document language, then English for bilingual copies."""
        local = self.t(msgid, **params)
        return f"{local} / {self.en(msgid, **params)}" if self.bilingual else local

    def parts(self, msgid: str, **params: str) -> list[str]:
        """The document language, then English for bilingual copies: for a caller that lays
        the two out itself (a card title breaks between them when it must)."""
        local = self.t(msgid, **params)
        return [local, self.en(msgid, **params)] if self.bilingual else [local]

    def sentence(self, msgid: str) -> str:
        """A sentence used as a value: English on its own line beneath, for bilingual copies."""
        return f"{self.t(msgid)}\n{msgid}" if self.bilingual else self.t(msgid)

    def date(self, value: date | None) -> str:
        return i18n.format_date(value, self.lang) if value else ""

    def phone(self, phone: Phone) -> str:
        text = format_phone_for_reading(phone)
        return typeset.isolate(text) if text else ""

    def phones(self, phones: Iterable[Phone]) -> str:
        # A neutral separator: commas differ by script, and a phone list must read the same
        # in both directions.
        return SEPARATOR.join(p for p in (self.phone(x) for x in phones) if p)

    def yes_no(self, value: bool) -> str:
        return self.both(YES if value else NO)

    # --- paragraphs ---

    def para(self, text: str, look: Look = BODY, *, english: bool = False) -> Flowable:
        return typeset.paragraph(text, look, rtl=self.rtl, english=english)

    def _pair(
        self, msgid: str, look: Look, english: Look, params: dict[str, str]
    ) -> list[Flowable]:
        first = look.but(space_after=0) if self.bilingual else look
        out = [self.para(self.t(msgid, **params), first)]
        if self.bilingual:
            out.append(
                self.para(
                    self.en(msgid, **params),
                    english.but(space_after=look.space_after),
                    english=True,
                )
            )
        return out

    def title(self, msgid: str, **params: str) -> None:
        look = COMPACT_TITLE if self.compact else TITLE
        english = ENGLISH.but(size=10 if self.compact else 11)
        self.story.extend(self._pair(msgid, look, english, params))
        self.story.append(Rule(1.2, 4 if self.compact else 5, ACCENT))

    def heading(self, msgid: str, **params: str) -> None:
        # Keep a heading with what follows it: never alone at the foot of a page.
        self.story.append(CondPageBreak(1.1 * inch))
        look = COMPACT_HEADING if self.compact else HEADING
        self.story.extend(self._pair(msgid, look, ENGLISH.but(size=9), params))

    def subheading(self, msgid: str, **params: str) -> None:
        self.story.append(CondPageBreak(0.8 * inch))
        self.story.extend(self._pair(msgid, SUBHEADING, ENGLISH, params))

    def text(self, msgid: str, **params: str) -> None:
        self.story.extend(self._pair(msgid, BODY, ENGLISH, params))

    def strong(self, msgid: str, **params: str) -> None:
        self.story.extend(
            self._pair(msgid, BODY.but(bold=True, size=11.5), ENGLISH.but(bold=True), params)
        )

    def note(self, msgid: str, **params: str) -> None:
        self.story.extend(self._pair(msgid, SMALL, ENGLISH.but(size=7.5), params))

    def data(self, value: str, look: Look = VALUE) -> None:
        """Text the family typed, on its own: as typed, in its own direction."""
        if value.strip():
            self.story.append(self.para(ready(value), look))
        elif self.blank:
            self.story.append(WriteLine(20, 2))

    def space(self, height: float = 8) -> None:
        self.story.append(Spacer(1, height))

    def page_break(self) -> None:
        self.story.append(PageBreak())

    def keep(self, flowables: list[Flowable]) -> None:
        self.story.append(KeepTogether(flowables))

    @contextmanager
    def together(self) -> Iterator[None]:
        """Everything written inside stays on one page (moved whole to the next if need be),
        such as a closing sentence and the signature line it asks for."""
        start = len(self.story)
        yield
        # reportlab measures a KeepTogether inside another as endless: unpack inner ones.
        inner = [
            f for item in self.story[start:]
            for f in (item._content if isinstance(item, KeepTogether) else [item])
        ]
        self.story[start:] = [KeepTogether(inner)]

    # --- labelled values ---

    def label_cell(self, msgid: str, look: Look = LABEL) -> list[Flowable]:
        cell = [self.para(self.t(msgid), look)]
        if self.bilingual:
            cell.append(self.para(self.en(msgid), HEADER_EN, english=True))
        return cell

    def _row(
        self,
        cells: Sequence[object],
        widths: Sequence[float],
        rule: bool = True,
        valign: str = "TOP",
    ) -> Table:
        if self.rtl:  # mirrored: the first column sits on the right
            cells, widths = list(reversed(cells)), list(reversed(widths))
        table = splittable([[_stack(c) for c in cells]], list(widths))
        style: list[tuple[object, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), valign),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
        if rule:
            style.append(("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE))
        table.setStyle(RLTableStyle(style))
        return table

    def fields(
        self,
        rows: Iterable[tuple[str, str]],
        label_share: float = 0.34,
        *,
        write_in: bool = False,
    ) -> None:
        """Label/value rows.  Empty values are left out, or become write-in lines when blank
        (or when ``write_in``: a worksheet shows what is still to find out)."""
        label_w = self.width * label_share
        for msgid, value in rows:
            value = value.strip()
            if not value and not (self.blank or write_in):
                continue
            if len(value) > LONG_VALUE:
                # A long note reads best at full width beneath its label, splitting freely.
                self.story.append(CondPageBreak(0.9 * inch))
                self.story.extend(self.label_cell(msgid))
                self.story.append(self.para(ready(value), VALUE.but(space_after=4)))
                self.story.append(Rule(0.4, 2))
                continue
            cell: object = self.para(ready(value), VALUE) if value else WriteLine(18)
            self.story.append(
                self._row([self.label_cell(msgid), cell], [label_w, self.width - label_w])
            )

    def grid(self, rows: Iterable[Sequence[tuple[str, str]]]) -> None:
        """Short label/value pairs two to a row: compact, for documents that must fit a page."""
        quarter = self.width / 4
        for pairs in rows:
            cells: list[object] = []
            for msgid, value in pairs:
                value = value.strip()
                cells.append(self.label_cell(msgid))
                cells.append(
                    self.para(ready(value), VALUE) if value else WriteLine(18) if self.blank else ""
                )
            widths = [quarter * 0.6, quarter * 1.4] * len(pairs)
            self.story.append(self._row(cells, widths))

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[object]],
        shares: Sequence[float],
        blank_rows: int = 4,
    ) -> None:
        """A plain table with light rules; columns run right-to-left in RTL documents."""
        widths = self.column_widths(headers, shares)
        head = [self.label_cell(h, HEADER) for h in headers]
        body = [
            [self.para(cell(c), VALUE.but(size=10)) if isinstance(c, str) else c
             for c in row]
            for row in rows
        ]
        if self.blank and not body:
            body = [[WriteLine(22) for _ in headers] for _ in range(blank_rows)]
        if not body:
            return
        data: list[list[object]] = [list(head), *(list(r) for r in body)]
        if self.rtl:
            data = [list(reversed(r)) for r in data]
            widths = list(reversed(widths))
        table = splittable([[_stack(c) for c in row] for row in data], widths, repeat_rows=1)
        table.setStyle(
            RLTableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, 0), FILL),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                    ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
                    ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        self.story.append(table)

    def header_word_width(self, msgid: str) -> float:
        """The widest word of a column header as printed (the document language, and the
        English beneath it in a bilingual copy): a column narrower than this splits it."""
        words = [(w, HEADER) for w in self.t(msgid).split()]
        if self.bilingual:
            words += [(w, HEADER_EN) for w in self.en(msgid).split()]
        return max(
            (typeset.width(word, look.size, bold=look.bold) for word, look in words), default=0
        )

    def column_widths(self, headers: Sequence[str], shares: Sequence[float]) -> list[float]:
        """Widths from the shares, except that a column is widened to its widest header word
        (a short column such as "Order" reads "Orde / n" in many languages otherwise); the
        room comes from the columns that have some to spare, in proportion."""
        widths = [self.width * s for s in shares]
        need = [self.header_word_width(h) + 2 * CELL_PAD + 1 for h in headers]
        short = sum(max(0.0, n - w) for n, w in zip(need, widths, strict=True))
        spare = sum(max(0.0, w - n) for n, w in zip(need, widths, strict=True))
        if short <= 0 or spare <= 0:
            return widths
        take = min(1.0, short / spare)
        return [
            max(n, w) if w <= n else w - (w - n) * take
            for n, w in zip(need, widths, strict=True)
        ]

    def checks(self, items: Iterable[tuple[str, bool, str]]) -> None:
        """Checkbox rows: (msgid, ticked, what the family wrote beside it)."""
        box_w = 18
        for msgid, ticked, detail in items:
            label = self.label_cell(msgid, VALUE.but(bold=False))
            cells: list[object] = [CheckBox(ticked and not self.blank), label]
            widths = [box_w, self.width * 0.42 - box_w, self.width * 0.58]
            if detail.strip():
                cells.append(self.para(ready(detail), VALUE))
            elif self.blank:
                cells.append(WriteLine(18))
            else:
                cells.append("")
            self.story.append(self._row(cells, widths))

    def steps(self, msgids: Sequence[str], params: dict[str, str] | None = None) -> None:
        """Numbered steps; the number sits at the start side in the document's digits order."""
        self.numbered([self.line(msgid, BODY, **(params or {})) for msgid in msgids])

    def numbered(self, steps: Sequence[list[Flowable]]) -> None:
        """Numbered steps made of parts (``line``, ``choices``, ``value``)."""
        for number, cell in enumerate(steps, 1):
            num = self.para(f"{number}.", BODY.but(bold=True, color=ACCENT))
            self.story.append(
                self._row([num, cell], [STEP_NUMBER, self.width - STEP_NUMBER], rule=False)
            )

    # Parts of a step, not yet placed: ``numbered`` puts them beside their number.

    def line(self, msgid: str, look: Look = BODY, **params: str) -> list[Flowable]:
        """A sentence, with its English beneath in a bilingual copy; in a blank copy an empty
        value becomes a line to write on."""
        if self.blank:
            params = {k: v or WRITE_IN for k, v in params.items()}
        english = ENGLISH.but(bold=look.bold) if look.bold else ENGLISH
        return self._pair(msgid, look, english, params)

    def value(self, value: str) -> list[Flowable]:
        """What the family typed, as typed; nothing when it is empty."""
        return [self.para(ready(value), VALUE)] if value.strip() else []

    def choices(self, options: Sequence[tuple[str, bool]]) -> list[Flowable]:
        """A blank copy's boxes to tick, one per option (msgid, ticked), inside a step."""
        inner = self.width - STEP_NUMBER - 6
        rows = []
        for msgid, ticked in options:
            box = CheckBox(ticked)
            rows.append(self._row([box, self.line(msgid)], [18, inner - 18], rule=False))
        return list(rows)

    def signature(self, msgid: str) -> None:
        """A line to sign on and a line for the date, labelled beneath."""
        half = self.width * 0.6
        room = 26 if self.compact else 30  # room above the line to sign in
        cells = [
            [WriteLine(room), *self.label_cell(msgid, SMALL)],
            [WriteLine(room), *self.label_cell(N_("Date"), SMALL)],
        ]
        self.story.append(Spacer(1, 4 if self.compact else 10))
        self.story.append(
            KeepTogether([self._row(cells, [half, self.width - half - 10], rule=False)])
        )
