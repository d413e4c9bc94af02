"""Compile every .po to .mo and copy translations/ and assets/ into a built package folder.

Used by setup.py at install time; kept free of prepkit imports so it runs in pip's isolated
build environment (where only setuptools and Babel are installed).
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po


def add_package_data(root: Path, package: Path) -> list[Path]:
    """Returns the compiled catalogs it wrote (under ``package``/locale)."""
    compiled = []
    for po in sorted((root / "translations").glob("*/LC_MESSAGES/prepkit.po")):
        with po.open("rb") as fh:
            catalog = read_po(fh)
        out = io.BytesIO()
        write_mo(out, catalog, use_fuzzy=False)
        mo = package / "locale" / po.relative_to(root / "translations").with_suffix(".mo")
        mo.parent.mkdir(parents=True, exist_ok=True)
        mo.write_bytes(out.getvalue())
        compiled.append(mo)
    for name in ("translations", "assets"):
        dest = package / name
        if dest.exists():
            shutil.rmtree(dest)
        shutil.copytree(root / name, dest)
    return compiled
