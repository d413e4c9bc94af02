"""Coverage-guided fuzzing of plan import with atheris (optional; not collected by pytest).

    pip install atheris        # not a project dependency; CI runs the hypothesis fuzz instead
    python tests/reliability/atheris_import.py -max_total_time=60 -max_len=65536 \
        /tmp/corpus tests/reliability/fuzz_seeds

Seeded with real plan files (fuzz_seeds/: a full family, an empty plan, a locked file) it
reaches three times the code an unseeded run does in the same minute.

Same contract as tests/reliability/test_import_fuzz.py: any bytes either import to a plan that
round-trips, or raise PlanFileError with a one-line message; anything else is a crash.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

with atheris.instrument_imports():
    from prepkit import crypto, exchange

crypto.DEFAULT_KDF = crypto.KdfParams(time_cost=1, memory_kib=8)


def one_input(raw: bytes) -> None:
    try:
        if exchange.is_encrypted(raw):
            plan = exchange.loads_encrypted(raw, "pw")
        else:
            plan = exchange.loads(raw)
    except exchange.PlanFileError as refused:
        if "\n" in str(refused) or not str(refused).strip():
            raise AssertionError(f"not a one-line message: {str(refused)!r}") from None
        return
    if exchange.loads(exchange.dumps(plan)) != plan:
        raise AssertionError("an imported plan does not round-trip")


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
