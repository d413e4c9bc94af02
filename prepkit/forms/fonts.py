"""The fonts prepkit embeds in every PDF, and which one can draw a given character.

reportlab has no font fallback: a character the current font lacks is silently dropped.  So text
is split into runs and every run gets a font chosen here from the fonts shipped in assets/fonts
(never system fonts).  Latin, Greek, Cyrillic and Vietnamese use Noto Sans; Arabic-script text
(Arabic, Pashto, Dari) Noto Sans Arabic; Nepali Noto Sans Devanagari; Han WenQuanYi Micro Hei,
which has no bold face, so bold Chinese is printed with the regular face; emoji and symbols none
of those have fall back to Symbola (black and white, as a school printer prints them).

Public API:
    register() -> None                          register the shipped fonts with reportlab (once)
    font_name(script, bold=False) -> str        reportlab name of the font for a script
    covers(font_name, char) -> bool             the font's cmap has the character
    script_of(char) -> str | None               'arabic' | 'devanagari' | 'han' | 'latin' | None
    font_for(char, bold=False, prefer=None) -> str   font to draw char with (with fallback)
    ttfont(font_name) -> TTFont                 the registered reportlab font object
    hb_font(font_name) -> uharfbuzz.Font        cached HarfBuzz font at font-unit scale
"""

from __future__ import annotations

import threading
import unicodedata
from functools import cache

import uharfbuzz as hb
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from prepkit.paths import fonts_dir

LATIN = "latin"
ARABIC = "arabic"
DEVANAGARI = "devanagari"
HAN = "han"
SYMBOLS = "symbols"  # emoji and symbols; no script of ours needs it, names and notes may
SCRIPTS = (LATIN, ARABIC, DEVANAGARI, HAN)

# script -> (regular name, file, bold name, file).  The names are what reportlab knows them by.
_FILES: dict[str, tuple[str, str, str, str]] = {
    LATIN: ("NotoSans", "NotoSans-Regular.ttf", "NotoSans-Bold", "NotoSans-Bold.ttf"),
    ARABIC: (
        "NotoSansArabic",
        "NotoSansArabic-Regular.ttf",
        "NotoSansArabic-Bold",
        "NotoSansArabic-Bold.ttf",
    ),
    DEVANAGARI: (
        "NotoSansDevanagari",
        "NotoSansDevanagari-Regular.ttf",
        "NotoSansDevanagari-Bold",
        "NotoSansDevanagari-Bold.ttf",
    ),
    # No bold WenQuanYi exists; faking bold with stroking would blur small Han glyphs.
    HAN: ("WenQuanYiMicroHei", "WenQuanYiMicroHei.ttf", "WenQuanYiMicroHei", ""),
    # Black-and-white emoji and symbols, the last resort: a family's 🙏 must not vanish.
    SYMBOLS: ("Symbola", "Symbola.ttf", "Symbola", ""),
}

# Ranges decide the *preferred* font; coverage (the cmap) has the last word.
_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0600, 0x06FF, ARABIC),
    (0x0750, 0x077F, ARABIC),
    (0x0870, 0x08FF, ARABIC),
    (0xFB50, 0xFDFF, ARABIC),
    (0xFE70, 0xFEFF, ARABIC),
    (0x0900, 0x097F, DEVANAGARI),
    (0xA8E0, 0xA8FF, DEVANAGARI),
    (0x1CD0, 0x1CFF, DEVANAGARI),
    (0x2E80, 0x2FDF, HAN),
    (0x3000, 0x303F, HAN),  # CJK punctuation: 。、「」
    (0x3040, 0x30FF, HAN),
    (0x3100, 0x312F, HAN),
    (0x31C0, 0x31EF, HAN),
    (0x3200, 0x33FF, HAN),
    (0x3400, 0x4DBF, HAN),
    (0x4E00, 0x9FFF, HAN),
    (0xF900, 0xFAFF, HAN),
    (0xFE30, 0xFE4F, HAN),
    (0xFF00, 0xFFEF, HAN),  # full-width forms: ，：（）
    (0x20000, 0x3FFFF, HAN),
)
# Fallback order when the preferred font lacks a character.
_FALLBACK = (LATIN, ARABIC, DEVANAGARI, HAN, SYMBOLS)

_lock = threading.Lock()
_registered = False
_cmaps: dict[str, frozenset[int]] = {}


def register() -> None:
    """Register every shipped font with reportlab; cheap after the first call."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        folder = fonts_dir()
        for regular, regular_file, bold, bold_file in _FILES.values():
            for name, filename in ((regular, regular_file), (bold, bold_file)):
                if not filename or name in _cmaps:
                    continue
                # validate=0: the files are ours and checksumming 4.5 MB of Han costs time.
                font = TTFont(name, str(folder / filename), validate=0)
                pdfmetrics.registerFont(font)
                # Snapshot the real cmap now: text.py later adds private-use code points to
                # charToGlyph for shaped glyphs (ligatures, joining forms) that have none.
                _cmaps[name] = frozenset(font.face.charToGlyph)
        _registered = True


def font_name(script: str, bold: bool = False) -> str:
    """The reportlab font name for a script ('latin', 'arabic', 'devanagari', 'han')."""
    regular, _, bold_name, _ = _FILES[script]
    return bold_name if bold else regular


def ttfont(name: str) -> TTFont:
    register()
    font = pdfmetrics.getFont(name)
    assert isinstance(font, TTFont), name
    return font


def _cmap(name: str) -> frozenset[int]:
    register()
    return _cmaps[name]


def covers(name: str, char: str) -> bool:
    """True if the font named ``name`` has a glyph for ``char`` (a single character)."""
    return ord(char) in _cmap(name)


def script_of(char: str) -> str | None:
    """The script whose font should draw ``char``; None for characters any font may draw
    (spaces, digits, punctuation, symbols) and for combining marks, which follow their base."""
    cp = ord(char)
    for low, high, script in _RANGES:
        if low <= cp <= high:
            # Arabic/Devanagari digits and punctuation still need their own font, but a
            # full-width comma etc. is Han-only: ranges already say exactly that.
            return script
    category = unicodedata.category(char)
    if category[0] == "L":
        return LATIN
    return None


def font_for(char: str, bold: bool = False, prefer: str | None = None) -> str:
    """The font to draw ``char`` with.

    ``prefer`` is the font of the run being built (the neighbouring character's font): neutral
    characters (digits, spaces, punctuation, marks) stay in it when it has them, so "٣ ساعات"
    or "电话 555" stays one run.  Letters go to their script's font; anything that font lacks
    falls back through the other shipped fonts.  A character no font has gets Noto Sans (it
    prints as the font's missing-glyph box, which is better than vanishing).
    """
    script = script_of(char)
    if script is None and prefer is not None and covers(prefer, char):
        return prefer
    first = font_name(script or LATIN, bold)
    if covers(first, char):
        return first
    for other in _FALLBACK:
        name = font_name(other, bold)
        if covers(name, char):
            return name
    return font_name(LATIN, bold)


@cache
def hb_font(name: str) -> hb.Font:
    """A HarfBuzz font for the shipped file, at font-unit scale (callers scale by size/upem)."""
    face = hb.Face(hb.Blob(ttfont(name).face._ttf_data))
    return hb.Font(face)


@cache
def units_per_em(name: str) -> int:
    return int(hb_font(name).face.upem)
