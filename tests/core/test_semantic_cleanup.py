"""core.semantic_cleanup is diff-match-patch's semantic cleanup, step for step.

The port exists to be compiled (policyeditor.speedups); whatever the diff,
it must leave exactly what the library's ``diff_cleanupSemantic`` leaves.
"""

from __future__ import annotations

from diff_match_patch import diff_match_patch
from hypothesis import given, settings
from hypothesis import strategies as st

from policyeditor.core import semantic_cleanup

# Letters, spaces, punctuation, line breaks: every class the scoring reads.
ALPHABET = "ab \n\r.,x\u4e00"


def library_cleanup(diffs):
    diffs = list(diffs)
    diff_match_patch().diff_cleanupSemantic(diffs)
    return diffs


def port_cleanup(diffs):
    diffs = list(diffs)
    semantic_cleanup.cleanup_semantic(diffs)
    return diffs


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60), st.text(alphabet=ALPHABET, max_size=60))
def test_cleanup_of_real_diffs_is_the_librarys(a, b):
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    diffs = dmp.diff_main(a, b, False)
    assert port_cleanup(diffs) == library_cleanup(diffs)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([-1, 0, 1]), st.text(alphabet=ALPHABET, min_size=1, max_size=8)),
                max_size=25))
def test_cleanup_of_any_op_list_is_the_librarys(diffs):
    # Anchored diffs are not diff_main's: neighbours with the same op, many
    # one-unit equalities. The port must follow the library there too.
    assert port_cleanup(diffs) == library_cleanup(diffs)


def test_helpers_match_the_library():
    dmp = diff_match_patch()
    for x, y in [("abcxxx", "xxxdef"), ("", "a"), ("abc", "abc"), ("123456", "abcd"), ("fi", "\ufb01i")]:
        assert semantic_cleanup.common_overlap(x, y) == dmp.diff_commonOverlap(x, y)
        assert semantic_cleanup.common_prefix(x, y) == dmp.diff_commonPrefix(x, y)
        assert semantic_cleanup.common_suffix(x, y) == dmp.diff_commonSuffix(x, y)
