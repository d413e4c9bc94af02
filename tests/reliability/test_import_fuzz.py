"""Plan import under fuzzing: every input is a valid plan or one ``PlanFileError``, never more.

Inputs: arbitrary bytes, valid plan files with bytes flipped, cut or inserted, arbitrary JSON
(hypothesis' recursive strategy) alone and grafted into a valid plan, giant strings, deep
nesting, encrypted envelopes with hostile parameters.  A plan that imports must round-trip and
save into a real store; a refused file must leave the store's bytes exactly as they were when it
goes through the command line's ``prepkit import``.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prepkit import cli, exchange
from prepkit.plan import Plan
from prepkit.store import Store
from tests import strategies
from tests.forms.fixtures import sample_plan
from tests.test_store import PASS

FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                        HealthCheck.too_slow, HealthCheck.data_too_large])
VALID = exchange.dumps(sample_plan())
VALID_DATA = json.loads(VALID)


def attempt(raw: bytes) -> Plan | None:
    """Import like the app does; a refusal must be a PlanFileError with a one-line message."""
    try:
        if exchange.is_encrypted(raw):
            return exchange.loads_encrypted(raw, PASS)
        return exchange.loads(raw)
    except exchange.PlanFileError as refused:
        message = str(refused)
        assert message.strip() and "\n" not in message and "\r" not in message, message
        assert len(message) < 300
        return None


def check(raw: bytes, store: Store) -> None:
    plan = attempt(raw)
    if plan is None:
        return
    assert isinstance(plan, Plan)
    again = exchange.dumps(plan)
    assert exchange.loads(again) == plan
    session = store.create_household(plan, PASS)
    assert store.load(session) == plan


@pytest.fixture
def store(tmp_path: Path) -> Any:
    with Store.open(tmp_path / "fuzz.sqlite3") as opened:
        yield opened


# --- strategies ------------------------------------------------------------------------------

json_scalars = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
                | st.text(max_size=30))
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                max_size=4),
    max_leaves=20,
)


def paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            out += paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            out += paths(value, (*prefix, index))
    return out


VALID_PATHS = paths(VALID_DATA)


@st.composite
def grafted(draw: st.DrawFn) -> bytes:
    """A valid plan file with one subtree (anywhere, the envelope included) replaced."""
    document = json.loads(VALID)
    path = draw(st.sampled_from(VALID_PATHS[1:]))
    node = document
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = draw(json_values)
    return json.dumps(document, ensure_ascii=draw(st.booleans())).encode()


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    raw = bytearray(exchange.dumps(draw(strategies.plans)) if draw(st.booleans()) else VALID)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "truncate", "insert", "delete"]))
        at = draw(st.integers(0, max(0, len(raw) - 1)))
        if kind == "flip" and raw:
            raw[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "truncate":
            del raw[at:]
        elif kind == "insert":
            raw[at:at] = draw(st.binary(min_size=1, max_size=8)
                              | st.sampled_from([b"{", b"[", b'"', b",", b"\\ud800", b"1e999",
                                                 b"NaN", b"\x00", b"\xff", b"\\u202e"]))
        else:
            del raw[at:at + draw(st.integers(1, 40))]
    return bytes(raw)


# --- the fuzz --------------------------------------------------------------------------------


@FUZZ
@given(raw=st.binary(max_size=3000))
def test_arbitrary_bytes(store: Store, raw: bytes) -> None:
    check(raw, store)


@FUZZ
@given(raw=mutated())
def test_mutated_plan_files(store: Store, raw: bytes) -> None:
    check(raw, store)


@FUZZ
@given(raw=grafted())
def test_valid_plans_with_a_subtree_replaced_by_arbitrary_json(store: Store, raw: bytes) -> None:
    check(raw, store)


@FUZZ
@given(value=json_values, wrap=st.booleans())
def test_arbitrary_json(store: Store, value: Any, wrap: bool) -> None:
    document = {"format": "prepkit-plan", "version": 1, "plan": value} if wrap else value
    check(json.dumps(document).encode(), store)


@FUZZ
@given(kdf=st.dictionaries(st.sampled_from(["time_cost", "memory_kib", "parallelism", "salt"]),
                           json_values), data=json_values)
def test_encrypted_envelopes_with_hostile_parameters(store: Store, kdf: Any, data: Any) -> None:
    good = {"time_cost": 1, "memory_kib": 8, "parallelism": 1, "salt": "00" * 16}
    document = {"format": "prepkit-plan-encrypted", "version": 1, "kdf": {**good, **kdf},
                "data": data}
    check(json.dumps(document).encode(), store)


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        (b"[" * 200_000, "nested too deeply"),
        (b'{"a":' * 50_000 + b"1" + b"}" * 50_000, "nested too deeply"),
        (VALID.replace(b'"code_word": "Mangotree"',
                       b'"code_word": "' + b"x" * (exchange.MAX_STRING + 1) + b'"'), "too long"),
        (b'{"format": "prepkit-plan", "version": 1, "plan": {"code_word": '
         + b"9" * 5000 + b"}}", "number that is not allowed"),
        (b'{"format": "prepkit-plan", "version": ' + b"9" * 5000 + b', "plan": {}}',
         "number that is not allowed"),
        (b'{"format": "prepkit-plan", "version": 1, "plan": {"code_word": "\\ud800"}}',
         "should be text"),
        (b'{"format": "prepkit-plan", "version": 1, "plan": {"a\\nb\\u202ec": 1}}',
         "unknown field: a?b?c"),
        (b'{"format": "prepkit-plan", "version": 1, "plan": {"contacts": ['
         + b"{}," * (exchange.MAX_ITEMS + 1) + b"{}]}}", "too many entries"),
        (b" " * (exchange.MAX_FILE_BYTES + 1), "too large"),
    ],
)
def test_giant_and_deep_inputs_are_refused_in_one_line(store: Store, raw: bytes,
                                                        says: str) -> None:
    with pytest.raises(exchange.PlanFileError) as refused:
        exchange.loads(raw)
    assert says in str(refused.value) and "\n" not in str(refused.value)


def test_long_legal_strings_import_and_save(store: Store) -> None:
    plan = sample_plan()
    plan.code_word = "\u202e" + "z" * (exchange.MAX_STRING - 1)
    check(exchange.dumps(plan), store)


# --- through the command line: refused means nothing written ---------------------------------


def run_import(db: Path, plan_file: Path) -> tuple[int, str]:
    err = io.StringIO()
    stdin = sys.stdin
    sys.stdin = io.StringIO(f"{PASS}\n{PASS}\n{PASS}\n")
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = cli.main(["--db", str(db), "import", str(plan_file)])
    finally:
        sys.stdin = stdin
    return code, err.getvalue()


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.one_of(mutated(), grafted(), st.binary(max_size=500)))
def test_cli_import_writes_nothing_unless_the_whole_plan_imports(tmp_path: Path,
                                                                 raw: bytes) -> None:
    db = tmp_path / "kept.sqlite3"
    if not db.exists():
        with Store.open(db) as store:
            kept = store.create_household(sample_plan(), PASS).household_id
        (tmp_path / "kept.id").write_text(kept)
        (tmp_path / "pristine").write_bytes(db.read_bytes())
    pristine = (tmp_path / "pristine").read_bytes()
    db.write_bytes(pristine)  # every example starts from the same store (closed: safe to copy)
    plan_file = tmp_path / "incoming.json"
    plan_file.write_bytes(raw)
    expected = attempt(raw)

    code, err = run_import(db, plan_file)

    assert "Traceback" not in err
    wal = db.with_name(db.name + "-wal")
    if expected is None:
        assert code == 1 and err.count("\n") == 1 and err.startswith("prepkit: "), err
        assert db.read_bytes() == pristine
        assert not wal.exists() or wal.stat().st_size == 0
    else:
        assert code == 0, err
        with Store.open(db, create=False) as store:
            ids = [h.id for h in store.list_households()]
            assert len(ids) == 2
            kept = (tmp_path / "kept.id").read_text()
            new = next(i for i in ids if i != kept)
            assert store.load(store.unlock(new, PASS)) == expected
            assert store.load(store.unlock(kept, PASS)) == sample_plan()


def test_the_fuzz_seeds_are_valid_plan_files() -> None:
    """The seed corpus for the atheris harness must start from files that import."""
    seeds = sorted((Path(__file__).parent / "fuzz_seeds").glob("*.json"))
    assert len(seeds) == 3
    for seed in seeds:
        raw = seed.read_bytes()
        # The harness unlocks locked files with "pw" (tests/reliability/atheris_import.py).
        plan = exchange.loads_encrypted(raw, "pw") if exchange.is_encrypted(raw) else attempt(raw)
        assert plan is not None, seed.name
