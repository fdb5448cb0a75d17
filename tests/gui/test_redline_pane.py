"""The redline pane's Previous / Next change steps through the changed paragraphs."""

from __future__ import annotations

from PySide6.QtCore import Qt

from policyeditor.core.textmodel import parse
from policyeditor.gui.redline_html import compute_redline
from policyeditor.gui.redline_pane import RedlinePane


def long_policy(changed: set[int]) -> str:
    paragraphs = []
    for i in range(60):
        word = "revised" if i in changed else "original"
        paragraphs.append(f"Paragraph {i} says the {word} rule applies to every school in the district.")
    return "\n\n".join(paragraphs) + "\n"


def test_next_and_previous_change_bring_each_change_into_view(qtbot):
    pane = RedlinePane()
    qtbot.addWidget(pane)
    pane.resize(500, 300)
    pane.show()
    pane.activateWindow()
    qtbot.waitUntil(pane.isActiveWindow)    # shortcuts go to the active window
    result = compute_redline(long_policy(set()), parse(long_policy({5, 30, 55})))
    assert result.changes == 3
    pane.show_result(result)
    assert pane.position.text() == "Change 1 of 3"
    assert not pane.previous_button.isEnabled() and pane.next_button.isEnabled()

    bar = pane.browser.verticalScrollBar()
    first = bar.value()
    qtbot.mouseClick(pane.next_button, Qt.MouseButton.LeftButton)
    assert pane.position.text() == "Change 2 of 3"
    second = bar.value()
    assert second > first                       # paragraph 30 is further down
    pane.next_change()
    assert pane.position.text() == "Change 3 of 3"
    assert bar.value() > second
    assert not pane.next_button.isEnabled()
    pane.next_change()                           # no further: stays on the last
    assert pane.position.text() == "Change 3 of 3"

    qtbot.keyClick(pane.browser, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert pane.position.text() == "Change 2 of 3"
    assert bar.value() == second
    qtbot.keyClick(pane.browser, Qt.Key.Key_F8)
    assert pane.position.text() == "Change 3 of 3"


def test_a_redline_without_changes_says_so_and_disables_the_steps(qtbot):
    pane = RedlinePane()
    qtbot.addWidget(pane)
    text = long_policy(set())
    pane.show_result(compute_redline(text, parse(text)))
    assert pane.position.text() == "No changes"
    assert not pane.next_button.isEnabled() and not pane.previous_button.isEnabled()
    pane.show_message("Choose a policy in the list to see its redline.")
    assert pane.position.text() == ""


def test_typing_keeps_the_change_shown_when_it_still_exists(qtbot):
    pane = RedlinePane()
    qtbot.addWidget(pane)
    pane.show_result(compute_redline(long_policy(set()), parse(long_policy({5, 30, 55}))))
    pane.next_change()
    pane.next_change()
    # The next result of the same comparison (the user typed): one change fewer.
    pane.show_result(compute_redline(long_policy(set()), parse(long_policy({5, 30}))))
    assert pane.position.text() == "Change 2 of 2"


def test_a_first_change_typed_into_an_unchanged_draft_is_change_1(qtbot):
    pane = RedlinePane()
    qtbot.addWidget(pane)
    text = long_policy(set())
    pane.show_result(compute_redline(text, parse(text)))
    assert pane.position.text() == "No changes"
    # The user types: the same comparison now has one change.
    pane.show_result(compute_redline(text, parse(long_policy({12}))))
    assert pane.position.text() == "Change 1 of 1"


def test_the_pane_escapes_policy_text_and_keeps_only_safe_links():
    from policyeditor.core.textmodel import Block, Document, Run

    new = Document((Block("paragraph", (Run("Read <i>this</i> "), Run("here", link="javascript:alert(1)"),
                                        Run(" or "), Run("the law", link="https://example.org/law"))),))
    html = compute_redline("Read this.\n", new).html
    assert "&lt;i&gt;this&lt;/i&gt;" in html and "<i>this</i>" not in html
    assert "javascript" not in html and ">here<" in html.replace("</span>", "")
    assert '<a href="https://example.org/law">the law</a>' in html


def test_change_n_of_m_follows_the_scroll_position_after_an_edit(qtbot):
    pane = RedlinePane()
    qtbot.addWidget(pane)
    pane.resize(500, 300)
    pane.show()
    qtbot.waitExposed(pane)
    pane.show_result(compute_redline(long_policy(set()), parse(long_policy({5, 30, 55}))))
    assert pane.position.text() == "Change 1 of 3"
    bar = pane.browser.verticalScrollBar()
    bar.setValue(bar.maximum())                      # the user scrolls to the end
    assert pane.position.text() == "Change 3 of 3"
    # The user types: the same comparison, one more change near the top; the view stays at the end.
    pane.show_result(compute_redline(long_policy(set()), parse(long_policy({2, 5, 30, 55}))))
    assert bar.value() > bar.maximum() * 0.9         # the scroll position is kept
    assert pane.position.text() == "Change 4 of 4"    # and named: paragraph 55, now the 4th change
    bar.setValue(0)
    assert pane.position.text() == "Change 1 of 4"
    pane.next_change()
    assert pane.position.text() == "Change 2 of 4"
