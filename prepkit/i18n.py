"""Languages, gettext catalogs and locale formatting: the one entry point for translation.

Modelled on MusicBrainz Picard's ``picard/i18n``: code marks strings with ``_`` (translated now,
in the interface language) or ``N_`` (marked for extraction, translated later by whoever shows
it).  ``_`` is never installed into builtins.  Printed documents do not use ``_``: a renderer asks
for ``translations(code)`` of the document language and passes it around explicitly, so the
interface and the documents can be in different languages at the same time.
"""

from __future__ import annotations

import gettext as _gettext
import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Literal

from babel import Locale
from babel.dates import format_date as _babel_format_date
from babel.dates import format_time as _babel_format_time
from babel.dates import get_datetime_format
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from prepkit import paths

Direction = Literal["ltr", "rtl"]
DOMAIN = "prepkit"
PSEUDO = "en_XA"


@dataclass(frozen=True)
class Language:
    """One language of LANGUAGES.md: how to name it, format for it and lay it out."""

    code: str  # our identifier, also the catalog folder name
    babel_locale: str  # what Babel formats dates and numbers with
    qt_locale: str  # what QLocale / Qt's own catalogs are loaded with
    script: str  # ISO 15924; the text layer picks fonts by script
    direction: Direction
    native_name_override: str | None = None

    @property
    def native_name(self) -> str:
        """The language written in itself, as the picker shows it."""
        if self.native_name_override:
            return self.native_name_override
        name = Locale.parse(self.babel_locale).get_display_name(self.babel_locale) or self.code
        return name[:1].upper() + name[1:]

    @property
    def english_name(self) -> str:
        if self.code == "ak":
            return "Twi"
        if self.code == "fa_AF":
            return "Dari"
        if self.code == "kea":
            return "Cape Verdean Creole"
        return Locale.parse(self.code).get_display_name("en") or self.code

    @property
    def is_rtl(self) -> bool:
        return self.direction == "rtl"

    @property
    def locale(self) -> Locale:
        return Locale.parse(self.babel_locale)


LANGUAGES: tuple[Language, ...] = (
    Language("en", "en_US", "en_US", "Latn", "ltr", "English"),
    Language("es", "es_US", "es_US", "Latn", "ltr", "Español"),
    Language("pt_BR", "pt_BR", "pt_BR", "Latn", "ltr", "Português"),
    Language("ht", "ht", "ht_HT", "Latn", "ltr", "Kreyòl ayisyen"),
    Language("ar", "ar", "ar", "Arab", "rtl", "العربية"),
    Language("vi", "vi", "vi_VN", "Latn", "ltr", "Tiếng Việt"),
    Language("ak", "ak", "ak_GH", "Latn", "ltr", "Twi"),
    Language("sq", "sq", "sq_AL", "Latn", "ltr", "Shqip"),
    Language("ne", "ne", "ne_NP", "Deva", "ltr", "नेपाली"),
    Language("ps", "ps", "ps_AF", "Arab", "rtl", "پښتو"),
    Language("fa_AF", "fa_AF", "fa_AF", "Arab", "rtl", "دری"),
    Language("so", "so", "so_SO", "Latn", "ltr", "Soomaali"),
    Language("sw", "sw", "sw_KE", "Latn", "ltr", "Kiswahili"),
    Language("zh_Hans", "zh_Hans_CN", "zh_CN", "Hans", "ltr", "简体中文"),
    Language("fr", "fr", "fr_FR", "Latn", "ltr", "Français"),
    Language("kea", "kea", "kea_CV", "Latn", "ltr", "Kriolu"),
)
_BY_CODE: Mapping[str, Language] = {lang.code: lang for lang in LANGUAGES}
DEFAULT = "en"


class UnknownLanguage(ValueError):
    pass


def language(code: str) -> Language:
    """The registry entry for ``code``; the pseudo-language formats like English."""
    if code == PSEUDO:
        return Language(PSEUDO, "en_US", "en_US", "Latn", "ltr", "[Ƥşéŭđő]")
    try:
        return _BY_CODE[code]
    except KeyError:
        raise UnknownLanguage(code) from None


def language_codes() -> tuple[str, ...]:
    return tuple(lang.code for lang in LANGUAGES)


# Locale names a system may use for our languages that do not start with our code.
_LOCALE_ALIASES = {"zh": "zh_Hans", "zh_cn": "zh_Hans", "zh_sg": "zh_Hans", "prs": "fa_AF",
                   "tw": "ak", "pt": "pt_BR"}


def match_locale(tag: str) -> str | None:
    """Our language for a system locale such as ``es_US.UTF-8``, ``pt-BR`` or ``fa_AF``.

    Plain Persian (``fa_IR``) is not Dari and stays unmatched; so does anything we do not have.
    """
    name = tag.split(".")[0].split("@")[0].replace("-", "_")
    if not name or name in ("C", "POSIX"):
        return None
    lowered = name.lower()
    for lang in LANGUAGES:
        if lowered == lang.code.lower():
            return lang.code
    if lowered in _LOCALE_ALIASES:
        return _LOCALE_ALIASES[lowered]
    base = lowered.split("_")[0]
    if base == "fa":
        return "fa_AF" if lowered == "fa_af" else None
    if base in _LOCALE_ALIASES:
        return _LOCALE_ALIASES[base]
    return base if base in _BY_CODE else None


# --- catalogs -------------------------------------------------------------------------------


def _compiled(code: str) -> Path | None:
    path = paths.locale_dir() / code / "LC_MESSAGES" / f"{DOMAIN}.mo"
    return path if path.is_file() else None


