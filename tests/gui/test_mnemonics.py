"""Alt-key mnemonics: no two controls a user can reach at once share a letter.

In the main window that is the menu bar (File, Edit, Format, Policy, View,
Help), the tabs and the controls of the tab shown; each dialog on its own.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabWidget, QWidget

from policyeditor.gui.event_dialog import EventDialog, core_preview
from policyeditor.gui.first_run import FirstRunDialog
from policyeditor.gui.library_dialog import LibraryDialog
from policyeditor.gui.mainwindow import MainWindow
from policyeditor.gui.policy_dialog import PolicyDialog
from policyeditor.gui.settings_dialog import SettingsDialog
from policyeditor.store.usersettings import UserSettings


def mnemonics(texts) -> list[tuple[str, str]]:
    """(letter, text) of every text with an ``&`` mnemonic (``&&`` is a plain ampersand)."""
    found = []
    for text in texts:
        match = re.search(r"&([^&])", text.replace("&&", ""))
        if match:
            found.append((match.group(1).casefold(), text))
    return found


def control_texts(root: QWidget) -> list[str]:
    return ([w.text() for w in root.findChildren(QAbstractButton)] + [w.text() for w in root.findChildren(QLabel)]
            + [w.title() for w in root.findChildren(QGroupBox)])


def assert_unique(found: list[tuple[str, str]]) -> None:
    letters = [letter for letter, _ in found]
    clashes = sorted({(letter, text) for letter, text in found if letters.count(letter) > 1})
    assert not clashes, clashes


def test_main_window_tabs_and_pages_do_not_take_the_menu_bars_letters(qtbot) -> None:
    window = MainWindow(UserSettings())
    qtbot.addWidget(window)
    menu = mnemonics(action.text() for action in window.menuBar().actions())
    assert [letter for letter, _ in menu] == ["f", "e", "o", "p", "v", "h"]
    tabs = window.findChild(QTabWidget)
    tab_keys = mnemonics(tabs.tabText(i) for i in range(tabs.count()))
    for i in range(tabs.count()):
        page = mnemonics(control_texts(tabs.widget(i)))
        assert_unique(menu + tab_keys + page)
    memo = mnemonics(control_texts(window.memo))
    assert len(memo) >= 7    # the memo panel's fields, readings and buttons are all reachable


def test_each_dialog_has_distinct_mnemonics(qtbot, posted_demo) -> None:
    policy = posted_demo.policy("website-privacy")
    preview = core_preview(policy, today=posted_demo.today(), notice_days=posted_demo.settings.notice_days_for(policy))
    dialogs = [EventDialog(policy, posted_demo.today(), preview, event="adopted", version=2),
               LibraryDialog(posted_demo.settings), SettingsDialog(UserSettings()), FirstRunDialog(),
               PolicyDialog(policy, posted_demo.settings.notice_days)]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        found = mnemonics(control_texts(dialog))
        assert len(found) >= 3, type(dialog).__name__
        assert_unique(found)
