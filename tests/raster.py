"""Rasterise PDF pages with QtPdf (installed from PyPI with the app), for visual checks.

The tests must not depend on system tools such as poppler's pdftoppm: CI runs on a fresh machine
with only what the project installs.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication


def _app() -> QApplication:
    # A QApplication (not just a QGuiApplication): the UI tests in the same run need widgets.
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else QApplication([])


def render_pages(
    pdf: bytes, dpi: int = 50, first: int = 0, count: int | None = None
) -> list[QImage]:
    """Pages ``first``.. as white-backed grayscale images (QtPdf leaves the page transparent)."""
    _app()
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise ValueError(f"QtPdf could not load the PDF: {document.error()}")
    last = document.pageCount() if count is None else min(document.pageCount(), first + count)
    images = []
    for index in range(first, last):
        points = document.pagePointSize(index)
        size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
        page = document.render(index, size)
        flat = QImage(size, QImage.Format.Format_RGB32)
        flat.fill(QColor("white"))
        painter = QPainter(flat)
        painter.drawImage(0, 0, page)
        painter.end()
        images.append(flat.convertToFormat(QImage.Format.Format_Grayscale8))
    document.close()
    return images


def ink_columns(image: QImage, threshold: int = 128) -> list[int]:
    """Per pixel column, how many pixels are darker than ``threshold``."""
    width, height = image.width(), image.height()
    bits = bytes(image.constBits())[: image.bytesPerLine() * height]
    stride = image.bytesPerLine()
    counts = [0] * width
    for y in range(height):
        row = bits[y * stride : y * stride + width]
        for x, value in enumerate(row):
            if value < threshold:
                counts[x] += 1
    return counts


def difference(a: QImage, b: QImage) -> float:
    """Share of pixels (0..1) that differ by more than a small tolerance; sizes must match."""
    if a.size() != b.size():
        return 1.0
    width, height = a.width(), a.height()
    sa, sb = a.bytesPerLine(), b.bytesPerLine()
    da, db = bytes(a.constBits()), bytes(b.constBits())
    differ = 0
    for y in range(height):
        ra, rb = da[y * sa : y * sa + width], db[y * sb : y * sb + width]
        differ += sum(1 for p, q in zip(ra, rb, strict=True) if abs(p - q) > 48)
    return differ / (width * height)
