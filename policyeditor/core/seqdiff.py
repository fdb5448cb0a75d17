"""Sequence diff for the redline: anchors first, diff-match-patch in the gaps.

diff-match-patch's Myers diff costs O(N*D) and, with its default one-second
timeout, silently returns "everything deleted, everything inserted" on large
inputs. This module keeps its results minimal at any size:

1. trim the common prefix and suffix;
2. a remainder sharing under 30% of its words (spaces aside), or a few words
   facing a long passage, is a rewrite: one deletion, one insertion (what
   semantic cleanup would show anyway);
3. small remainders, and those whose unit counts show only a few edits, go
   to diff-match-patch with no timeout (O(N*D) is cheap there);
4. the rest are cut at anchors: units occurring exactly once on each side
   (then, failing those, equally rare units), kept in order by a longest
   increasing subsequence (patience diff); each gap between anchors recurses.
   A large gap with no anchor at all is a rewrite too; diff-match-patch
   diffs it only when it is small enough to stay fast (see FALLBACK_CELLS).

Myers' diff runs in diff-match-patch's C++ build (``fast-diff-match-patch``),
which gives the Python one's diffs at C speed; ``diff_semantic`` has it do
the semantic cleanup too when the whole diff is one Myers run (the same
result as Python's cleanup); anchored diffs are cleaned up by
``semantic_cleanup``, diff-match-patch's Python cleanup typed for mypyc.
Units are single characters (see ``tokens.KeyMap``): a block or a token each.
The result is a diff-match-patch diff list ``[(op, text), ...]`` with
op -1 deleted, 0 equal, 1 inserted.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter

from diff_match_patch import diff_match_patch  # type: ignore[import-untyped]

from policyeditor.core import semantic_cleanup
from policyeditor.core.semantic_cleanup import common_prefix, common_suffix

DELETE, EQUAL, INSERT = -1, 0, 1

# Below this combined length diff-match-patch runs without timeout: its worst
# case (two unrelated texts) stays a few milliseconds.
SMALL = 150
# A gap of at least REWRITE_MIN units sharing less than REWRITE_SHARE of its
# words (spaces aside) is a rewrite: one deletion, one insertion. Shorter
# gaps go straight to diff-match-patch.
REWRITE_MIN = 40
REWRITE_SHARE = 0.3
# A gap whose one side has at most LOPSIDED_SMALL units and the other more
# than LOPSIDED_RATIO times as many is a rewrite too.
LOPSIDED_SMALL = 64
LOPSIDED_RATIO = 16
# A gap of up to NEAR_SIZE units that needs at most NEAR_EDITS edits by its
# unit counts goes to diff-match-patch directly: its O(N*D) is small then.
# (Not larger: the counts ignore order, so a gap of reordered text can need
# far more edits than they say; at 4000 units the slowest corpus redline
# took a third longer.)
NEAR_SIZE = 1000
NEAR_EDITS = 24
# The rarest repeated units tried as anchors when no unit is unique.
MAX_REPEAT = 8
# A large gap with no anchor at all shares no rare unit: it is a rewrite
# whatever the diff finds. diff-match-patch (with its half-match speedup)
# still diffs it when it has at most FALLBACK_CELLS (len(a) * len(b)) cells,
# which bounds its time; FALLBACK_TIMEOUT (seconds) is only a safety net.
# (This was a 50 ms budget, so the result depended on the machine's speed.)
FALLBACK_CELLS = 40_000
FALLBACK_TIMEOUT = 1.0


def _dmp(timeout: float = 0.0) -> _CppDiff | diff_match_patch:
    """A diff-match-patch for ``diff_main(a, b, False)``: its C++ build when
    there is no timeout (the same diffs, much faster), else the Python one."""
    if timeout <= 0 and _cpp is not None:
        return _CPP_DIFF
    d = diff_match_patch()
    d.Diff_Timeout = timeout
    return d


try:    # fast-diff-match-patch: Google's C++ diff-match-patch
    import fast_diff_match_patch as _cpp  # type: ignore[import-not-found]
except ImportError:     # pragma: no cover - a declared dependency; kept as a fallback
    _cpp = None

_ASTRAL = "\U00010000"     # wide strings may be UTF-16 on some platforms: BMP only


class _CppDiff:
    """diff-match-patch's C++ implementation behind the Python one's interface.

    With no timeout, no line mode and no cleanup it computes the very diff of
    the Python ``diff_main(a, b, False)`` (same algorithm; checked by tests);
    strings with characters beyond the BMP go to the Python one.
    """

    def __init__(self) -> None:
        self._python = diff_match_patch()
        self._python.Diff_Timeout = 0

    def diff_main(self, a: str, b: str, checklines: bool = False) -> list[tuple[int, str]]:
        if (a and max(a) >= _ASTRAL) or (b and max(b) >= _ASTRAL):
            return self._python.diff_main(a, b, False)
        out: list[tuple[int, str]] = []
        i = j = 0
        for op, n in _cpp.diff(a, b, timelimit=0, checklines=False, cleanup="No", counts_only=True):
            if op == "=":
                out.append((EQUAL, a[i:i + n]))
                i += n
                j += n
            elif op == "-":
                out.append((DELETE, a[i:i + n]))
                i += n
            else:
                out.append((INSERT, b[j:j + n]))
                j += n
        return out


def diff_units(a: str, b: str) -> list[tuple[int, str]]:
    """The diff of two unit strings, minimal in practice at any size."""
    out: list[tuple[int, str]] = []
    _diff(a, b, out, _dmp())
    return merge(out)


def merge(diffs: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Join neighbouring entries with the same op; drop empty ones."""
    merged: list[tuple[int, str]] = []
    for op, text in diffs:
        if not text:
            continue
        if merged and merged[-1][0] == op:
            merged[-1] = (op, merged[-1][1] + text)
        else:
            merged.append((op, text))
    return merged


