"""Dates as the family types and reads them: the interface locale's short format, by Babel.

Babel, not QLocale, because Babel is what the printed documents and the review page use: one
digit system on every screen and on paper (Babel writes Latin digits for every language of
the registry; QLocale would write Arabic-Indic digits for Arabic, Dari and Pashto and
Devanagari digits for Nepali).  The year always has four digits: "3/15/26" is ambiguous for a
birth date.  Typing accepts that format, ISO ``yyyy-mm-dd``, and any digits a keyboard layout
gives (Arabic-Indic, Persian, Devanagari, full-width).
"""

from __future__ import annotations

import re
from datetime import date

from babel import Locale
from babel.dates import format_date as babel_format_date

from prepkit import i18n

FIRST_YEAR, LAST_YEAR = 1900, 2200

# Marks that steer direction (CLDR puts RLM into Arabic dates); they are not part of the date.
_BIDI = dict.fromkeys(map(ord, "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e"
                               "\u2066\u2067\u2068\u2069"))
_DIGITS = {zero + n: str(n) for zero in (0x0660, 0x06F0, 0x0966, 0xFF10) for n in range(10)}
_SEPARATORS = re.compile(r"[\s./\-,،年月日]+")


def latin_digits(text: str) -> str:
    return text.translate(_DIGITS)


def pattern(code: str) -> str:
    """The short date pattern of ``code``'s locale, with a four-digit year."""
    if code == "ht":  # CLDR's Haitian Creole is incomplete; i18n.format_date's short form
        return "dd/MM/y"
    short = Locale.parse(i18n.language(code).babel_locale).date_formats["short"].pattern
    return re.sub(r"(?<!y)yy(?!y)", "y", short)


def format_short(value: date, code: str) -> str:
    return babel_format_date(value, format=pattern(code), locale=i18n.language(code).babel_locale)


def example(code: str) -> str:
    """A date that shows the order of day and month (the 31st cannot be a month)."""
    return format_short(date(date.today().year, 12, 31), code)


def _order(code: str) -> str:
    """"dMy", "Mdy" or "yMd": the order of the three numbers in ``code``'s short format."""
    letters = [ch for ch in pattern(code) if ch in "dMy"]
    return "".join(dict.fromkeys(letters))


def parse(text: str, code: str) -> date | None:
    """The date in ``text`` (None when it is empty); ValueError when it is not a whole date."""
    clean = latin_digits(text.translate(_BIDI)).strip()
    if not clean:
        return None
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", clean)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    else:
        parts = [p for p in _SEPARATORS.split(clean) if p]
        order = _order(code)
        if len(parts) != 3 or not all(p.isdigit() for p in parts) or len(order) != 3:
            raise ValueError(f"not a date: {text!r}")
        found = dict(zip(order, parts, strict=True))
        if len(found["y"]) != 4:
            raise ValueError("the year needs four digits")
        year, month, day = int(found["y"]), int(found["M"]), int(found["d"])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"year out of range: {year}")
    return date(year, month, day)
