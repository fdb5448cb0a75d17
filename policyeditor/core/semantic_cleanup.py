"""diff-match-patch's semantic cleanup, typed so that mypyc can compile it.

A line-for-line port of ``diff_cleanupSemantic`` and the functions it calls
(``diff_cleanupSemanticLossless``, ``diff_cleanupMerge``,
``diff_commonPrefix``, ``diff_commonSuffix``, ``diff_commonOverlap``) from
the Python diff-match-patch (``diff_match_patch/diff_match_patch.py``,
version 20241021), the same steps in the same order. It exists so that the
compiled redline engine (``policyeditor.speedups``) runs the cleanup of
anchored diffs at compiled speed; the C++ build cleans up the diffs it makes
itself (``seqdiff.diff_semantic``). ``tests/core/test_semantic_cleanup.py``
checks it against the library on generated and real diffs.

Copyright 2018 The diff-match-patch Authors; licensed under the Apache
License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
Changes: functions instead of methods; type annotations.
"""

from __future__ import annotations

import re

DIFF_DELETE = -1
DIFF_INSERT = 1
DIFF_EQUAL = 0

Diff = tuple[int, str]

BLANKLINEEND = re.compile(r"\n\r?\n$")
BLANKLINESTART = re.compile(r"^\r?\n\r?\n")


def common_prefix(text1: str, text2: str) -> int:
    """The number of characters common to the start of each string."""
    if not text1 or not text2 or text1[0] != text2[0]:
        return 0
    pointermin = 0
    pointermax = min(len(text1), len(text2))
    pointermid = pointermax
    pointerstart = 0
    while pointermin < pointermid:
        if text1[pointerstart:pointermid] == text2[pointerstart:pointermid]:
            pointermin = pointermid
            pointerstart = pointermin
        else:
            pointermax = pointermid
        pointermid = (pointermax - pointermin) // 2 + pointermin
    return pointermid


def common_suffix(text1: str, text2: str) -> int:
    """The number of characters common to the end of each string."""
    if not text1 or not text2 or text1[-1] != text2[-1]:
        return 0
    pointermin = 0
    pointermax = min(len(text1), len(text2))
    pointermid = pointermax
    pointerend = 0
    while pointermin < pointermid:
        if text1[-pointermid:len(text1) - pointerend] == text2[-pointermid:len(text2) - pointerend]:
            pointermin = pointermid
            pointerend = pointermin
        else:
            pointermax = pointermid
        pointermid = (pointermax - pointermin) // 2 + pointermin
    return pointermid


def common_overlap(text1: str, text2: str) -> int:
    """The number of characters common to the end of text1 and the start of text2."""
    text1_length = len(text1)
    text2_length = len(text2)
    if text1_length == 0 or text2_length == 0:
        return 0
    if text1_length > text2_length:
        text1 = text1[-text2_length:]
    elif text1_length < text2_length:
        text2 = text2[:text1_length]
    text_length = min(text1_length, text2_length)
    if text1 == text2:
        return text_length
    best = 0
    length = 1
    while True:
        pattern = text1[-length:]
        found = text2.find(pattern)
        if found == -1:
            return best
        length += found
        if found == 0 or text1[-length:] == text2[:length]:
            best = length
            length += 1