def _diff(a: str, b: str, out: list[tuple[int, str]], dmp: _CppDiff | diff_match_patch) -> None:
    """Append the diff of a and b to out."""
    p = common_prefix(a, b)
    if p:
        out.append((EQUAL, a[:p]))
        a, b = a[p:], b[p:]
    s = common_suffix(a, b)
    tail = a[len(a) - s:] if s else ""
    if s:
        a, b = a[: len(a) - s], b[: len(b) - s]
    if not a or not b:
        out.append((DELETE, a))
        out.append((INSERT, b))
    elif len(a) + len(b) < REWRITE_MIN:
        out.extend(dmp.diff_main(a, b, False))
    else:
        _diff_middle(a, b, out, dmp)
    if tail:
        out.append((EQUAL, tail))


REWRITE, MYERS, ANCHORS = "rewrite", "myers", "anchors"


def _plan(a: str, b: str, count_a: Counter, count_b: Counter) -> str:
    """How to diff two texts with nothing in common at either end."""
    both = count_a.keys() & count_b.keys()
    shared = sum(map(min, map(count_a.__getitem__, both), map(count_b.__getitem__, both)))
    return _choose(len(a), len(b), shared, count_a.get(" ", 0), count_b.get(" ", 0))


def _lopsided(len_a: int, len_b: int) -> bool:
    """A few units facing a long passage."""
    return min(len_a, len_b) <= LOPSIDED_SMALL and max(len_a, len_b) > LOPSIDED_RATIO * min(len_a, len_b)


def _choose(len_a: int, len_b: int, shared: int, spaces_a: int, spaces_b: int) -> str:
    """``_plan`` from the texts' lengths, the units they share by count and
    their spaces."""
    smaller = min(len_a - spaces_a, len_b - spaces_b)
    if _lopsided(len_a, len_b) or shared - min(spaces_a, spaces_b) < REWRITE_SHARE * smaller:
        # A rewrite: one deletion and one insertion, which is what semantic
        # cleanup makes of scattered common words ("the", "of") anyway. A few
        # words facing a long passage are treated alike: O(N*D) is at its
        # worst there, and at most those few words could have been kept.
        return REWRITE
    size, fewest_edits = len_a + len_b, len_a + len_b - 2 * shared
    if size <= SMALL or (size <= NEAR_SIZE and fewest_edits <= NEAR_EDITS):
        return MYERS     # O(N*D) with a small D
    return ANCHORS


