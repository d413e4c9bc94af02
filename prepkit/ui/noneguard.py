"""Keep Python 3.11 alive under PySide6 6.12: it drops a reference to None on every call.

Measured here: each call of a C++ method that returns nothing (``QLabel.setText`` ...) lowers
``sys.getrefcount(None)`` by one on Python 3.11 (on 3.12+ None is immortal and nothing happens).
After some tens of thousands of calls - a few minutes of typing, or one language switch too many -
the interpreter aborts with "none_dealloc: deallocating None".  Until the dependency pins are
fixed (PySide6 < 6.12 on 3.11, or Python >= 3.12), the app tops the count up now and then.
"""

from __future__ import annotations

import ctypes
import sys

FLOOR = 1 << 20  # top up below this many references
TOP_UP = 1 << 30


def needed() -> bool:
    return sys.version_info < (3, 12)


def top_up() -> None:
    if needed() and sys.getrefcount(None) < FLOOR:
        # ob_refcnt is the first field of every CPython object; the references added here are
        # never released, which is exactly the point: they stand in for the ones PySide lost.
        ctypes.c_ssize_t.from_address(id(None)).value += TOP_UP
