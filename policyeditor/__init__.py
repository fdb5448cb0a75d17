"""policyeditor: keep a public body's policies, their versions, redlines and dates in git."""

__version__ = "0.1.0"
