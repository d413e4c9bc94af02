"""The languages registry, catalogs and locale formatting."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime

import pytest
from babel import Locale

from prepkit import i18n
from prepkit.i18n import N_, Message

EXPECTED = ["en", "es", "pt_BR", "ht", "ar", "vi", "ak", "sq", "ne", "ps", "fa_AF", "so", "sw",
            "zh_Hans", "fr", "kea"]


def test_registry_holds_the_sixteen_languages_in_order() -> None:
    assert list(i18n.language_codes()) == EXPECTED


@pytest.mark.parametrize("code", EXPECTED)
def test_every_language_resolves_to_babel_and_a_direction(code: str) -> None:
    lang = i18n.language(code)
    assert isinstance(Locale.parse(lang.babel_locale), Locale)
    assert lang.direction == ("rtl" if code in {"ar", "ps", "fa_AF"} else "ltr")
    assert lang.native_name.strip()
    assert i18n.format_date(date(2026, 3, 4), code)


def test_picker_names_follow_languages_md() -> None:
    names = {code: i18n.language(code).native_name for code in EXPECTED}
    assert names["ak"] == "Twi" and names["fa_AF"] == "دری" and names["kea"] == "Kriolu"
    assert names["ne"] == "नेपाली" and names["zh_Hans"] == "简体中文"


def test_unknown_language_is_refused() -> None:
    with pytest.raises(i18n.UnknownLanguage):
        i18n.language("xx")
    with pytest.raises(i18n.UnknownLanguage):
        i18n.translations("tlh")


def test_interface_switch_notifies_and_changes_underscore() -> None:
    seen: list[str] = []
    i18n.on_interface_language_changed(seen.append)
    i18n.set_interface_language(i18n.PSEUDO)
    assert i18n._("Next").startswith("⟦") and seen[-1] == i18n.PSEUDO
    i18n.set_interface_language("en")
    assert i18n._("Next") == "Next"


def test_pseudo_keeps_placeholders_intact() -> None:
    text = i18n.PseudoTranslations.pseudo("{name} has no one authorized.")
    assert "{name}" in text and text.format(name="Ana").count("Ana") == 1


def test_messages_translate_late_in_any_catalog() -> None:
    message = Message.of(N_("{name} has no phone number."), name="Rosa")
    assert message.render() == "Rosa has no phone number."
    assert "Rosa" in message.render(i18n.translations(i18n.PSEUDO))


def test_dates_follow_the_document_locale() -> None:
    day = date(2026, 3, 4)
    assert i18n.format_date(day, "es") == "4 de marzo de 2026"
    assert "2026" in i18n.format_date(day, "zh_Hans") and "3" in i18n.format_date(day, "zh_Hans")
    assert i18n.format_date(day, "en") == "March 4, 2026"


@pytest.mark.parametrize(("tag", "code"), [
    ("es_US.UTF-8", "es"), ("pt_BR.UTF-8", "pt_BR"), ("pt-PT", "pt_BR"), ("zh_CN.UTF-8", "zh_Hans"),
    ("fa_AF", "fa_AF"), ("fa_IR.UTF-8", None), ("prs", "fa_AF"), ("ne_NP.UTF-8", "ne"),
    ("C.UTF-8", None), ("de_DE.UTF-8", None), ("ar_EG.UTF-8", "ar"), ("kea_CV", "kea"),
])
def test_system_locales_map_to_our_languages(tag: str, code: str | None) -> None:
    assert i18n.match_locale(tag) == code


@pytest.mark.parametrize("code", EXPECTED)
def test_every_language_writes_the_month_as_a_word(code: str) -> None:
    """A date must be readable by a parent: never CLDR's placeholder "M03"."""
    text = i18n.format_date(date(2025, 3, 10), code)
    assert "M03" not in text and "10" in text and "2025" in text
    assert any(ch.isalpha() for ch in text) or code == "zh_Hans"


def test_haitian_creole_dates_use_creole_month_names() -> None:
    assert i18n.format_date(date(2025, 3, 10), "ht") == "10 mas 2025"
    assert i18n.format_date(date(2026, 7, 4), "ht") == "4 jiyè 2026"


@pytest.mark.parametrize("code", i18n.language_codes())
def test_a_moment_is_a_readable_day_and_time_in_local_time(code: str, monkeypatch) -> None:
    monkeypatch.setenv("TZ", "America/New_York")  # Worcester's
    time.tzset()
    try:
        text = i18n.format_moment(datetime(2026, 3, 10, 19, 5, 30, tzinfo=UTC), code)
        exact = i18n.format_moment(datetime(2026, 3, 10, 19, 5, 30, tzinfo=UTC), code,
                                   seconds=True)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    day = i18n.format_date(date(2026, 3, 10), code, "medium")
    assert day in text and "{" not in text  # the day as dates are written, CLDR's glue used
    assert "3:05" in text or "15:05" in text  # 19:05 UTC is 3:05 pm in Worcester (EDT)
    assert ":05:30" not in text and ":05:30" in exact  # seconds only when asked for


def test_english_is_named_plainly_everywhere() -> None:
    assert i18n.language("en").native_name == "English"
