"""Unicode bidi levels for one paragraph, and the visual order of one line (private to text.py).

python-bidi's public API returns only a reordered *string*, but the text layer needs each
character's embedding level: runs must be shaped in logical order with their own direction and
font, lines must be broken before reordering, and rule L1 applies per line.  Its Rust engine
(unicode-bidi, which implements isolates LRI/RLI/FSI/PDI) exposes levels only through
``get_display(debug=True)``, a Rust debug dump listing one level per UTF-8 byte; we parse that.
If a future python-bidi changes the dump we fall back to its pure-Python engine, which predates
isolates, after turning isolates into the equivalent embeddings (close, not identical);
``ENGINE`` says which one ran so a test can insist on the exact one.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bidi import algorithm as pybidi
from bidi import get_display

_LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")
# Characters rule L1 resets to the paragraph level at the end of a line.
_L1_CLASSES = frozenset({"WS", "S", "B", "LRI", "RLI", "FSI", "PDI", "BN"})
_EMBED_FOR_ISOLATE = {"\u2066": "\u202a", "\u2067": "\u202b", "\u2069": "\u202c"}
_STRONG_R = frozenset({"R", "AL"})

ENGINE = "rust"


def paragraph_levels(text: str, rtl: bool) -> tuple[int, ...]:
    """Resolved embedding level of every character of one paragraph (no newlines inside)."""
    return _levels_cached(text, rtl)


@lru_cache(maxsize=2048)
def _levels_cached(text: str, rtl: bool) -> tuple[int, ...]:
    global ENGINE
    if not text:
        return ()
    levels = _rust_levels(text, rtl)
    if levels is None:
        ENGINE = "python"
        levels = _python_levels(text, rtl)
    return tuple(levels)


def _rust_levels(text: str, rtl: bool) -> list[int] | None:
    dump = get_display(text, base_dir="R" if rtl else "L", debug=True)
    if not isinstance(dump, str):
        return None
    # The text itself is printed with escapes, so a real newline + field name is unambiguous.
    start = dump.rfind("\n    levels: [")
    end = dump.find("\n    ],", start)
    if start < 0 or end < 0:
        return None
    per_byte = [int(m) for m in _LEVEL.findall(dump, start, end)]
    if len(per_byte) != len(text.encode("utf-8")):
        return None
    levels = []
    offset = 0
    for char in text:
        levels.append(per_byte[offset])
        offset += len(char.encode("utf-8"))
    return levels


def _python_levels(text: str, rtl: bool) -> list[int]:
    converted = []
    for i, char in enumerate(text):
        if char == "\u2068":  # FSI: direction of the first strong character inside
            converted.append("\u202b" if _first_strong_is_rtl(text[i + 1 :]) else "\u202a")
        else:
            converted.append(_EMBED_FOR_ISOLATE.get(char, char))
    storage = pybidi.get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    pybidi.get_embedding_levels("".join(converted), storage)
    # X9 deletes embedding controls from storage; remember which characters survive.
    kept = [
        i for i, c in enumerate(converted) if unicodedata.bidirectional(c) not in pybidi.X9_REMOVED
    ]
    pybidi.explicit_embed_and_overrides(storage)
    pybidi.resolve_weak_types(storage, False)
    pybidi.resolve_neutral_types(storage, False)
    pybidi.resolve_implicit_levels(storage, False)
    base = storage["base_level"]
    levels = [base] * len(text)
    for index, info in zip(kept, storage["chars"], strict=False):
        levels[index] = info["level"]
    return levels


def _first_strong_is_rtl(text: str) -> bool:
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return False
        if kind in _STRONG_R:
            return True
    return False


def line_levels(levels: list[int], base_level: int, chars: str) -> list[int]:
    """Rule L1 for one line: trailing whitespace and isolate controls, and whitespace before a
    tab, take the paragraph level, so a trailing space never lands at the wrong end."""
    line = list(levels)
    reset = True
    for i in range(len(chars) - 1, -1, -1):
        kind = unicodedata.bidirectional(chars[i])
        if kind in ("S", "B"):
            line[i] = base_level
            reset = True
        elif reset and kind in _L1_CLASSES:
            line[i] = base_level
        else:
            reset = False
    return line


def reorder(levels: list[int]) -> list[int]:
    """Rule L2: indices of the items (characters or level runs) in visual left-to-right order."""
    order = list(range(len(levels)))
    if not levels:
        return order
    highest = max(levels)
    lowest_odd = min(levels) | 1
    # From the highest level down to the lowest odd one, reverse every run at or above it.
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] >= level:
                j = i
                while j < len(order) and levels[order[j]] >= level:
                    j += 1
                order[i:j] = reversed(order[i:j])
                i = j
            else:
                i += 1
    return order
