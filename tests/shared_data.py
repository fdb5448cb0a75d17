"""The test data: what the repository holds, and the larger corpus it may not.

``SEEDS`` and ``CORPUS`` are in the repository (tests/data/, see its README):
the Website Privacy seed texts and a small revision corpus, so every test
runs from a plain clone. ``SHARED_CORPUS`` is the full revision corpus (260
versions of GitHub's site policies, 7 MB) that the project's shared folder
holds beside the clone (``<clone>/../shared``, or $POLICYEDITOR_SHARED_DIR);
tests that want it run on it when it is there and skip, saying so, when it
is not: parametrize over ``CORPORA``, or call ``shared_corpus()``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"
SEEDS = DATA / "seeds"
CORPUS = DATA / "corpus"

SHARED = Path(os.environ.get("POLICYEDITOR_SHARED_DIR")
              or Path(__file__).resolve().parents[2] / "shared")
SHARED_CORPUS = SHARED / "corpus" / "site-policy"
HAS_SHARED_CORPUS = (SHARED_CORPUS / "manifest.json").is_file()
NO_SHARED_CORPUS = (f"the full revision corpus is not at {SHARED_CORPUS} (it lies beside the clone as "
                    "../shared/corpus/site-policy, or set POLICYEDITOR_SHARED_DIR); the small corpus in "
                    "tests/data/corpus ran instead")

# The corpora a corpus test runs on: the repository's always, the shared one when present.
CORPORA = [
    pytest.param(CORPUS, id="tests-data-corpus"),
    pytest.param(SHARED_CORPUS, id="shared-corpus",
                 marks=pytest.mark.skipif(not HAS_SHARED_CORPUS, reason=NO_SHARED_CORPUS)),
]


def shared_corpus() -> Path:
    """The full corpus, or skip the calling test with the reason."""
    if not HAS_SHARED_CORPUS:
        pytest.skip(NO_SHARED_CORPUS)
    return SHARED_CORPUS


def largest_corpus() -> Path:
    """The full corpus when present, else the repository's."""
    return SHARED_CORPUS if HAS_SHARED_CORPUS else CORPUS
