"""policyeditor: keep a public body's policies, their versions, redlines and dates in git."""

__version__ = "0.1.0"

from policyeditor.speedups import use_speedups as _use_speedups  # noqa: E402

# Whether the redline engine runs compiled (see policyeditor.speedups).
SPEEDUPS = _use_speedups()
