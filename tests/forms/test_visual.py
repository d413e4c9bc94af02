"""Arabic, Pashto, Dari and Nepali pages against approved reference images.

pypdf cannot read these scripts back (shaped glyphs), so the first page of a few documents is
rasterised with QtPdf at 50 dpi and compared with a PNG a person looked at and approved.  To
regenerate after an intended change, run

    PREPKIT_UPDATE_REFERENCES=1 /work/venv/bin/pytest tests/forms/test_visual.py

then LOOK at every image in tests/forms/reference/ before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from prepkit.plan import Mode
from tests.forms.conftest import rendered

REFERENCE = Path(__file__).parent / "reference"
DPI = 50
# A pixel "differs" past this grey-level step; a page may differ in this share of its pixels
# (anti-aliasing differences between Qt builds, not a moved word, which changes far more).
STEP, TOLERANCE = 64, 0.004

CASES = [
    ("school-letter", "ar", False),
    ("child-cards", "ar", False),
    ("family-plan", "ar", True),
    ("family-plan", "ps", False),
    ("detained-steps", "fa_AF", False),
    ("caregiver-papers", "ne", False),
    ("school-letter", "ne", False),
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


def differing_share(a, b) -> float:  # type: ignore[no-untyped-def]
    if a.size() != b.size():
        return 1.0
    width, height = a.width(), a.height()
    bits_a, bits_b = a.constBits(), b.constBits()
    stride_a, stride_b = a.bytesPerLine(), b.bytesPerLine()
    view_a, view_b = memoryview(bits_a).cast("B"), memoryview(bits_b).cast("B")
    differing = 0
    for y in range(height):
        row_a = view_a[y * stride_a : y * stride_a + width]
        row_b = view_b[y * stride_b : y * stride_b + width]
        if row_a != row_b:
            differing += sum(1 for p, q in zip(row_a, row_b, strict=True) if abs(p - q) > STEP)
    return differing / (width * height)


@pytest.mark.parametrize(("doc", "lang", "with_english"), CASES)
def test_page_matches_approved_reference(qapp, doc: str, lang: str, with_english: bool) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage

    name = f"{doc}-{lang}{'-en' if with_english else ''}.png"
    image = rasterise(rendered(doc, lang, Mode.HOME, with_english))
    path = REFERENCE / name
    if os.environ.get("PREPKIT_UPDATE_REFERENCES"):
        REFERENCE.mkdir(exist_ok=True)
        image.save(str(path))
        pytest.skip(f"wrote {path}; look at it before committing")
    assert path.is_file(), f"no approved reference {name}: see this module's docstring"
    share = differing_share(
        image, QImage(str(path)).convertToFormat(QImage.Format.Format_Grayscale8)
    )
    assert share <= TOLERANCE, f"{name}: {share:.2%} of pixels differ from the reference"
