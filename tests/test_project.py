"""Project-wide rules: lint, types, the layering contracts, no network code, the catalogs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_ruff_is_clean() -> None:
    result = _run(str(BIN / "ruff"), "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean() -> None:
    result = _run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_import_layering_contracts_hold() -> None:
    result = _run(str(BIN / "lint-imports"), "--no-cache")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


NETWORK = re.compile(
    r"^\s*(import|from)\s+(socket|ssl|urllib|http|ftplib|smtplib|requests|httpx|aiohttp|"
    r"PySide6\.QtNetwork)\b", re.M,
)


def test_no_network_module_is_imported_anywhere_in_the_package() -> None:
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "prepkit").rglob("*.py")
                 if NETWORK.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_the_suite_itself_cannot_open_sockets() -> None:
    import socket

    with pytest.raises(Exception, match=r"[Ss]ocket"):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)


def test_readme_opens_with_the_two_commands_and_ci_runs_the_second_verbatim() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "```sh"
    install_and_launch, install_and_test = lines[1], lines[2]
    assert install_and_launch.endswith("prepkit") and "pip install ." in install_and_launch
    assert "pytest" in install_and_test
    assert install_and_test in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("family", ["AF_INET", "AF_INET6"])
def test_processes_the_suite_starts_cannot_open_sockets_either(family: str) -> None:
    code = ("import socket\n"
            f"try:\n    socket.socket(socket.{family}, socket.SOCK_STREAM)\n"
            "except OSError as error:\n    print(type(error).__name__)\n"
            "else:\n    print('opened')\n"
            "a, b = socket.socketpair(); print('unix ok')\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.stdout.split() == ["NetworkForbidden", "unix", "ok"], result.stderr