def cleanup_semantic(diffs: list[Diff]) -> None:
    """Reduce the number of edits by eliminating semantically trivial equalities (in place)."""
    changes = False
    equalities: list[int] = []   # stack of indices where equalities are found
    last_equality: str | None = None   # always diffs[equalities[-1]][1]
    pointer = 0
    length_insertions1, length_deletions1 = 0, 0   # chars changed before the equality
    length_insertions2, length_deletions2 = 0, 0   # chars changed after it
    while pointer < len(diffs):
        if diffs[pointer][0] == DIFF_EQUAL:
            equalities.append(pointer)
            length_insertions1, length_insertions2 = length_insertions2, 0
            length_deletions1, length_deletions2 = length_deletions2, 0
            last_equality = diffs[pointer][1]
        else:
            if diffs[pointer][0] == DIFF_INSERT:
                length_insertions2 += len(diffs[pointer][1])
            else:
                length_deletions2 += len(diffs[pointer][1])
            # Eliminate an equality no longer than the edits on both sides of it.
            if (last_equality
                    and len(last_equality) <= max(length_insertions1, length_deletions1)
                    and len(last_equality) <= max(length_insertions2, length_deletions2)):
                diffs.insert(equalities[-1], (DIFF_DELETE, last_equality))
                diffs[equalities[-1] + 1] = (DIFF_INSERT, diffs[equalities[-1] + 1][1])
                equalities.pop()
                if len(equalities):
                    equalities.pop()    # the previous one needs reevaluating
                if len(equalities):
                    pointer = equalities[-1]
                else:
                    pointer = -1
                length_insertions1, length_deletions1 = 0, 0
                length_insertions2, length_deletions2 = 0, 0
                last_equality = None
                changes = True
        pointer += 1

    if changes:
        cleanup_merge(diffs)
    cleanup_semantic_lossless(diffs)

    # Overlaps between deletions and insertions, extracted when as big as the
    # edit ahead or behind: <del>abcxxx</del><ins>xxxdef</ins> ->
    # <del>abc</del>xxx<ins>def</ins>; <del>xxxabc</del><ins>defxxx</ins> ->
    # <ins>def</ins>xxx<del>abc</del>.
    pointer = 1
    while pointer < len(diffs):
        if diffs[pointer - 1][0] == DIFF_DELETE and diffs[pointer][0] == DIFF_INSERT:
            deletion = diffs[pointer - 1][1]
            insertion = diffs[pointer][1]
            overlap_length1 = common_overlap(deletion, insertion)
            overlap_length2 = common_overlap(insertion, deletion)
            if overlap_length1 >= overlap_length2:
                if overlap_length1 >= len(deletion) / 2.0 or overlap_length1 >= len(insertion) / 2.0:
                    diffs.insert(pointer, (DIFF_EQUAL, insertion[:overlap_length1]))
                    diffs[pointer - 1] = (DIFF_DELETE, deletion[:len(deletion) - overlap_length1])
                    diffs[pointer + 1] = (DIFF_INSERT, insertion[overlap_length1:])
                    pointer += 1
            else:
                if overlap_length2 >= len(deletion) / 2.0 or overlap_length2 >= len(insertion) / 2.0:
                    diffs.insert(pointer, (DIFF_EQUAL, deletion[:overlap_length2]))
                    diffs[pointer - 1] = (DIFF_INSERT, insertion[:len(insertion) - overlap_length2])
                    diffs[pointer + 1] = (DIFF_DELETE, deletion[overlap_length2:])
                    pointer += 1
            pointer += 1
        pointer += 1


def _semantic_score(one: str, two: str) -> int:
    """Whether the boundary between one and two falls on a logical boundary:
    6 (best) to 0 (worst)."""
    if not one or not two:
        return 6    # edges are the best
    char1 = one[-1]
    char2 = two[0]
    non_alphanumeric1 = not char1.isalnum()
    non_alphanumeric2 = not char2.isalnum()
    whitespace1 = non_alphanumeric1 and char1.isspace()
    whitespace2 = non_alphanumeric2 and char2.isspace()
    line_break1 = whitespace1 and (char1 == "\r" or char1 == "\n")
    line_break2 = whitespace2 and (char2 == "\r" or char2 == "\n")
    blank_line1 = line_break1 and BLANKLINEEND.search(one) is not None
    blank_line2 = line_break2 and BLANKLINESTART.match(two) is not None
    if blank_line1 or blank_line2:
        return 5
    if line_break1 or line_break2:
        return 4
    if non_alphanumeric1 and not whitespace1 and whitespace2:
        return 3    # end of a sentence
    if whitespace1 or whitespace2:
        return 2
    if non_alphanumeric1 or non_alphanumeric2:
        return 1
    return 0


def cleanup_semantic_lossless(diffs: list[Diff]) -> None:
    """Shift single edits between equalities sideways to word boundaries (in place):
    The c<ins>at c</ins>ame. -> The <ins>cat </ins>came."""
    pointer = 1
    while pointer < len(diffs) - 1:   # the first and last need no checking
        if diffs[pointer - 1][0] == DIFF_EQUAL and diffs[pointer + 1][0] == DIFF_EQUAL:
            equality1 = diffs[pointer - 1][1]
            edit = diffs[pointer][1]
            equality2 = diffs[pointer + 1][1]

            # First, shift the edit as far left as possible.
            common_offset = common_suffix(equality1, edit)
            if common_offset:
                common_string = edit[-common_offset:]
                equality1 = equality1[:-common_offset]
                edit = common_string + edit[:-common_offset]
                equality2 = common_string + equality2

            # Second, step right character by character, looking for the best fit.
            best_equality1 = equality1
            best_edit = edit
            best_equality2 = equality2
            best_score = _semantic_score(equality1, edit) + _semantic_score(edit, equality2)
            while edit and equality2 and edit[0] == equality2[0]:
                equality1 += edit[0]
                edit = edit[1:] + equality2[0]
                equality2 = equality2[1:]
                score = _semantic_score(equality1, edit) + _semantic_score(edit, equality2)
                if score >= best_score:   # >= favours trailing whitespace on edits
                    best_score = score
                    best_equality1 = equality1
                    best_edit = edit
                    best_equality2 = equality2

            if diffs[pointer - 1][1] != best_equality1:
                if best_equality1:
                    diffs[pointer - 1] = (diffs[pointer - 1][0], best_equality1)
                else:
                    del diffs[pointer - 1]
                    pointer -= 1
                diffs[pointer] = (diffs[pointer][0], best_edit)
                if best_equality2:
                    diffs[pointer + 1] = (diffs[pointer + 1][0], best_equality2)
                else:
                    del diffs[pointer + 1]
                    pointer -= 1
        pointer += 1


