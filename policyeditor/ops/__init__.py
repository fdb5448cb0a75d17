"""The use cases the command line and the window share, over ``store`` and ``export``.

- ``ops.packet``: the packet of a version (which reading, which version it
  is compared against, the signature) and writing it;
- ``ops.redline``: the redline of two versions of a policy (or a version and
  the draft), and of two outside files;
- ``ops.publish``: the public notice site (and recording its postings);
- ``ops.tag``: tagging a data file with the version in force;
- ``ops.formats``: the export formats (file endings, which exports allow
  them, their writers).

``cli`` and ``gui`` call these; they print or show the result. Nothing here
imports ``cli`` or ``gui`` (tests/test_layering.py).
"""
