"""Regenerate assets/fonts/ from the pip font packages and Debian's WenQuanYi Micro Hei.

    /work/venv/bin/python tools/make_fonts.py [--wqy /usr/share/fonts/truetype/wqy/wqy-microhei.ttc]

Why this exists: the Noto packages ship *variable* TTFs and reportlab only ever embeds a variable
font's default instance, so Bold would silently print as Regular.  We pin static Regular (400) and
Bold (700) instances with fontTools' instancer and give every instance its own family and
PostScript name (reportlab keys fonts by those names, so two instances sharing one would collide).
WenQuanYi ships as a .ttc; reportlab handles collections, but a plain .ttf of the first face is
simpler to ship and to load.  The licence texts travel with the fonts.

This is a developer tool: the app itself only reads the generated files.
"""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path

from fontTools.ttLib import TTCollection, TTFont
from fontTools.varLib.instancer import instantiateVariableFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "assets" / "fonts"
WQY_DEFAULT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
WQY_DOC = Path("/usr/share/doc/fonts-wqy-microhei")
APACHE = Path("/usr/share/common-licenses/Apache-2.0")

# (pip package, file inside <package>/files, family name, file stem)
NOTO = [
    ("fontpkg_noto_sans", "NotoSans[wdth,wght].ttf", "Noto Sans", "NotoSans"),
    (
        "fontpkg_noto_sans_arabic",
        "NotoSansArabic[wdth,wght].ttf",
        "Noto Sans Arabic",
        "NotoSansArabic",
    ),
    (
        "fontpkg_noto_sans_devanagari",
        "NotoSansDevanagari[wdth,wght].ttf",
        "Noto Sans Devanagari",
        "NotoSansDevanagari",
    ),
]
WEIGHTS = [("Regular", 400), ("Bold", 700)]


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise SystemExit(f"pip package {name} is not installed")
    return Path(spec.origin).parent


def _set_names(font: TTFont, family: str, style: str) -> None:
    """Rewrite the name table so the instance is a self-contained static family member."""
    ps_name = f"{family.replace(' ', '')}-{style}"
    name = font["name"]
    # Drop typographic/variation names that still describe the variable family.
    for name_id in (16, 17, 21, 22, 25):
        name.removeNames(nameID=name_id)
    # Regular and Bold stay one RIBBI family (so Qt can pair them), but every file gets its own
    # PostScript name, which is what reportlab and PDF viewers use to tell faces apart.
    values = {
        1: family,
        2: style,
        3: f"{ps_name};prepkit",
        4: f"{family} {style}",
        6: ps_name,
    }
    for name_id, value in values.items():
        name.setName(value, name_id, 3, 1, 0x409)
        name.setName(value, name_id, 1, 0, 0)


def _set_style_bits(font: TTFont, bold: bool) -> None:
    os2 = font["OS/2"]
    os2.usWeightClass = 700 if bold else 400
    # fsSelection: bit 0 italic, bit 5 bold, bit 6 regular.
    os2.fsSelection = (os2.fsSelection & ~0b1100001) | (1 << 5 if bold else 1 << 6)
    font["head"].macStyle = 1 if bold else 0


def make_noto(out: Path) -> list[Path]:
    made = []
    for package, filename, family, stem in NOTO:
        source = _package_dir(package) / "files" / filename
        for style, weight in WEIGHTS:
            font = TTFont(source)
            static = instantiateVariableFont(font, {"wght": weight, "wdth": 100})
            for table in ("STAT", "MVAR", "HVAR"):
                if table in static:
                    del static[table]
            _set_names(static, family, style)
            _set_style_bits(static, style == "Bold")
            # Keep the source's timestamp so a rerun reproduces the same bytes (no git churn).
            static.recalcTimestamp = False
            path = out / f"{stem}-{style}.ttf"
            static.save(path)
            made.append(path)
    licence = _package_dir("fontpkg_noto_sans") / "LICENSE"
    text = licence.read_text(encoding="utf-8")
    # The three Noto packages share one OFL text; only their copyright lines differ.
    heads = []
    for package, *_ in NOTO:
        first = (_package_dir(package) / "LICENSE").read_text(encoding="utf-8").splitlines()[0]
        heads.append(first)
    body = text.split("\n", 1)[1]
    (out / "OFL-Noto.txt").write_text("\n".join(heads) + "\n" + body, encoding="utf-8")
    return made


def make_wqy(source: Path, out: Path) -> Path:
    """Extract face 0 (WenQuanYi Micro Hei, proportional) of the collection as a .ttf."""
    collection = TTCollection(source)
    face = collection.fonts[0]
    face.recalcTimestamp = False
    path = out / "WenQuanYiMicroHei.ttf"
    face.save(path)
    notice = (
        "WenQuanYi Micro Hei, face 0 of the collection in Debian package fonts-wqy-microhei\n"
        f"({source.name}).  prepkit uses and redistributes it under the Apache License 2.0\n"
        "(one of the two licences offered upstream).  Debian's copyright file follows, then\n"
        "the full licence text.\n\n"
    )
    copyright_text = (WQY_DOC / "copyright").read_text(encoding="utf-8")
    apache = APACHE.read_text(encoding="utf-8") if APACHE.exists() else ""
    separator = "\n" + "=" * 72 + "\n\n"
    (out / "LICENSE-WenQuanYi.txt").write_text(
        notice + copyright_text + separator + apache, encoding="utf-8"
    )
    return path


SYMBOLA_DEFAULT = Path("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf")
SYMBOLA_DOC = Path("/usr/share/doc/fonts-symbola")


def make_symbola(source: Path, out: Path) -> Path:
    """Symbola: the last resort for emoji and symbols families type into names and notes.

    It has TrueType outlines (reportlab embeds those) and no colour, which is what a school
    printer needs; without it an emoji in a name would silently vanish from every page.
    """
    path = out / "Symbola.ttf"
    path.write_bytes(source.read_bytes())
    notice = (
        "Symbola 2.60 by George Douros, from Debian package fonts-symbola\n"
        f"({source.name}).  Upstream licence, as Debian records it: \"Fonts are free for any\n"
        "use; they may be opened, edited, modified, regenerated, packaged and redistributed.\"\n"
        "Debian's copyright file follows.\n\n"
    )
    copyright_text = (SYMBOLA_DOC / "copyright").read_text(encoding="utf-8")
    (out / "LICENSE-Symbola.txt").write_text(notice + copyright_text, encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wqy", type=Path, default=WQY_DEFAULT)
    parser.add_argument("--symbola", type=Path, default=SYMBOLA_DEFAULT)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if not args.wqy.exists():
        raise SystemExit(f"{args.wqy} missing: apt-get install fonts-wqy-microhei")
    made = make_noto(args.out)
    made.append(make_wqy(args.wqy, args.out))
    if not args.symbola.exists():
        raise SystemExit(f"{args.symbola} missing: apt-get install fonts-symbola")
    made.append(make_symbola(args.symbola, args.out))
    for path in made:
        print(
            f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}"
            f"  {path.stat().st_size // 1024} KB"
        )


if __name__ == "__main__":
    main()
