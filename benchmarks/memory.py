"""Peak memory of this process alone.

``getrusage(RUSAGE_SELF).ru_maxrss`` is inherited across fork on Linux: a child started by a
big parent reports the parent's peak, not its own.  The kernel's VmHWM ("high water mark") in
/proc/self/status is this process's own; elsewhere fall back to ru_maxrss (macOS counts bytes).
"""

from __future__ import annotations

import resource
import sys
from pathlib import Path


def peak_kib() -> int:
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak
