"""Fixtures every test gets: no test touches a real user's data, and key derivation is cheap.

Argon2id at production strength costs ~0.3 s a derivation; the store tests derive hundreds of
keys.  ``fast_kdf`` lowers the cost through ``crypto.DEFAULT_KDF``; one test checks the real
default separately (tests/test_crypto.py).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from prepkit import crypto, i18n

# Every Python process a test starts loads tests/nonet/sitecustomize.py, which forbids network
# sockets there as pytest-socket does here.
NO_NETWORK_DIR = Path(__file__).parent / "nonet"
os.environ["PYTHONPATH"] = os.pathsep.join(
    [str(NO_NETWORK_DIR), *filter(None, [os.environ.get("PYTHONPATH")])])

FAST_KDF = crypto.KdfParams(time_cost=1, memory_kib=8, parallelism=1)


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "userdata"
    monkeypatch.setenv("PREPKIT_DATA_DIR", str(data))
    monkeypatch.delenv("PREPKIT_DB", raising=False)
    monkeypatch.setenv("PREPKIT_LANG", "en")  # whatever language the machine running us speaks
    return data


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> crypto.KdfParams:
    monkeypatch.setattr(crypto, "DEFAULT_KDF", FAST_KDF)
    return FAST_KDF


@pytest.fixture(autouse=True)
def english_interface() -> None:
    """Each test starts with the interface in English, whatever the previous one switched to."""
    i18n.set_interface_language(i18n.DEFAULT)
