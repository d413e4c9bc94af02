"""Forbids network sockets in every Python process the test suite starts.

pytest-socket guards the test process only; the tests also run prepkit as real processes
(two instances, kills during saves, the command line).  ``tests/conftest.py`` puts this
folder first on PYTHONPATH, so Python imports this module at start-up in each of those
children too, and any AF_INET or AF_INET6 socket they make raises.  Unix sockets stay
allowed: they never leave the machine.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import socket
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
_NETWORK_FAMILIES = {socket.AF_INET, socket.AF_INET6, -1}  # -1: the AF_INET default


class NetworkForbidden(OSError):
    """Raised instead of opening a network socket inside a test's child process."""


class _GuardedSocket(socket.socket):
    def __init__(self, family: int = -1, type: int = -1, proto: int = -1,
                 fileno: int | None = None) -> None:
        if fileno is None and family in _NETWORK_FAMILIES:
            raise NetworkForbidden("prepkit tests: a child process tried to open a network socket")
        super().__init__(family, type, proto, fileno)


socket.socket = _GuardedSocket  # type: ignore[misc]


def _chain_to_the_next_sitecustomize() -> None:
    """This module shadows any sitecustomize the machine has; run that one as well."""
    rest = [entry for entry in sys.path if os.path.abspath(entry or ".") != _HERE]
    spec = importlib.machinery.PathFinder.find_spec("sitecustomize", rest)
    if spec is not None and spec.loader is not None:
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)


_chain_to_the_next_sitecustomize()