def _diff_middle(a: str, b: str, out: list[tuple[int, str]], dmp: _CppDiff | diff_match_patch,
                 counted: tuple[Counter, Counter, str] | None = None) -> None:
    """Diff two texts with nothing in common at either end (see the module doc).

    ``counted``: their unit counts and ``_plan``, when the caller has them.
    """
    if counted is None:
        count_a, count_b = Counter(a), Counter(b)
        plan = _plan(a, b, count_a, count_b)
    else:
        count_a, count_b, plan = counted
    if plan == REWRITE:
        out.append((DELETE, a))
        out.append((INSERT, b))
        return
    if plan == MYERS:
        out.extend(dmp.diff_main(a, b, False))
        return
    anchors = _anchors(a, b, count_a, count_b)
    if not anchors:
        if len(a) * len(b) <= FALLBACK_CELLS:
            out.extend(_dmp(FALLBACK_TIMEOUT).diff_main(a, b, False))
        else:
            out.append((DELETE, a))
            out.append((INSERT, b))
        return
    ia = ib = 0
    for i, j in anchors:
        if i > ia or j > ib:
            _gap(a[ia:i], b[ib:j], out, dmp)
        out.append((EQUAL, a[i]))
        ia, ib = i + 1, j + 1
    _gap(a[ia:], b[ib:], out, dmp)


def _gap(a: str, b: str, out: list[tuple[int, str]], dmp: _CppDiff | diff_match_patch) -> None:
    """The diff between two anchors: trivial cases directly, else recurse."""
    if not a or not b:
        out.append((DELETE, a))
        out.append((INSERT, b))
    elif a == b:
        out.append((EQUAL, a))
    else:
        _diff(a, b, out, dmp)


