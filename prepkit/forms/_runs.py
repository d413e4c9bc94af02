"""Runs, shaping and PDF glyph output for one line of text (private to text.py).

A paragraph is analysed once (NFC text, bidi level and font of every character, line-break
opportunities).  A line is cut into runs of one font and one bidi level, the runs are put in
visual order, and each run is drawn in one of two ways:

* simple runs (Latin/Han/Cyrillic text at an even level, no combining marks) go through
  reportlab's normal encoding path with their real code points, so the PDF's ToUnicode maps
  are exact and pypdf extracts the text as typed;
* complex runs (Arabic script, Devanagari, any right-to-left run, combining marks) are shaped
  by HarfBuzz and drawn glyph by glyph from its positions.  Glyphs without a code point
  (joining forms, conjuncts) get a private-use code point in reportlab's subsetter.  This
  bypasses reportlab's own RTL/shaping code and its defects (PDF-NOTES.md) entirely.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import uharfbuzz as hb
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFDocument
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from prepkit.forms import _bidi, fonts

# Never drawn: bidi controls, zero-width space, soft hyphen, BOM.  (ZWJ/ZWNJ stay: they steer
# Arabic joining and Devanagari conjuncts, and HarfBuzz renders them invisible.)
HIDDEN = frozenset(
    "\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\u00ad\ufeff"
)
_JOINERS = frozenset("\u200c\u200d")
_COMPLEX_FONTS = frozenset(
    fonts.font_name(s, b) for s in (fonts.ARABIC, fonts.DEVANAGARI) for b in (False, True)
)
_SPACES = frozenset(" \t\u3000")
# Han line-breaking courtesy (a light kinsoku): never start a line with closing punctuation,
# never end one with opening punctuation.
_NO_START = frozenset("，。、：；！？）」』》〉】〕…—%,.:;!?)]}’”·")
_NO_END = frozenset("（「『《〈【〔([{‘“")
_PRIVATE_FIRST, _PRIVATE_LAST = 0xE000, 0xF8FF


@dataclass(frozen=True)
class Analysis:
    """One paragraph (no newline), analysed once and shared by every line cut from it."""

    text: str
    rtl: bool
    levels: tuple[int, ...]
    fonts: tuple[str, ...]
    breaks: tuple[int, ...]  # indices where a new line may start, in increasing order


@lru_cache(maxsize=1024)
def analyse(text: str, rtl: bool, bold: bool) -> Analysis:
    return Analysis(
        text, rtl, _bidi.paragraph_levels(text, rtl), _assign_fonts(text, bold), _break_points(text)
    )


def _assign_fonts(text: str, bold: bool) -> tuple[str, ...]:
    chosen: list[str | None] = []
    for char in text:
        script = fonts.script_of(char)
        chosen.append(fonts.font_for(char, bold) if script else None)
    # Neutral characters (digits, spaces, punctuation, marks) join the run before them, or the
    # one after at the start of a paragraph, when that font has them: fewer, longer runs.
    following: str | None = None
    ahead: list[str | None] = [None] * len(text)
    for i in range(len(text) - 1, -1, -1):
        ahead[i] = following
        following = chosen[i] or following
    previous: str | None = None
    result = []
    for i, char in enumerate(text):
        name = chosen[i]
        if name is None:
            if char in HIDDEN or char in _JOINERS:
                name = previous or ahead[i] or fonts.font_name(fonts.LATIN, bold)
            else:
                name = fonts.font_for(char, bold, prefer=previous or ahead[i])
        result.append(name)
        previous = name
    return tuple(result)


def _is_han(char: str) -> bool:
    return fonts.script_of(char) == fonts.HAN and unicodedata.category(char)[0] == "L"


def _break_points(text: str) -> tuple[int, ...]:
    points = []
    for i in range(1, len(text)):
        before, char = text[i - 1], text[i]
        if char in _SPACES:
            continue
        if (
            before in _SPACES
            or before in "\u200b/"
            or (
                (_is_han(before) or _is_han(char) or before in _NO_START)
                and (char not in _NO_START and before not in _NO_END and not _is_mark(char))
            )
        ):
            points.append(i)
    return tuple(points)


def _is_mark(char: str) -> bool:
    return unicodedata.category(char)[0] == "M" or char in _JOINERS


def can_split_inside(text: str, i: int) -> bool:
    """Emergency break inside a word too long for the line: never split a cluster."""
    return not (_is_mark(text[i]) or text[i - 1] in "\u094d\u200d" or text[i] in HIDDEN)


@dataclass(frozen=True)
class Run:
    font: str
    text: str  # logical order, hidden characters removed
    rtl: bool
    simple: bool

    def width(self, size: float) -> float:
        if self.simple:
            return pdfmetrics.stringWidth(self.text, self.font, size)
        glyphs = shape(self.text, self.font, self.rtl)
        return sum(g[2] for g in glyphs) * size / fonts.units_per_em(self.font)


def runs(analysis: Analysis, start: int, end: int) -> list[Run]:
    """The runs of text[start:end] in visual order (rules L1/L2 applied to this line)."""
    text = analysis.text[start:end]
    levels = _bidi.line_levels(list(analysis.levels[start:end]), int(analysis.rtl), text)
    pieces: list[tuple[str, int, list[str]]] = []
    for offset, char in enumerate(text):
        if char in HIDDEN:
            continue
        font, level = analysis.fonts[start + offset], levels[offset]
        if pieces and pieces[-1][0] == font and pieces[-1][1] == level:
            pieces[-1][2].append(char)
        else:
            pieces.append((font, level, [char]))
    order = _bidi.reorder([level for _, level, _ in pieces])
    result = []
    for index in order:
        font, level, chars = pieces[index]
        run_text = "".join(chars)
        simple = (
            level % 2 == 0 and font not in _COMPLEX_FONTS and not any(_is_mark(c) for c in run_text)
        )
        result.append(Run(font, run_text, level % 2 == 1, simple))
    return result


@lru_cache(maxsize=16384)
def shape(text: str, font: str, rtl: bool) -> tuple[tuple[int, int, int, int, int], ...]:
    """HarfBuzz glyphs (gid, cluster, x_advance, x_offset, y_offset) in font units, visual
    order.  The direction comes from the bidi level, never guessed from the script: a word of
    Arabic-Indic digits is left-to-right even though its script is Arabic."""
    buf = hb.Buffer()
    buf.add_codepoints([ord(c) for c in text])
    buf.guess_segment_properties()
    buf.direction = "rtl" if rtl else "ltr"
    hb.shape(fonts.hb_font(font), buf, {"kern": True, "liga": True})
    return tuple(
        (info.codepoint, info.cluster, pos.x_advance, pos.x_offset, pos.y_offset)
        for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True)
    )


_private: dict[tuple[str, int], int] = {}
_next_private: dict[str, int] = {}


def _code_for_glyph(font: str, gid: int, cluster_text: str) -> int:
    """A code point that reportlab's subsetter maps to glyph ``gid``.  Prefer the character the
    glyph actually stands for (so digits and plain letters still extract); otherwise claim a
    private-use code point for this glyph, once per process."""
    face = fonts.ttfont(font).face
    chars = face.glyphToChar.get(gid)
    if chars:
        for char in cluster_text:
            if ord(char) in chars:
                return ord(char)
        return chars[0]
    key = (font, gid)
    code = _private.get(key)
    if code is None:
        code = _next_private.get(font, _PRIVATE_FIRST)
        while code in face.charToGlyph:
            code += 1
        if code > _PRIVATE_LAST:
            raise RuntimeError(f"{font}: out of private-use code points for shaped glyphs")
        _next_private[font] = code + 1
        face.charToGlyph[code] = gid
        face.glyphToChar.setdefault(gid, []).append(code)
        face.charWidths[code] = face._pdfScale(face.hmetrics[gid][0])
        _private[key] = code
    return code


def emit(canvas: Canvas, line_runs: list[Run], x: float, y: float, size: float) -> None:
    """Write PDF text operators for one line starting at (x, y); caller wraps in q/Q."""
    doc = canvas._doc
    out = [f"BT 1 0 0 1 {fp_str(x)} {fp_str(y)} Tm"]
    current = ""
    for run in line_runs:
        font = fonts.ttfont(run.font)
        if run.simple:
            for subset, data in font.splitString(run.text, doc):
                name = font.getSubsetInternalName(subset, doc)
                if name != current:
                    out.append(f"{name} {fp_str(size)} Tf")
                    current = name
                out.append(f"({escapePDF(data)}) Tj")
            continue
        current = _emit_shaped(out, run, font, doc, size, current)
    out.append("ET")
    canvas.addLiteral("\n".join(out))


def _emit_shaped(
    out: list[str], run: Run, font: TTFont, doc: PDFDocument, size: float, current: str
) -> str:
    glyphs = shape(run.text, run.font, run.rtl)
    scale = 1000 / fonts.units_per_em(run.font)
    # The characters a glyph stands for run from its cluster to the next cluster in logical
    # order (glyphs of an RTL run come in visual order, so sort the cluster starts).
    starts = [*sorted({g[1] for g in glyphs}), len(run.text)]
    ends = {start: starts[i + 1] for i, start in enumerate(starts[:-1])}
    codes = [
        _code_for_glyph(run.font, gid, run.text[cluster : ends[cluster]])
        for gid, cluster, *_rest in glyphs
    ]
    face = font.face
    items: list[str] = []
    rise = 0.0

    def flush() -> None:
        if items:
            out.append(f"[{' '.join(items)}] TJ")
            items.clear()

    for (_gid, _cluster, advance, x_offset, y_offset), code in zip(glyphs, codes, strict=True):
        [(subset, data)] = font.splitString(chr(code), doc)
        name = font.getSubsetInternalName(subset, doc)
        if name != current:
            flush()
            out.append(f"{name} {fp_str(size)} Tf")
            current = name
        wanted_rise = y_offset * scale * size / 1000
        if wanted_rise != rise:
            flush()
            out.append(f"{fp_str(wanted_rise)} Ts")
            rise = wanted_rise
        if x_offset:
            items.append(fp_str(-x_offset * scale))
        items.append(f"({escapePDF(data)})")
        # TJ numbers are thousandths of an em, subtracted from the pen: this turns the PDF
        # width of the glyph into HarfBuzz's advance and undoes the mark's x offset.
        correction = face.getCharWidth(code) + x_offset * scale - advance * scale
        if abs(correction) > 1e-3:
            items.append(fp_str(correction))
    flush()
    if rise:
        out.append("0 Ts")
    return current
