"""Build step: compile the gettext catalogs and carry translations/ and assets/ into the package.

Everything else is declared in pyproject.toml.  A plain ``pip install .`` runs this, so a fresh
clone needs no hand-compiled .mo files.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildWithCatalogs(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "prepkit"
        for po in sorted((ROOT / "translations").glob("*/LC_MESSAGES/prepkit.po")):
            with po.open("rb") as fh:
                catalog = read_po(fh)
            out = io.BytesIO()
            write_mo(out, catalog, use_fuzzy=False)
            mo = target / "locale" / po.relative_to(ROOT / "translations").with_suffix(".mo")
            mo.parent.mkdir(parents=True, exist_ok=True)
            mo.write_bytes(out.getvalue())
        for name in ("translations", "assets"):
            dest = target / name
            if dest.exists():
                shutil.rmtree(dest)
            shutil.copytree(ROOT / name, dest)


setup(cmdclass={"build_py": BuildWithCatalogs})
