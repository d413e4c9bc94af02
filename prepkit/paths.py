"""Where things live: the user's data file, and the resources shipped with the program.

Resources (compiled catalogs, fonts) are copied into the package by the build step
(``setup.py``); in a source checkout they are found beside the package instead.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "prepkit"
DB_ENV = "PREPKIT_DB"
DATA_ENV = "PREPKIT_DATA_DIR"
DB_FILENAME = "prepkit.sqlite3"

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent


def data_dir() -> Path:
    """The per-user data folder (tests and kiosks point it elsewhere with PREPKIT_DATA_DIR)."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--db`` wins, then ``PREPKIT_DB``, then the platform's user data folder."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env)
    return data_dir() / DB_FILENAME


def _resource(installed: str, checkout: str) -> Path:
    packaged = _PACKAGE / installed
    return packaged if packaged.is_dir() else _CHECKOUT / checkout


def locale_dir() -> Path:
    """Compiled catalogs (<code>/LC_MESSAGES/prepkit.mo), present in an installed package."""
    return _PACKAGE / "locale"


def translations_dir() -> Path:
    """The .po sources; used directly (compiled in memory) when running from a checkout."""
    return _resource("translations", "translations")


def assets_dir() -> Path:
    return _resource("assets", "assets")


def fonts_dir() -> Path:
    return assets_dir() / "fonts"
