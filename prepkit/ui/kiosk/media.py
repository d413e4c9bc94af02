"""Finding removable drives (USB sticks): the only place a kiosk may save files.

Linux desktops mount them under /media/<user>/<label> or /run/media/<user>/<label> (udisks),
macOS under /Volumes/<label>; Windows gives them drive letters of type DRIVE_REMOVABLE.  Only
mount points count, so an empty folder left under /media is not taken for a drive.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path

UNIX_ROOTS = (Path("/media"), Path("/run/media"), Path("/Volumes"))
DRIVE_REMOVABLE = 2


def _children(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.is_dir())
    except OSError:
        return []


def _unix_volumes(roots: Iterable[Path], is_mount: object) -> list[Path]:
    check = is_mount if callable(is_mount) else os.path.ismount
    found: list[Path] = []
    for root in roots:
        for child in _children(root):
            if child.is_symlink():  # /Volumes/Macintosh HD -> / is the system disk
                continue
            if check(child):
                found.append(child)
                continue
            found.extend(g for g in _children(child) if not g.is_symlink() and check(g))
    return found


def _windows_volumes() -> list[Path]:  # pragma: no cover - Windows only
    import ctypes

    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    mask = kernel.GetLogicalDrives()
    found = []
    for index in range(26):
        if mask & (1 << index):
            root = f"{chr(65 + index)}:\\"
            if kernel.GetDriveTypeW(ctypes.c_wchar_p(root)) == DRIVE_REMOVABLE:
                found.append(Path(root))
    return found


def removable_volumes(roots: Iterable[Path] | None = None, is_mount: object = None) -> list[Path]:
    """Mounted removable volumes a family can carry away, writable ones only."""
    if sys.platform == "win32" and roots is None:  # pragma: no cover
        volumes = _windows_volumes()
    else:
        volumes = _unix_volumes(UNIX_ROOTS if roots is None else roots, is_mount)
    return [v for v in volumes if os.access(v, os.W_OK)]
