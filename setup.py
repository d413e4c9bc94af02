"""Build step: compile the gettext catalogs and carry translations/ and assets/ into the package.

Everything else is declared in pyproject.toml.  A plain ``pip install .`` runs this, so a fresh
clone needs no hand-compiled .mo files.  The work itself is in tools/package_data.py, where the
tests can call it too.
"""

from __future__ import annotations

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "tools"))

from package_data import add_package_data  # noqa: E402


class BuildWithCatalogs(build_py):
    def run(self) -> None:
        super().run()
        add_package_data(ROOT, Path(self.build_lib) / "prepkit")


setup(cmdclass={"build_py": BuildWithCatalogs})
