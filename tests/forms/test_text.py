"""The text layer: fonts for every script, wrapping, bidi, shaping, extraction and ink."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate

from prepkit.forms import _bidi, _runs, fonts, text
from tests import raster

PHONE = "+1 (555) 123-4567"
# One sentence per language, with the letters each language needs (LANGUAGES.md).
SAMPLES: dict[str, tuple[text.Direction, str]] = {
    "en": ("ltr", "If a parent cannot come home, call the school."),
    "es": ("ltr", "¿Quién recogerá a los niños? ¡Llame a la señora Núñez!"),
    "pt_BR": ("ltr", "Ação: a mãe não voltará; põe o cartão na mochila."),
    "ht": ("ltr", "Si yon paran pa ka vin lakay, rele lekòl la."),
    "ar": ("rtl", "إذا لم يتمكن أحد الوالدين من العودة إلى المنزل، اتصل بالمدرسة ٣٤."),
    "vi": ("ltr", "Kế hoạch khẩn cấp: một người lớn đáng tin cậy sẽ đón trẻ, chữ ữ ộ ế."),
    "ak": ("ltr", "Ɛnnɛ yɛbɛyɛ nhyehyɛe: ɔbaa a ɔbɛhwɛ mmofra no. Ɔdɔ ne ɛyɛ."),
    "sq": ("ltr", "Nëse një prind nuk mund të kthehet në shtëpi, çfarë bëjmë?"),
    "ne": ("ltr", "क्षमा, त्रिशूल, ज्ञान र श्रम: आपतकालीन योजना परिवारका लागि हो।"),
    "ps": ("rtl", "زموږ کورنۍ ټولې اړینې شیانې چمتو کړې، ډاکټر ته ښه ځواب ورکړئ او څښاک ساتئ."),
    "fa_AF": ("rtl", "اگر والدین نتوانند به خانه بیایند، این برنامه به کودکان کمک می‌کند."),
    "so": ("ltr", "Haddii waalid uusan guriga iman karin, wac dugsiga."),
    "sw": ("ltr", "Ikiwa mzazi hawezi kurudi nyumbani, piga simu shuleni."),
    "zh_Hans": ("ltr", "紧急联系人：张伟，电话 555-0123，地址：北京市朝阳区 8 号。"),
    "fr": ("ltr", "Si un parent ne peut pas rentrer, appelez l’école « Saint-Exupéry »."),
    "kea": ("ltr", "Si un pai ka pode bem pa kaza, telefona pa skola."),
}
COMPLEX = ("ar", "ps", "fa_AF", "ne")


def _pdf(draw: Callable[[Canvas], object]) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    draw(canvas)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _visible(value: str) -> str:
    return "".join(c for c in value if not c.isspace() and c not in _runs.HIDDEN)


@pytest.mark.parametrize("lang", sorted(SAMPLES))
@pytest.mark.parametrize("bold", [False, True])
def test_every_character_gets_a_font_that_has_it(lang: str, bold: bool) -> None:
    direction, sample = SAMPLES[lang]
    analysis = _runs.analyse(unicodedata.normalize("NFC", sample), direction == "rtl", bold)
    for char, name in zip(analysis.text, analysis.fonts, strict=True):
        if char in _runs.HIDDEN or char in "\u200c\u200d":
            continue
        assert fonts.covers(name, char), f"{lang}: {char!r} U+{ord(char):04X} not in {name}"


@pytest.mark.parametrize(
    ("chars", "script"),
    [
        ("ɛɔƐƆ", "latin"),
        ("ếộữñ¿¡ãõçë", "latin"),
        ("ټډړښږځڅېۍ", "arabic"),
        ("क्षत्रज्ञश्र", "devanagari"),
        ("张伟电话，。", "han"),
    ],
)
def test_letters_go_to_their_script_font(chars: str, script: str) -> None:
    for char in chars:
        name = text_font = fonts.font_for(char)
        assert fonts.covers(name, char)
        if unicodedata.category(char)[0] == "L":
            assert text_font == fonts.font_name(script)


def test_digits_stay_in_the_font_of_the_surrounding_text() -> None:
    analysis = _runs.analyse("الرقم 34 هنا", True, False)
    assert set(analysis.fonts) == {fonts.font_name("arabic")}


@pytest.mark.parametrize("lang", sorted(SAMPLES))
@pytest.mark.parametrize("width", [40.0, 90.0, 200.0])
def test_wrapping_loses_no_characters_and_lines_fit(lang: str, width: float) -> None:
    direction, sample = SAMPLES[lang]
    sample = f"{sample} {text.isolate(PHONE)} {sample}"
    lines = text.wrap(sample, width, size=10, direction=direction)
    assert _visible("".join(line.text for line in lines)) == _visible(
        unicodedata.normalize("NFC", sample)
    )
    for line in lines:
        single_cluster = len(_visible(line.text)) <= 3
        assert line.width <= width + 1e-6 or single_cluster, (line.text, line.width)


def _line_runs(sample: str, direction: text.Direction = "rtl") -> list[_runs.Run]:
    [line] = text.wrap(sample, 10_000, size=10, direction=direction)
    return list(line.runs)


def test_isolated_phone_number_keeps_its_order_inside_arabic() -> None:
    runs = _line_runs(f"اتصل بالرقم {text.isolate(PHONE)} الآن")
    phone = [r for r in runs if "555" in r.text]
    assert [r.text.replace("\xa0", " ") for r in phone] == [PHONE]
    assert not phone[0].rtl
    # Visually: "الآن" left of the number, "اتصل بالرقم" right of it.
    index = runs.index(phone[0])
    assert "الآن" in "".join(r.text for r in runs[:index])
    assert "اتصل" in "".join(r.text for r in runs[index + 1 :])


def test_phone_number_extracts_in_order_from_an_arabic_line() -> None:
    data = _pdf(
        lambda c: text.draw_line(
            c, 500, 700, f"اتصل {text.isolate(PHONE)}", size=12, anchor="right", direction="rtl"
        )
    )
    assert PHONE in PdfReader(io.BytesIO(data)).pages[0].extract_text().replace("\xa0", " ")


def test_latin_name_in_arabic_and_arabic_name_in_english() -> None:
    runs = _line_runs(f"مرحبا {text.isolate('John Smith')} هنا")
    assert "John Smith" in [r.text for r in runs]
    runs = _line_runs(f"Dear {text.isolate('فاطمة الزهراء')}, welcome", "ltr")
    texts = [r.text for r in runs]
    assert texts[0].startswith("Dear") and texts[-1].endswith("welcome")
    assert any(r.rtl and "فاطمة الزهراء" in r.text for r in runs)


def test_arabic_indic_digits_are_not_reversed() -> None:
    runs = _line_runs("الصف ٣٤ هنا")
    [digits] = [r for r in runs if "٣" in r.text]
    assert digits.text == "٣٤" and not digits.rtl
    glyphs = _runs.shape(digits.text, digits.font, digits.rtl)
    face = fonts.ttfont(digits.font).face
    assert [g[0] for g in glyphs] == [face.charToGlyph[ord("٣")], face.charToGlyph[ord("٤")]]


def test_typed_bidi_controls_are_neutralised() -> None:
    hostile = "Ali\u202e evil\u2067 \u200f"
    assert not any(c in hostile for c in text.clean(hostile) if c in "\u202e\u2067\u200f")
    isolated = text.isolate(hostile)
    assert isolated.startswith("\u2068") and isolated.endswith("\u2069")
    assert "\u202e" not in isolated
    after = " then the rest of the sentence"
    plain = _bidi.paragraph_levels("Name: X" + after, False)
    fielded = _bidi.paragraph_levels("Name: " + isolated + after, False)
    assert fielded[-len(after) :] == plain[-len(after) :]


def test_bidi_levels_come_from_the_isolate_aware_engine() -> None:
    _bidi.paragraph_levels("abc \u2067שלום\u2069 def", False)
    assert _bidi.ENGINE == "rust"


@pytest.mark.parametrize("word", ["بسم", "کورنۍ", "ښځې"])
def test_arabic_letters_join(word: str) -> None:
    name = fonts.font_name("arabic")
    face = fonts.ttfont(name).face
    glyphs = _runs.shape(word, name, True)
    nominal = {face.charToGlyph[ord(c)] for c in word}
    assert 0 not in {g[0] for g in glyphs}
    assert {g[0] for g in glyphs} != nominal  # initial/medial/final forms were chosen


@pytest.mark.parametrize("cluster", ["क्ष", "त्र", "ज्ञ", "श्र"])
def test_devanagari_conjuncts_form(cluster: str) -> None:
    glyphs = _runs.shape(cluster, fonts.font_name("devanagari"), False)
    assert 0 not in {g[0] for g in glyphs}
    assert len(glyphs) < len(cluster)


def test_latin_and_chinese_extract_exactly() -> None:
    lines = [SAMPLES[lang][1] for lang in ("en", "es", "pt_BR", "vi", "ak", "sq", "fr", "zh_Hans")]

    def draw(canvas: Canvas) -> None:
        for i, line in enumerate(lines):
            text.draw_line(canvas, 40, 780 - 20 * i, line, size=10, bold=i % 2 == 1)

    extracted = PdfReader(io.BytesIO(_pdf(draw))).pages[0].extract_text().splitlines()
    assert extracted == [unicodedata.normalize("NFC", line) for line in lines]


def test_para_splits_across_pages_without_losing_text() -> None:
    words = [f"word{i}" for i in range(1500)]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build([text.Para(" ".join(words), size=11)])
    reader = PdfReader(io.BytesIO(out.getvalue()))
    assert len(reader.pages) > 1
    assert "\n".join(p.extract_text() for p in reader.pages).split() == words


def test_rtl_para_is_right_aligned_and_split() -> None:
    para = text.Para(SAMPLES["ar"][1] * 30, size=10, direction="rtl")
    _, height = para.wrap(200, 1000)
    first, rest = para.split(200, height / 2)
    assert first.wrap(200, 1000)[1] + rest.wrap(200, 1000)[1] == pytest.approx(height)


def test_fit_size_fits_and_is_largest() -> None:
    sample = SAMPLES["ps"][1]
    size = text.fit_size(sample, 150, max_size=12, direction="rtl")
    assert text.measure(sample, size=size, direction="rtl") <= 150
    assert text.measure(sample, size=size + 0.25, direction="rtl") > 150
    boxed = text.fit_size(sample, 100, max_size=12, height=40, direction="rtl")
    lines = text.wrap(sample, 100, size=boxed, direction="rtl")
    assert len(lines) * boxed * text.LEADING_RATIO <= 40


def test_draw_line_anchor_right_ends_at_x() -> None:
    width = text.measure("Hello", size=10)
    assert text.draw_line(Canvas(io.BytesIO()), 100, 100, "Hello", size=10, anchor="right") == (
        pytest.approx(width)
    )


def _ink_columns(pdf: bytes, tmp_path: Path) -> tuple[int, int, int]:
    """(dark pixels, leftmost, rightmost ink column) of page 1 rendered at 72 dpi."""
    (page,) = raster.render_pages(pdf, dpi=72, count=1)
    columns = raster.ink_columns(page)
    inked = [x for x, n in enumerate(columns) if n]
    return sum(columns), min(inked, default=-1), max(inked, default=-1)


@pytest.mark.parametrize("lang", COMPLEX)
def test_complex_scripts_render_with_ink_on_the_right_side(lang: str, tmp_path: Path) -> None:
    direction, sample = SAMPLES[lang]
    left, box = 50.0, 400.0

    def draw(canvas: Canvas) -> None:
        text.draw_paragraph(canvas, left, 800, box, sample, size=12, direction=direction)

    dark, first, last = _ink_columns(_pdf(draw), tmp_path)
    assert dark > 500
    if direction == "rtl":
        assert abs(last - (left + box)) <= 3
    else:
        assert abs(first - left) <= 3
