"""4. Child wallet/backpack cards and 5. the parent wallet card, at real card size.

A card is 3.375 x 2.125 in (ID-1), printed several to a sheet with cut marks.  A card must never
lose a name or a digit: its text shrinks down to a readable minimum, and what still does not fit
continues on a second card marked as such.  A child's card holds only who picks the child up,
the parent's phone and the numbers to memorize: a lost card must not tell a stranger more.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, Table, TableStyle

from prepkit import labels
from prepkit.forms import typeset
from prepkit.forms.base import Document
from prepkit.forms.layout import ACCENT, RULE
from prepkit.forms.writer import Writer
from prepkit.i18n import N_
from prepkit.plan import Child, Parent
from prepkit.validate import format_phone_for_reading

CARD_W, CARD_H = 3.375 * inch, 2.125 * inch
PAD = 9
MAX_SIZE, MIN_SIZE = 9.5, 6.0
TICK = 8
TITLE_LEADING = 1.2


@dataclass(frozen=True)
class Line:
    text: str
    bold: bool = False
    write_in: bool = False  # blank card: a label followed by room to write


def _tokens(text: str) -> list[str]:
    """Words, never splitting inside an isolated run (a phone number keeps its spaces)."""
    out, word, depth = [], "", 0
    for ch in text:
        if ch in "\u2066\u2067\u2068":
            depth += 1
        elif ch == "\u2069":
            depth = max(0, depth - 1)
        if ch == " " and depth == 0:
            if word:
                out.append(word)
            word = ""
        else:
            word += ch
    if word:
        out.append(word)
    return out


def _split_word(word: str, width: float, size: float, bold: bool) -> list[str]:
    """A word wider than the card (a long name typed without spaces) in pieces that fit; each
    piece closes the isolates it is inside and the next reopens them, so none leaks."""
    if typeset.width(word, size, bold=bold) <= width:
        return [word]
    pieces: list[str] = []
    current, shown, stack = "", False, []
    for ch in word:
        if ch in "\u2066\u2067\u2068":
            stack.append(ch)
            current += ch
            continue
        if ch == "\u2069":
            if stack:
                stack.pop()
            current += ch
            continue
        closing = "\u2069" * len(stack)
        if shown and typeset.width(current + ch + closing, size, bold=bold) > width:
            pieces.append(current + closing)
            current = "".join(stack)
        current += ch
        shown = True
    if current:
        pieces.append(current)
    return pieces


def wrap(text: str, width: float, size: float, bold: bool) -> list[str]:
    lines: list[str] = []
    current = ""
    words = [p for word in _tokens(text) for p in _split_word(word, width, size, bold)]
    for word in words:
        trial = f"{current} {word}" if current else word
        if current and typeset.width(trial, size, bold=bold) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    return [*lines, current] if current else lines or [""]


class Card(Flowable):
    def __init__(
        self,
        title: list[str],
        title_size: float,
        lines: list[tuple[str, bool, bool]],
        size: float,
        rtl: bool,
    ) -> None:
        super().__init__()
        self.title, self.title_size = title, title_size
        self.lines, self.size, self.rtl = lines, size, rtl
        self.width, self.height = CARD_W, CARD_H

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return CARD_W, CARD_H

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setStrokeColor(RULE)
        c.setLineWidth(0.4)
        c.setDash(2, 2)
        c.rect(0, 0, CARD_W, CARD_H)
        c.setDash()
        c.setStrokeColor(typeset.INK)
        for x, y in ((0, 0), (CARD_W, 0), (0, CARD_H), (CARD_W, CARD_H)):
            dx, dy = (-TICK if x == 0 else TICK), (-TICK if y == 0 else TICK)
            c.line(x + dx, y, x + dx / 3, y)  # cut marks outside the card, on its edge lines
            c.line(x, y + dy, x, y + dy / 3)
        x = CARD_W - PAD if self.rtl else PAD
        anchor: typeset.Anchor = "right" if self.rtl else "left"
        y = CARD_H - PAD - self.title_size
        for i, title in enumerate(self.title):
            if i:
                y -= self.title_size * TITLE_LEADING
            typeset.draw(
                c, x, y, title, size=self.title_size, bold=True, color=ACCENT, anchor=anchor,
                rtl=self.rtl,
            )
        y -= self.size * 1.55
        for text, bold, write_in in self.lines:
            typeset.draw(c, x, y, text, size=self.size, bold=bold, anchor=anchor, rtl=self.rtl)
            if write_in:
                c.setStrokeColor(RULE)
                used = typeset.width(text, self.size) + 4
                start, end = (PAD, CARD_W - PAD - used) if self.rtl else (PAD + used, CARD_W - PAD)
                c.line(start, y - 1, end, y - 1)
            y -= self.size * 1.3
        c.restoreState()


def title_lines(parts: list[str], width: float, size: float) -> tuple[list[str], float]:
    """A card's title, never wider than the card: on one line ("local / English") when it
    fits at a size above the text's, else each language on its own line, shrunk down to the
    smallest readable size and wrapped if even that is too wide."""
    joined = " / ".join(parts)
    if typeset.width(joined, size + 1, bold=True) <= width:
        return [joined], size + 1
    title_size = min(typeset.fit(p, width, size + 1, MIN_SIZE, bold=True) for p in parts)
    return [ln for p in parts for ln in wrap(p, width, title_size, True)], title_size


def _title_height(lines: list[str], title_size: float, size: float) -> float:
    """From the card's inner top to the first text baseline."""
    return title_size + (len(lines) - 1) * title_size * TITLE_LEADING + size * 1.55 - size


