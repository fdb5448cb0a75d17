"""The frozen application's one entry script, behind both executables of the bundle.

``policyeditor`` (a console program) is the command line; ``policyeditor-gui``
(windowed: no console opens on Windows, the .app's program on macOS) opens
the window, as ``policyeditor gui`` does, with any arguments after it.
"""

import os
import sys

from policyeditor.cli import main

name = os.path.splitext(os.path.basename(sys.executable))[0].lower()
if name.endswith("-gui"):
    sys.exit(main(["gui", *sys.argv[1:]]))
sys.exit(main())
