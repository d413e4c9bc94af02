"""Render a sample page through the text layer, for looking at it: every hard script case.

/work/venv/bin/python tools/text_sample.py out.pdf      (then: pdftoppm -png -r 100 out.pdf)
"""

from __future__ import annotations

import sys
import time

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from prepkit.forms import text
from prepkit.forms.text import Direction

NAME = text.isolate("John Smith")
PHONE = text.isolate("+1 (555) 123-4567")
SAMPLES: list[tuple[str, Direction, str]] = [
    ("ar", "rtl", f"اتصل بـ {NAME} على الرقم {PHONE} عند الطوارئ، أو بالمدرسة ٣٤ مرة."),
    ("ps", "rtl", "زموږ کورنۍ ټولې اړینې شیانې چمتو کړې، ډاکټر ته ښه ځواب ورکړئ او څښاک ساتئ."),
    ("fa_AF", "rtl", "اگر والدین نتوانند به خانه بیایند، این برنامه به کودکان کمک می‌کند."),
    ("ne", "ltr", "क्षमा, त्रिशूल, ज्ञान र श्रम: आपतकालीन योजना परिवारका लागि हो।"),
    ("zh_Hans", "ltr", "紧急联系人：张伟，电话 555-0123，地址：北京市朝阳区 8 号。"),
    ("vi", "ltr", "Kế hoạch khẩn cấp: một người lớn đáng tin cậy sẽ đón trẻ; những chữ ữ ộ ế."),
    ("ak", "ltr", "Ɛnnɛ yɛbɛyɛ nhyehyɛe: ɔbaa a ɔbɛhwɛ mmofra no. Ɔdɔ ne ɛyɛ."),
    ("en", "ltr", f"Contact {text.isolate('فاطمة الزهراء')} at {PHONE} (ñ ¿ ¡ ã õ ç ë)."),
]


def render(path: str) -> float:
    canvas = Canvas(path, pagesize=A4)
    width, height = A4
    left, box = 20 * mm, width - 40 * mm
    started = time.perf_counter()
    y = height - 20 * mm
    text.draw_line(
        canvas, width / 2, y, "prepkit text layer sample", size=14, bold=True, anchor="center"
    )
    y -= 10 * mm
    for lang, direction, sample in SAMPLES:
        text.draw_line(canvas, left, y, lang, size=7, color=HexColor("#888888"))
        y -= 3
        for bold in (False, True):
            used = text.draw_paragraph(
                canvas, left, y, box, sample, size=11, bold=bold, direction=direction
            )
            y -= used + 3
        canvas.setStrokeColor(HexColor("#dddddd"))
        canvas.line(left, y + 1, left + box, y + 1)
        y -= 6
    # Narrow column: wrapping of RTL text with an isolated phone number.
    text.draw_paragraph(canvas, left, y, 55 * mm, SAMPLES[0][2], size=10, direction="rtl")
    text.draw_paragraph(canvas, left + 65 * mm, y, 40 * mm, SAMPLES[4][2], size=10)
    card_text = SAMPLES[1][2][:30]
    card = text.fit_size(card_text, 50 * mm, max_size=12, direction="rtl")
    text.draw_line(canvas, left + box, y - 5, f"{card:.2f}pt", size=7, anchor="right")
    text.draw_line(
        canvas, left + box, y - 20, card_text, size=card, anchor="right", direction="rtl"
    )
    canvas.showPage()
    elapsed = time.perf_counter() - started
    canvas.save()
    return elapsed


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    print(f"page laid out in {render(sys.argv[1]) * 1000:.0f} ms (cold)")
