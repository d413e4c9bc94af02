"""Arabic, Pashto, Dari and Nepali pages against approved reference images.

pypdf cannot read these scripts back (shaped glyphs), so the first page of every document in
each of these languages is rasterised with QtPdf at 100 dpi and compared with a grayscale PNG
a person looked at and approved.  At 100 dpi a phone number drawn "555-0142 (508)" instead of
"(508) 555-0142" changes a few hundred pixels in one place; the check fails on far less, while
anti-aliasing differences between Qt builds stay below it (they are faint and scattered).
To regenerate after an intended change, run

    PREPKIT_UPDATE_REFERENCES=1 /work/venv/bin/pytest tests/forms/test_visual.py

then LOOK at every image in tests/forms/reference/ before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from prepkit.forms.render import DOCUMENTS
from prepkit.plan import Mode
from tests.forms.conftest import rendered

REFERENCE = Path(__file__).parent / "reference"
DPI = 100
# A pixel "differs" past this grey-level step.  A page fails when more than TOLERANCE of its
# pixels differ, or more than BLOCK_TOLERANCE within one BLOCK x BLOCK square: a moved word or
# number concentrates its changes (one reordered phone number: ~150 in a square, 1,500 in
# all), anti-aliasing noise does not.  The 50 dpi check before allowed 0.4% of the page.
STEP, TOLERANCE = 64, 0.0005
BLOCK, BLOCK_TOLERANCE = 24, 16
LEVELS = 16

CASES = [
    *((doc, lang, False) for lang in ("ar", "ps", "fa_AF", "ne") for doc, _ in DOCUMENTS),
    ("family-plan", "ar", True),
]


def rasterise(data: bytes, page: int = 0):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtPdf import QPdfDocument

    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    points = document.pagePointSize(page)
    size = QSize(round(points.width() * DPI / 72), round(points.height() * DPI / 72))
    # QtPdf renders onto a transparent background: paint it onto white paper first.
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.drawImage(0, 0, document.render(page, size))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_Grayscale8)


def quantised(image):  # type: ignore[no-untyped-def]
    """16 grey levels: half the file size of 256, and far finer than STEP."""
    from PySide6.QtGui import QImage, qRgb

    table = [qRgb(*(round(i * 255 / (LEVELS - 1)),) * 3) for i in range(LEVELS)]
    indexed = image.convertToFormat(QImage.Format.Format_Indexed8, table)
    return indexed.convertToFormat(QImage.Format.Format_Grayscale8)


def differences(a, b) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """(pixels that differ, the most of them in any one block); sizes must match."""
    if a.size() != b.size():
        return a.width() * a.height(), BLOCK * BLOCK
    width, height = a.width(), a.height()
    bits_a, bits_b = a.constBits(), b.constBits()
    stride_a, stride_b = a.bytesPerLine(), b.bytesPerLine()
    view_a, view_b = memoryview(bits_a).cast("B"), memoryview(bits_b).cast("B")
    blocks: dict[tuple[int, int], int] = {}
    for y in range(height):
        row_a = view_a[y * stride_a : y * stride_a + width]
        row_b = view_b[y * stride_b : y * stride_b + width]
        if row_a == row_b:
            continue
        for x, (p, q) in enumerate(zip(row_a, row_b, strict=True)):
            if abs(p - q) > STEP:
                key = (x // BLOCK, y // BLOCK)
                blocks[key] = blocks.get(key, 0) + 1
    return sum(blocks.values()), max(blocks.values(), default=0)


@pytest.mark.parametrize(("doc", "lang", "with_english"), CASES)
def test_page_matches_approved_reference(qapp, doc: str, lang: str, with_english: bool) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage

    name = f"{doc}-{lang}{'-en' if with_english else ''}.png"
    image = quantised(rasterise(rendered(doc, lang, Mode.HOME, with_english)))
    path = REFERENCE / name
    if os.environ.get("PREPKIT_UPDATE_REFERENCES"):
        REFERENCE.mkdir(exist_ok=True)
        image.convertToFormat(QImage.Format.Format_Indexed8).save(str(path), "PNG", 0)
        pytest.skip(f"wrote {path}; look at it before committing")
    assert path.is_file(), f"no approved reference {name}: see this module's docstring"
    total, worst = differences(
        image, QImage(str(path)).convertToFormat(QImage.Format.Format_Grayscale8)
    )
    assert total <= TOLERANCE * image.width() * image.height() and worst <= BLOCK_TOLERANCE, (
        f"{name}: {total} pixels differ from the reference, {worst} of them in one place"
    )