def _source(code: str) -> Path | None:
    path = paths.translations_dir() / code / "LC_MESSAGES" / f"{DOMAIN}.po"
    return path if path.is_file() else None


def compile_po(po_path: Path) -> bytes:
    """A .po file compiled to .mo bytes (used at build time, and in a source checkout)."""
    with po_path.open("rb") as fh:
        catalog = read_po(fh)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


@cache
def translations(code: str) -> _gettext.NullTranslations:
    """The catalog for one language; English (the source language) needs none."""
    if code == PSEUDO:
        return PseudoTranslations()
    language(code)  # refuse unknown codes early, before a silent fallback hides them
    compiled = _compiled(code)
    if compiled is not None:
        with compiled.open("rb") as fh:
            return _gettext.GNUTranslations(fh)
    source = _source(code)
    if source is not None:
        # A source checkout has no build step: compile in memory, once per process.
        return _gettext.GNUTranslations(io.BytesIO(compile_po(source)))
    return _gettext.NullTranslations()


class PseudoTranslations(_gettext.NullTranslations):
    """Accented, lengthened English: shows at a glance which text skipped the catalog."""

    _MAP = str.maketrans(
        "aceinosuyACEINOSUY", "àçéîñøšüýÀÇÉÎÑØŠÜÝ"
    )

    @classmethod
    def pseudo(cls, text: str) -> str:
        out: list[str] = []
        in_field = 0
        for ch in text:  # keep {placeholders} and %(name)s intact
            if ch == "{":
                in_field += 1
            if in_field or ch == "%":
                out.append(ch)
            else:
                out.append(ch.translate(cls._MAP))
            if ch == "}":
                in_field = max(0, in_field - 1)
        return "⟦" + "".join(out) + "·" * max(1, len(text) // 3) + "⟧"

    def gettext(self, message: str) -> str:
        return self.pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self.pseudo(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return self.pseudo(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return self.pseudo(msgid1 if n == 1 else msgid2)


# --- the interface language -----------------------------------------------------------------

_interface: list[str] = [DEFAULT]
_listeners: list[Callable[[str], None]] = []


def interface_language() -> str:
    return _interface[0]


def set_interface_language(code: str) -> None:
    """Switch the interface language; listeners (the Qt app) retranslate what is on screen."""
    language(code)
    _interface[0] = code
    for listener in list(_listeners):
        listener(code)


def on_interface_language_changed(listener: Callable[[str], None]) -> Callable[[], None]:
    """Call ``listener`` on every switch; returns the function that stops it (a closed window)."""
    _listeners.append(listener)

    def stop() -> None:
        if listener in _listeners:
            _listeners.remove(listener)

    return stop


def _(message: str) -> str:
    """Translate now, into the interface language."""
    return translations(_interface[0]).gettext(message)


def N_(message: str) -> str:
    """Mark for extraction only; whoever shows the text translates it."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(_interface[0]).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return translations(_interface[0]).pgettext(context, message)


@dataclass(frozen=True)
class Message:
    """A translatable message with its values, translated only when it is shown.

    Validation and the store raise these, so the same fact can be shown in the interface
    language on screen and in another language on paper or on the command line.
    """

    msgid: str
    params: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, msgid: str, **params: object) -> Message:
        return cls(msgid, tuple((k, str(v)) for k, v in params.items()))

    def render(self, tr: _gettext.NullTranslations | None = None) -> str:
        text = (tr or translations(_interface[0])).gettext(self.msgid)
        return text.format(**dict(self.params)) if self.params else text

    def __str__(self) -> str:
        return self.render()


# --- locale formatting ----------------------------------------------------------------------


# CLDR (Babel 2.19) has no month names for Haitian Creole and prints "2025 M03 10", which no
# parent reads as a date.  Standard Haitian Creole month names (lowercase, as written), in the
# day-month-year order families use.
_MONTHS_MISSING_FROM_CLDR: dict[str, tuple[str, ...]] = {
    "ht": ("janvye", "fevriye", "mas", "avril", "me", "jen", "jiyè", "out", "septanm",
           "oktòb", "novanm", "desanm"),
}


def format_date(value: date, code: str, fmt: str = "long") -> str:
    months = _MONTHS_MISSING_FROM_CLDR.get(code)
    if months is not None:
        if fmt == "short":
            return f"{value.day:02d}/{value.month:02d}/{value.year}"
        return f"{value.day} {months[value.month - 1]} {value.year}"
    return _babel_format_date(value, format=fmt, locale=language(code).babel_locale)


def format_moment(value: datetime, code: str, *, seconds: bool = False) -> str:
    """A day and a time of day, in local time, joined as the language joins them.

    The day goes through ``format_date`` (so Haitian Creole gets its month names); the joining
    pattern is CLDR's (``{1}, {0}`` in English, ``{1} {0}`` in Chinese)."""
    local = value.astimezone() if value.tzinfo is not None else value
    locale = language(code).babel_locale
    day = format_date(local.date(), code, "medium")
    time = _babel_format_time(local.time(), format="medium" if seconds else "short",
                              locale=locale)
    return str(get_datetime_format("medium", locale=locale)).replace("{1}", day).replace(
        "{0}", time)


def format_number(value: float, code: str) -> str:
    return format_decimal(value, locale=language(code).babel_locale)


def direction(code: str) -> Direction:
    return language(code).direction


def is_draft(code: str) -> bool:
    """True while a language's catalog awaits a native speaker's review (the picker says so)."""
    from prepkit import catalogs  # tooling module; imported late to keep start-up light

    return catalogs.is_draft(code)
