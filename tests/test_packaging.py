"""What `pip install .` carries: compiled catalogs, their sources and the fonts.

The README's commands install the package (not editable), so in CI this checks the real
installed copy; a source-checkout run (no installed prepkit) checks the build step directly.
"""

from __future__ import annotations

import gettext
import importlib.metadata
import sys
from pathlib import Path

import pytest

from prepkit import i18n

ROOT = Path(__file__).resolve().parents[1]


def _installed_files() -> set[str] | None:
    """Files of the installed copy; a build leaves prepkit.egg-info in the checkout, and the
    checkout comes first on sys.path, so that metadata is skipped, not taken for the install."""
    for dist in importlib.metadata.distributions(name="prepkit"):
        where = Path(str(dist.locate_file(""))).resolve()
        if where == ROOT:  # prepkit.egg-info beside the sources (the venv may live in ROOT)
            continue
        return {str(f) for f in dist.files or []}
    return None


def _expected() -> set[str]:
    codes = [code for code in i18n.language_codes() if code != i18n.DEFAULT]
    fonts = {f"prepkit/assets/fonts/{p.name}" for p in (ROOT / "assets" / "fonts").glob("*.ttf")}
    return (
        {f"prepkit/locale/{code}/LC_MESSAGES/prepkit.mo" for code in codes}
        | {f"prepkit/translations/{code}/LC_MESSAGES/prepkit.po" for code in codes}
        | fonts
    )


def test_build_step_compiles_every_catalog_and_copies_the_fonts(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from package_data import add_package_data
    finally:
        sys.path.remove(str(ROOT / "tools"))
    add_package_data(ROOT, tmp_path / "prepkit")
    built = {str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file()}
    assert _expected() <= built
    with (tmp_path / "prepkit/locale/es/LC_MESSAGES/prepkit.mo").open("rb") as fh:
        assert gettext.GNUTranslations(fh).gettext("Next") != "Next"


def test_installed_package_carries_catalogs_and_fonts() -> None:
    files = _installed_files()
    if files is None:
        pytest.skip("prepkit is not installed here (a source-checkout run); the build step "
                    "itself is checked by the test above")
    assert _expected() <= files
