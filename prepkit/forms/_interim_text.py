"""A stand-in for ``prepkit.forms.text`` while the text layer is being written.

Latin/Han only, no bidi, no fallback between scripts: enough to build and test document content.
Deleted as soon as the real text layer lands (typeset.py imports it when present).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

FONTS = Path(__file__).resolve().parents[2] / "assets" / "fonts"


@cache
def _font(bold: bool, han: bool) -> str:
    if han:
        name, file = "pk-wqy", "WenQuanYiMicroHei.ttf"
    else:
        name = "pk-noto-bold" if bold else "pk-noto"
        file = "NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf"
    pdfmetrics.registerFont(TTFont(name, str(FONTS / file)))
    return name


def _pick(text: str, bold: bool) -> str:
    return _font(bold, any("\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" for ch in text))


def isolate(text: str) -> str:
    return "\u2068" + text + "\u2069"


def _plain(text: str) -> str:
    return text.replace("\u2068", "").replace("\u2069", "")


def _esc(text: str) -> str:
    return _plain(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def Para(
    text: str,
    *,
    size: float,
    leading: float,
    bold: bool,
    color,
    align: str,
    direction: str,
    space_before: float,
    space_after: float,
) -> Flowable:
    style = ParagraphStyle(
        "p",
        fontName=_pick(text, bold),
        fontSize=size,
        leading=leading,
        textColor=color,
        alignment={"left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER}[align],
        spaceBefore=space_before,
        spaceAfter=space_after,
        wordWrap="CJK" if any("\u3000" <= ch <= "\u9fff" for ch in text) else None,
    )
    return Paragraph(_esc(text).replace("\n", "<br/>"), style)


def measure(text: str, *, size: float, bold: bool = False) -> float:
    return pdfmetrics.stringWidth(_plain(text), _pick(text, bold), size)


def draw_line(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    *,
    size: float,
    bold: bool,
    color,
    anchor: str,
    direction: str,
) -> None:
    canvas.setFont(_pick(text, bold), size)
    canvas.setFillColor(color)
    plain = _plain(text)
    if anchor == "left":
        canvas.drawString(x, y, plain)
    elif anchor == "right":
        canvas.drawRightString(x, y, plain)
    else:
        canvas.drawCentredString(x, y, plain)
