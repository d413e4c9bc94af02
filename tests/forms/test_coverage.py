"""No character of any catalog or of the test fixtures prints as a box or vanishes.

Every character is checked against the font the text layer actually picks for it, for every
language of the registry: reportlab drops characters silently, so only this test notices.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

import pytest

from prepkit import catalogs, exchange, i18n
from prepkit.forms import fonts
from tests.forms.fixtures import sample_plan

# Characters that draw nothing on purpose: they steer shaping, joining or direction.
INVISIBLE = {"\u200c", "\u200d", "\u200e", "\u200f", "\u2066", "\u2067", "\u2068", "\u2069",
             "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\ufeff", "\u00ad"}


def _drawn(texts: Iterable[str]) -> set[str]:
    return {ch for text in texts for ch in unicodedata.normalize("NFC", text)
            if not ch.isspace() and ch not in INVISIBLE and unicodedata.category(ch) != "Cc"}


def _missing(chars: set[str], bold: bool = False) -> list[str]:
    return sorted(f"U+{ord(ch):04X} {ch}" for ch in chars
                  if not fonts.covers(fonts.font_for(ch, bold=bold), ch))


def _catalog_texts(code: str) -> list[str]:
    if code == i18n.DEFAULT:
        return [m.id for m in catalogs.read(catalogs.pot_path()) if isinstance(m.id, str)]
    path = catalogs.po_path(code)
    if not path.is_file():
        pytest.fail(f"no catalog for {code}")
    texts: list[str] = []
    for message in catalogs.read(path):
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        texts.extend(s for s in strings if s)
    return texts


@pytest.mark.parametrize("code", i18n.language_codes())
def test_every_character_of_every_catalog_has_a_glyph(code: str) -> None:
    fonts.register()
    chars = _drawn(_catalog_texts(code)) | _drawn([i18n.language(code).native_name])
    assert len(chars) > 20
    assert _missing(chars) == []
    assert _missing(chars, bold=True) == []


def test_every_character_of_the_fixture_plans_has_a_glyph() -> None:
    fonts.register()
    raw = exchange.dumps(sample_plan()).decode("utf-8")
    assert _missing(_drawn([raw])) == []


def test_a_character_no_font_has_is_reported_by_this_check() -> None:
    fonts.register()
    assert _missing({"\U0001f9ff"}) != [] or _missing({"\u1780"}) != []  # nazar amulet / Khmer


def test_emoji_typed_into_a_name_print_in_the_symbols_font() -> None:
    import io

    from pypdf import PdfReader

    from prepkit.forms.render import render_document
    from prepkit.plan import Parent

    fonts.register()
    assert _missing(set("🙏😀❤⭐🏠")) == []
    plan = sample_plan()
    plan.parents[0] = Parent(name="Rosa 🙏 Martínez", phones=plan.parents[0].phones)
    reader = PdfReader(io.BytesIO(render_document(plan, "family-plan", "en")))
    embedded = {str(font.get("/BaseFont")) for page in reader.pages
                for font in page["/Resources"]["/Font"].values()}
    assert any("Symbola" in name for name in embedded), embedded
