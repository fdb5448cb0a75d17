"""Where the project's shared material (seed texts, revision corpus) lies.

CI lays ``shared/`` beside the clone (``<clone>/../shared``);
$POLICYEDITOR_SHARED_DIR names another place.
"""

from __future__ import annotations

import os
from pathlib import Path

SHARED = Path(os.environ.get("POLICYEDITOR_SHARED_DIR")
              or Path(__file__).resolve().parents[2] / "shared")
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus" / "site-policy"
