"""Peak memory of this process as the kernel counts it for this program only.

``ru_maxrss`` is carried over from the parent on Linux (a child started by a big benchmark process
reported the parent's peak: 146 MB for a bare window that peaks at about 50 MB from a shell). ``VmHWM``
in ``/proc/self/status`` is the peak of this program's own memory map, new at every ``exec``.
"""

from __future__ import annotations


def peak_mb() -> float:
    """The peak resident memory of this process in MB (VmHWM on Linux, else ru_maxrss)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource  # macOS: bytes; not inherited there the same way

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