def cards_for(
    title: list[str], continued: list[str], lines: list[Line], rtl: bool
) -> list[Card]:
    """As few cards as the text allows: shrink first, continue on another card last.
    ``title`` and ``continued`` are the title in the document language, then in English for a
    bilingual copy."""
    inner_w, inner_h = CARD_W - 2 * PAD, CARD_H - 2 * PAD
    size = MAX_SIZE
    while True:
        wrapped = [
            (t, ln.bold, ln.write_in) for ln in lines for t in wrap(ln.text, inner_w, size, ln.bold)
        ]
        heads = [title_lines(title, inner_w, size), title_lines(continued, inner_w, size)]
        top = max(_title_height(t, ts, size) for t, ts in heads)
        room = int((inner_h - top) // (size * 1.3))
        if len(wrapped) <= room or size <= MIN_SIZE:
            break
        size = max(MIN_SIZE, size - 0.5)
    chunks: list[list[tuple[str, bool, bool]]] = []
    rest = wrapped
    while rest:
        take = max(room, 1)
        # A label ("Legal help") goes with the number it labels onto the next card.
        while 1 < take < len(rest) and rest[take - 1][1] and not rest[take][1]:
            take -= 1
        chunks.append(rest[:take])
        rest = rest[take:]
    chunks = chunks or [[]]
    return [Card(*heads[min(i, 1)], chunk, size, rtl) for i, chunk in enumerate(chunks)]


def sheet(w: Writer, cards: list[Card]) -> None:
    """Cards edge to edge, two across when the paper allows; cut marks sit outside."""
    across = max(1, int(w.width // CARD_W))
    rows = [cards[i : i + across] for i in range(0, len(cards), across)]
    rows[-1] = rows[-1] + [""] * (across - len(rows[-1]))  # type: ignore[list-item]
    table = Table(rows, colWidths=[CARD_W] * across, rowHeights=[CARD_H] * len(rows))
    table.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    w.space(TICK + 2)
    w.story.append(table)


class ChildCards(Document):
    kind = "child-cards"
    title = labels.DOCUMENT_TITLES["child-cards"]

    def pickup_people(self, child: Child) -> list[str]:
        """Who picks the child up, 1 to 3: the "can't come home" order, then the school list.
        Parents are left out: the card is for the day a parent cannot come."""
        plan = self.plan
        ids = [
            child.if_not_home.first_pickup,
            child.if_not_home.second_pickup,
            *child.pickup.authorized,
        ]
        parents = {p.id for p in plan.parents}
        seen: list[str] = []
        for pid in ids:
            if pid and pid not in seen and pid not in parents and plan.person(pid):
                seen.append(pid)
        return seen[:3]

    def lines(self, w: Writer, child: Child) -> list[Line]:
        plan = self.plan
        if w.blank:
            return [
                *(Line(f"{i}.", write_in=True) for i in (1, 2, 3)),
                Line(w.both(N_("Parent")), bold=True, write_in=True),
                Line(w.both(N_("Numbers to memorize")), bold=True, write_in=True),
            ]
        out = []
        for i, pid in enumerate(self.pickup_people(child), 1):
            who = plan.person(pid)
            assert who is not None
            out.append(Line(f"{i}. " + w.join(who.name, w.phones(who.phones[:2]))))
        first_phones = [p.phones[0] for p in plan.parents if p.phones]
        if w.bilingual and first_phones:  # the label in both languages, then the numbers
            out.append(Line(w.both(N_("Parent")), bold=True))
            out.append(Line(w.phones(first_phones)))
        else:
            for phone in first_phones:
                number = format_phone_for_reading(phone)
                out.append(Line(w.t(N_("Parent: {phone}"), phone=number), bold=True))
        if plan.communication.memorize:
            out.append(Line(w.both(N_("Numbers to memorize")), bold=True))
            out.append(Line(w.phones(plan.communication.memorize)))
        return out

    def write(self, w: Writer) -> None:
        w.title(self.title)
        w.note(N_("Cut along the lines. Put one card in the child's backpack or wallet."))
        title, more = w.parts(N_("Who picks me up")), w.parts(N_("Who picks me up (continued)"))
        cards: list[Card] = []
        for child in self.plan.children:
            cards.extend(cards_for(title, more, self.lines(w, child), w.rtl))
        if w.blank:
            cards = cards * 4
        if not cards:
            w.text(N_("There is no child in the plan yet, so there are no cards to print."))
            return
        sheet(w, cards)


class ParentCard(Document):
    kind = "parent-card"
    title = labels.DOCUMENT_TITLES["parent-card"]

    def lines(self, w: Writer) -> list[Line]:
        plan = self.plan
        if w.blank:
            return [
                Line(w.both(label), bold=True, write_in=True)
                for label in (N_("Legal help"), N_("Caregiver"), N_("Emergency contact"))
            ]
        out = []
        for legal in plan.legal_help.contacts:
            out.append(Line(w.both(N_("Legal help")), bold=True))
            out.append(Line(w.join(legal.name, w.phone(legal.phone))))
        people = [
            (N_("Caregiver"), plan.primary_caregiver),
            (N_("Emergency contact"), plan.contacts[0] if plan.contacts else None),
        ]
        for label, who in people:
            if who is not None:
                out.append(Line(w.both(label), bold=True))
                out.append(Line(w.join(who.name, w.phones(who.phones[:2]))))
        return out

    def write(self, w: Writer) -> None:
        w.title(self.title)
        w.note(N_("Cut along the lines. Learn these numbers by heart; keep the card with you."))
        title, more = w.parts(N_("Numbers to know")), w.parts(N_("Numbers to know (continued)"))
        parents: list[Parent] = self.plan.parents or [Parent()]
        cards = [card for _ in parents for card in cards_for(title, more, self.lines(w), w.rtl)]
        sheet(w, cards)