def _anchors(a: str, b: str, count_a: Counter, count_b: Counter) -> list[tuple[int, int]]:
    """Pairs (i, j) with a[i] == b[j], in order on both sides (patience diff).

    Units unique on both sides first; when there are none, units occurring
    equally often (at most MAX_REPEAT times) on both sides, k-th with k-th.
    """
    unique = [u for u, n in count_a.items() if n == 1 and count_b.get(u) == 1]
    if unique:
        where_a = dict(zip(a, range(len(a))))     # the last place: the only one here
        where_b = dict(zip(b, range(len(b))))
        lis = _longest_increasing(sorted((where_a[u], where_b[u]) for u in unique))
        if lis:
            return lis
    chosen = {u for u, n in count_a.items() if n <= MAX_REPEAT and count_b.get(u) == n}
    if not chosen:
        return []
    positions_b: dict[str, list[int]] = {}
    for j, u in enumerate(b):
        if u in chosen:
            positions_b.setdefault(u, []).append(j)
    seen: Counter[str] = Counter()
    pairs = []
    for i, u in enumerate(a):
        if u in chosen:
            pairs.append((i, positions_b[u][seen[u]]))
            seen[u] += 1
    return _longest_increasing(pairs)


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of pairs (sorted by i) increasing in j."""
    tails: list[int] = []          # smallest j ending a run of each length
    tail_index: list[int] = []     # index in pairs of that j
    back: list[int] = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        pos = bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_index.append(k)
        else:
            tails[pos] = j
            tail_index[pos] = k
        back[k] = tail_index[pos - 1] if pos else -1
    result = []
    k = tail_index[-1] if tail_index else -1
    while k >= 0:
        result.append(pairs[k])
        k = back[k]
    result.reverse()
    return result


_CPP_DIFF = _CppDiff() if _cpp is not None else None


# Characters diff-match-patch's boundary scoring reads beyond an edge (its
# blank-line patterns), plus one.
EDGE_MARGIN = 5


def edges_hold(diffs: list[tuple[int, str]], first: bool, last: bool) -> bool:
    """Whether semantic cleanup, in making ``diffs``, stayed clear of the start
    of the first equal stretch (``first``) and the end of the last (``last``).

    The cleanup reads an equal stretch only beside a single edit: it shifts the
    edit left as far as the stretch's end matches the edit's, then steps right
    while the edit's first character matches the next stretch's, scoring each
    position by a few characters around it. Both reaches can be found again
    from the cleaned diff; when they keep EDGE_MARGIN characters from the edge,
    a longer stretch with the same inner end gives the same diff.
    """
    if not diffs:
        return False
    if first:
        if diffs[0][0] != EQUAL:
            return False
        if len(diffs) == 2 or (len(diffs) > 2 and diffs[2][0] == EQUAL):
            stretch, edit = diffs[0][1], diffs[1][1]
            if common_suffix(stretch, edit) + EDGE_MARGIN > len(stretch):
                return False
    if last:
        if diffs[-1][0] != EQUAL:
            return False
        if len(diffs) == 2 or (len(diffs) > 2 and diffs[-3][0] == EQUAL):
            edit, stretch = diffs[-2][1], diffs[-1][1]
            if common_prefix(edit + stretch, stretch) + EDGE_MARGIN > len(stretch):
                return False
    return True


# diff_semantic tries Myers' diff first on texts up to this size: at worst
# (a rewrite, where the try is wasted) a fraction of a millisecond in C++.
# Larger tries cost the rewrites of the slowest corpus pairs ~10% in wasted
# tries; smaller ones give up the speed-up on edited paragraphs.
SPECULATE_SIZE = 400
_CPP_OPS = {"=": EQUAL, "-": DELETE, "+": INSERT}


def diff_semantic(a: str, b: str) -> list[tuple[int, str]]:
    """``cleanup_semantic(diff_units(a, b))``, faster.

    When ``diff_units`` would diff a and b with one Myers run (what remains
    after their common ends is small, or close to the same by its unit
    counts), the C++ build computes that diff and its semantic cleanup in one
    call: the same algorithm as the Python one's, giving the same diff
    (checked by tests). Otherwise the anchored diff of ``diff_units`` is
    cleaned up in Python.
    """
    if _cpp is None or (a and max(a) >= _ASTRAL) or (b and max(b) >= _ASTRAL):
        return cleanup_semantic(diff_units(a, b))
    p = common_prefix(a, b)
    s = common_suffix(a[p:], b[p:])
    len_a, len_b = len(a) - p - s, len(b) - p - s
    size = len_a + len_b
    if not len_a or not len_b or size < REWRITE_MIN:
        return _cpp_semantic(a, b)          # _diff: straight to Myers
    result = None
    if size <= SPECULATE_SIZE and not _lopsided(len_a, len_b):
        # Myers' diff is cheap at this size whatever the edits: compute it,
        # then check it is what _plan would choose. Its equal units are at
        # most the units the middles share by count (any diff's equal parts
        # are a common subsequence), so passing _plan's tests with them
        # means passing them with the counts.
        result = _cpp_semantic(a, b)
        common = sum([len(text) for op, text in result if op == EQUAL]) - p - s
        if _choose(len_a, len_b, common, a.count(" ", p, len(a) - s), b.count(" ", p, len(b) - s)) == MYERS:
            return result
    mid_a, mid_b = a[p:len(a) - s], b[p:len(b) - s]
    count_a, count_b = Counter(mid_a), Counter(mid_b)
    plan = _plan(mid_a, mid_b, count_a, count_b)
    if plan == MYERS:
        return result if result is not None else _cpp_semantic(a, b)
    # diff_units(a, b), with the counts and plan already made.
    out: list[tuple[int, str]] = [(EQUAL, a[:p])] if p else []
    _diff_middle(mid_a, mid_b, out, _dmp(), (count_a, count_b, plan))
    if s:
        out.append((EQUAL, a[len(a) - s:]))
    return cleanup_semantic(merge(out))


def _cpp_semantic(a: str, b: str) -> list[tuple[int, str]]:
    """diff-match-patch's diff with semantic cleanup, both in C++ (no timeout)."""
    ops = _CPP_OPS
    # merge: the cleanup can leave two insertions side by side.
    return merge([(ops[op], text) for op, text in
                  _cpp.diff(a, b, timelimit=0, checklines=False, cleanup="Semantic", counts_only=False)])


def cleanup_semantic(diffs: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """diff-match-patch's semantic cleanup, on a copy: fewer, readable edits.

    The diff is first normalized as ``diff_main`` leaves its own (edits
    moved sideways where they can take an equality's place), so a diff that
    is one Myers run cleans up exactly as in ``diff_semantic``'s C++ call.
    """
    diffs = list(diffs)
    semantic_cleanup.cleanup_merge(diffs)
    semantic_cleanup.cleanup_semantic(diffs)
    return merge(diffs)
