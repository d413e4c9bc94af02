"""Render sample pages of the printed documents to PNG for docs/gallery/ (and its README).

    /work/venv/bin/python tools/gallery.py

Uses the sample family from tests/forms/fixtures.py and poppler's ``pdftoppm -png -r 60``.
Translations that have not landed yet show as English (gettext's fallback) in a mirrored or
non-Latin layout: the gallery shows layout, direction, fonts and typed names as they print.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from prepkit import i18n  # noqa: E402
from prepkit.forms.render import DOCUMENTS, render_document  # noqa: E402
from tests.forms.fixtures import sample_plan  # noqa: E402

OUT = ROOT / "docs" / "gallery"
LANGS = ("en", "es", "ar", "ps", "fa_AF", "ne", "zh_Hans")
# (document, language, with English, blank, pages)
SAMPLES: list[tuple[str, str, bool, bool, int]] = [
    *(
        (doc, lang, False, False, 1)
        for lang in LANGS
        for doc in ("family-plan", "school-letter", "child-cards")
    ),
    ("school-letter", "ne", True, False, 1),
    ("family-plan", "ar", True, False, 2),
    ("caregiver-packet", "es", True, False, 1),
    ("caregiver-papers", "zh_Hans", True, False, 1),
    ("parent-card", "fa_AF", False, False, 1),
    ("detained-steps", "ps", False, False, 1),
    ("detained-steps", "en", False, False, 1),
    ("caregiver-papers", "en", False, False, 2),
    ("child-cards", "kea", True, False, 1),
    ("document-checklist", "en", False, False, 1),
    ("update-notice", "es", True, False, 1),
    ("school-letter", "ar", False, True, 1),
    ("caregiver-papers", "en", False, True, 1),
    ("child-cards", "ne", False, True, 1),
]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.png"):
        old.unlink()
    titles = dict(DOCUMENTS)
    plan = sample_plan()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for doc, lang, english, blank, pages in SAMPLES:
            stem = f"{doc}-{lang}{'-en' if english else ''}{'-blank' if blank else ''}"
            pdf = Path(tmp) / f"{stem}.pdf"
            pdf.write_bytes(
                render_document(None if blank else plan, doc, lang, with_english=english)
            )
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    "60",
                    "-f",
                    "1",
                    "-l",
                    str(pages),
                    str(pdf),
                    str(OUT / stem),
                ],
                check=True,
            )
            for image in sorted(OUT.glob(f"{stem}-*.png")):
                kind = "blank" if blank else ("bilingual" if english else "")
                rows.append(
                    f"| {titles[doc]} | {i18n.language(lang).english_name} | {kind} | "
                    f"[{image.name}]({image.name}) |"
                )
    (OUT / "README.md").write_text(
        "# Gallery of printed documents\n\n"
        "Made by `tools/gallery.py` from the sample family in `tests/forms/fixtures.py` "
        "(60 dpi, first pages). Every translation is a draft awaiting a native speaker's "
        "review; the family's names, dates and phone numbers are printed exactly as typed.\n\n"
        "| Document | Language | Version | Page |\n|---|---|---|---|\n" + "\n".join(rows) + "\n",
        encoding="utf-8",
    )
    print(f"{len(rows)} pages in {OUT}")


if __name__ == "__main__":
    main()