def cleanup_merge(diffs: list[Diff]) -> None:
    """Reorder and merge like edit sections, merge equalities (in place).
    Any edit section can move as long as it does not cross an equality."""
    diffs.append((DIFF_EQUAL, ""))    # a dummy entry at the end
    pointer = 0
    count_delete = 0
    count_insert = 0
    text_delete = ""
    text_insert = ""
    while pointer < len(diffs):
        if diffs[pointer][0] == DIFF_INSERT:
            count_insert += 1
            text_insert += diffs[pointer][1]
            pointer += 1
        elif diffs[pointer][0] == DIFF_DELETE:
            count_delete += 1
            text_delete += diffs[pointer][1]
            pointer += 1
        elif diffs[pointer][0] == DIFF_EQUAL:
            # Upon reaching an equality, check for prior redundancies.
            if count_delete + count_insert > 1:
                if count_delete != 0 and count_insert != 0:
                    # Factor out any common prefixes.
                    commonlength = common_prefix(text_insert, text_delete)
                    if commonlength != 0:
                        x = pointer - count_delete - count_insert - 1
                        if x >= 0 and diffs[x][0] == DIFF_EQUAL:
                            diffs[x] = (diffs[x][0], diffs[x][1] + text_insert[:commonlength])
                        else:
                            diffs.insert(0, (DIFF_EQUAL, text_insert[:commonlength]))
                            pointer += 1
                        text_insert = text_insert[commonlength:]
                        text_delete = text_delete[commonlength:]
                    # Factor out any common suffixes.
                    commonlength = common_suffix(text_insert, text_delete)
                    if commonlength != 0:
                        diffs[pointer] = (diffs[pointer][0], text_insert[-commonlength:] + diffs[pointer][1])
                        text_insert = text_insert[:-commonlength]
                        text_delete = text_delete[:-commonlength]
                # Delete the offending records and add the merged ones.
                new_ops: list[Diff] = []
                if len(text_delete) != 0:
                    new_ops.append((DIFF_DELETE, text_delete))
                if len(text_insert) != 0:
                    new_ops.append((DIFF_INSERT, text_insert))
                pointer -= count_delete + count_insert
                diffs[pointer:pointer + count_delete + count_insert] = new_ops
                pointer += len(new_ops) + 1
            elif pointer != 0 and diffs[pointer - 1][0] == DIFF_EQUAL:
                # Merge this equality with the previous one.
                diffs[pointer - 1] = (diffs[pointer - 1][0], diffs[pointer - 1][1] + diffs[pointer][1])
                del diffs[pointer]
            else:
                pointer += 1
            count_insert = 0
            count_delete = 0
            text_delete = ""
            text_insert = ""

    if diffs[-1][1] == "":
        diffs.pop()    # the dummy entry

    # Second pass: single edits between equalities that can shift sideways to
    # eliminate an equality: A<ins>BA</ins>C -> <ins>AB</ins>AC.
    changes = False
    pointer = 1
    while pointer < len(diffs) - 1:
        if diffs[pointer - 1][0] == DIFF_EQUAL and diffs[pointer + 1][0] == DIFF_EQUAL:
            if diffs[pointer][1].endswith(diffs[pointer - 1][1]):
                # Shift the edit over the previous equality.
                if diffs[pointer - 1][1] != "":
                    diffs[pointer] = (diffs[pointer][0],
                                      diffs[pointer - 1][1] + diffs[pointer][1][:-len(diffs[pointer - 1][1])])
                    diffs[pointer + 1] = (diffs[pointer + 1][0], diffs[pointer - 1][1] + diffs[pointer + 1][1])
                del diffs[pointer - 1]
                changes = True
            elif diffs[pointer][1].startswith(diffs[pointer + 1][1]):
                # Shift the edit over the next equality.
                diffs[pointer - 1] = (diffs[pointer - 1][0], diffs[pointer - 1][1] + diffs[pointer + 1][1])
                diffs[pointer] = (diffs[pointer][0],
                                  diffs[pointer][1][len(diffs[pointer + 1][1]):] + diffs[pointer + 1][1])
                del diffs[pointer + 1]
                changes = True
        pointer += 1

    # If shifts were made, the diff needs reordering and another shift sweep.
    if changes:
        cleanup_merge(diffs)
