"""EventDialog against the real demo library: live rule checks in the core's words.

The demo's Website Privacy Policy version 2 had its first reading on
2018-05-01; each test records its adoption (2018-05-15) and posting
(2018-06-01) through the real store, then drives the dialog offscreen.
"""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from policyeditor.core import changeclass
from policyeditor.core.errors import RuleViolation
from policyeditor.core.versions import EDITORIAL
from policyeditor.gui.event_dialog import EventDialog, core_preview
from policyeditor.store import Library

PID = "website-privacy"


def dialog_for(qtbot, lib: Library, **kwargs) -> EventDialog:
    policy = lib.policy(PID)
    preview = core_preview(policy, today=lib.today(),
                           notice_days=lib.settings.notice_days_for(policy))
    dialog = EventDialog(policy, lib.today(), preview, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_effective_ten_days_after_posting_is_refused_in_the_cores_words(qtbot, posted_demo):
    dialog = dialog_for(qtbot, posted_demo, event="effective", version=2)
    dialog.set_when(date(2018, 6, 11))

    assert not dialog.ok_button.isEnabled()
    with pytest.raises(RuleViolation) as refused:
        posted_demo.record_event(PID, "effective", "2018-06-11", version=2)
    assert refused.value.message in dialog.checks_label.text()
    assert "10 days after posting" in dialog.checks_label.text()
    assert dialog.earliest() == date(2018, 7, 1)
    assert dialog.earliest_button.isVisible()
    assert "July 1, 2018" in dialog.earliest_button.text()
    # Enter does not bypass the checks.
    qtbot.keyClick(dialog, Qt.Key_Return)
    assert dialog.isVisible()


def test_earliest_button_sets_the_date_enables_record_and_the_store_accepts_it(qtbot, posted_demo):
    dialog = dialog_for(qtbot, posted_demo, event="effective", version=2)
    dialog.set_when(date(2018, 6, 11))

    qtbot.mouseClick(dialog.earliest_button, Qt.LeftButton)

    assert dialog.when() == date(2018, 7, 1)
    assert dialog.ok_button.isEnabled()
    assert dialog.problems() == []
    assert dialog.earliest_button.isHidden()
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    assert dialog.result() == EventDialog.Accepted
    r = dialog.request()
    recorded = posted_demo.record_event(PID, r.event, r.when, version=r.version,
                                        editorial=r.editorial, justification=r.justification)
    assert recorded.effective == date(2018, 7, 1)
    assert posted_demo.policy(PID).version(2).effective == date(2018, 7, 1)


def test_library_preview_gives_the_same_refusal(qtbot, posted_demo):
    """The store's own preview plugs in unchanged (functools.partial over the policy id)."""
    policy = posted_demo.policy(PID)
    dialog = EventDialog(policy, posted_demo.today(), partial(posted_demo.preview_event, PID),
                         event="effective", version=2)
    qtbot.addWidget(dialog)
    dialog.set_when(date(2018, 6, 20))
    assert dialog.problems() == [
        "Version 2: effective 2018-06-20 is 19 days after posting on 2018-06-01; "
        "substantive changes need 30: earliest 2018-07-01."]
    assert not dialog.ok_button.isEnabled()


def test_reading_after_today_is_refused(qtbot, posted_demo):
    dialog = dialog_for(qtbot, posted_demo, event="first_reading")
    assert dialog.version_number() is None
    assert "New version 3" in dialog.version_box.currentText()
    dialog.set_when(date(2026, 12, 24))
    assert not dialog.ok_button.isEnabled()
    assert "after today" in dialog.checks_label.text()
    dialog.set_when(date(2026, 11, 29))
    assert dialog.ok_button.isEnabled()


def test_switching_event_rechecks_live(qtbot, posted_demo):
    dialog = dialog_for(qtbot, posted_demo, event="effective", version=2)
    dialog.set_when(date(2018, 6, 11))
    assert not dialog.ok_button.isEnabled()
    dialog.event_box.setCurrentIndex(dialog.event_box.findData("reviewed"))
    dialog.set_when(date(2020, 1, 6))
    assert dialog.chosen_event() == "reviewed"
    # Version 2 is adopted, so a review passes; the effective-date refusal is gone.
    assert dialog.ok_button.isEnabled(), dialog.problems()


def test_editorial_mark_requires_a_justification(qtbot, posted_demo):
    lib = posted_demo
    old = lib.version_text(PID, 2)
    new = old.replace("Web Administrator", "Webmaster")
    lib.save_draft(PID, new, "Contact name")
    classification = changeclass.classify(old, new)
    assert classification.change_class != EDITORIAL
    lib.record_event(PID, "effective", "2018-07-01", version=2)
    dialog = dialog_for(qtbot, lib, event="first_reading", classification=classification)
    assert "looks substantive" in dialog.class_label.text()
    assert dialog.ok_button.isEnabled()

    qtbot.mouseClick(dialog.editorial_box, Qt.LeftButton)
    assert dialog.editorial_box.isChecked()
    assert dialog.justification_edit.isVisible()
    assert not dialog.ok_button.isEnabled()
    assert any("Write why this change is editorial" in p for p in dialog.problems())

    dialog.justification_edit.setFocus()
    qtbot.keyClicks(dialog.justification_edit, "The office's title changed; duties are the same.")
    assert dialog.ok_button.isEnabled(), dialog.problems()
    r = dialog.request()
    assert r.editorial and r.justification.startswith("The office's title")
    v3 = lib.record_event(PID, r.event, r.when, version=r.version, editorial=r.editorial,
                          justification=r.justification)
    assert v3.number == 3 and v3.change_class == EDITORIAL
    assert v3.justification == "The office's title changed; duties are the same."


def test_editorial_mark_is_offered_only_where_the_store_takes_it(qtbot, posted_demo):
    dialog = dialog_for(qtbot, posted_demo, event="posted", version=2)
    assert dialog.editorial_box.isHidden()
    dialog.event_box.setCurrentIndex(dialog.event_box.findData("adopted"))
    assert not dialog.editorial_box.isHidden()


def test_a_policy_without_versions_asks_for_a_first_reading(qtbot, tmp_library):
    policy = tmp_library.create_policy("bus-safety", "Bus Safety", text="Ride safely.\n")
    dialog = EventDialog(policy, tmp_library.today(),
                         core_preview(policy, today=tmp_library.today(), notice_days=30),
                         event="adopted")
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    assert "Record a first reading first" in dialog.checks_label.text()


def test_controls_are_named_and_reachable_by_keyboard(qtbot, posted_demo):
    dialog = dialog_for(qtbot, posted_demo, event="adopted", version=2)
    controls = [dialog.event_box, dialog.version_box, dialog.date_edit, dialog.editorial_box,
                dialog.ok_button]
    for widget in controls:
        assert widget.accessibleName(), widget
        assert widget.focusPolicy() & Qt.TabFocus, widget
    # Tab from the event chooser walks through the form in order.
    dialog.event_box.setFocus()
    seen: list[QWidget] = []
    for _ in range(12):
        seen.append(dialog.focusWidget())
        qtbot.keyClick(dialog.focusWidget(), Qt.Key_Tab)
    assert dialog.version_box in seen
    assert any(w is dialog.date_edit or dialog.date_edit.isAncestorOf(w) for w in seen if w)
