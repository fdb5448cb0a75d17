"""MemoPanel (fields beside the packet's memo page) and LibraryDialog (district details),
against the real demo library."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt

from policyeditor.core.versions import Memo
from policyeditor.gui.library_dialog import LibraryDialog, is_timezone
from policyeditor.gui.memo_panel import MemoPanel, render_memo_html
from policyeditor.store import Library

PID = "website-privacy"


def memo_panel(qtbot, lib: Library) -> MemoPanel:
    panel = MemoPanel()
    qtbot.addWidget(panel)
    policy = lib.policy(PID)
    panel.set_context(lib.settings, policy, policy.version(2), lib.today())
    panel.resize(1000, 600)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_memo_fields_and_preview_show_the_demo_memo(qtbot, demo_library):
    panel = memo_panel(qtbot, demo_library)
    memo = demo_library.policy(PID).version(2).memo
    assert panel.memo() == memo
    assert not panel.is_modified()
    preview = panel.preview.toPlainText()
    for expected in ("May 1, 2018", "TO THE HONORABLE MEMBERS OF THE SCHOOL COMMITTEE:",
                     "Approval of Revisions to the Website Privacy Policy",
                     "Recommendation: " + memo.recommendation, "Supporting Data:",
                     "Respectfully submitted", "Kenneth N. Salim, Ed.D.", "Superintendent of Schools"):
        assert expected in preview, expected


def test_reading_switches_the_memo_sentence(qtbot, demo_library):
    panel = memo_panel(qtbot, demo_library)
    qtbot.mouseClick(panel.first_radio, Qt.LeftButton)
    panel.update_preview()
    assert "This is the first reading of these proposed revisions" in panel.preview.toPlainText()
    qtbot.mouseClick(panel.second_radio, Qt.LeftButton)
    panel.update_preview()
    assert panel.reading() == "second"
    assert "This is the second reading" in panel.preview.toPlainText()


def test_typing_updates_the_preview_and_save_writes_the_memo(qtbot, demo_library):
    panel = memo_panel(qtbot, demo_library)
    panel.supporting_edit.setFocus()
    panel.supporting_edit.selectAll()
    with qtbot.waitSignal(panel.memo_edited):
        qtbot.keyClicks(panel.supporting_edit, "Redline and <script>alert(1)</script> notes.")
    assert panel.is_modified()
    qtbot.waitUntil(lambda: "Redline and <script>" in panel.preview.toPlainText())
    assert "<script>" not in panel.preview_html()
    with qtbot.waitSignal(panel.save_requested) as saved:
        qtbot.mouseClick(panel.save_button, Qt.LeftButton)
    number, memo = saved.args
    assert number == 2 and memo.supporting_data == "Redline and <script>alert(1)</script> notes."
    demo_library.update_memo(PID, number, memo)
    panel.mark_saved(memo)
    assert not panel.is_modified()
    assert demo_library.policy(PID).version(2).memo.supporting_data == memo.supporting_data


def test_no_version_yet_edits_the_drafts_memo(qtbot, demo_library):
    panel = MemoPanel()
    qtbot.addWidget(panel)
    assert not panel.recommendation_edit.isEnabled()      # no policy shown yet
    policy = demo_library.create_policy("bus-safety", "Bus Safety", text="Ride safely.\n")
    panel.set_context(demo_library.settings, policy, None, demo_library.today())
    assert panel.recommendation_edit.isEnabled() and panel.save_button.isEnabled()
    assert panel.memo() == Memo()
    panel.recommendation_edit.setPlainText("Approve.")
    with qtbot.waitSignal(panel.save_requested) as saved:
        qtbot.mouseClick(panel.save_button, Qt.LeftButton)
    assert saved.args == [0, Memo(recommendation="Approve.")]     # 0: the draft's memo
    demo_library.update_draft_memo("bus-safety", saved.args[1])
    demo_library.record_event("bus-safety", "first_reading", demo_library.today().isoformat())
    assert demo_library.policy("bus-safety").version(1).memo == Memo(recommendation="Approve.")


def test_with_no_version_on_its_way_the_panel_shows_the_drafts_memo(qtbot, demo_library):
    from types import SimpleNamespace

    lib = demo_library
    panel = MemoPanel()
    qtbot.addWidget(panel)
    lib.create_policy("bus-safety", "Bus Safety", text="Ride safely.\n")
    lib.record_event("bus-safety", "adopted", "2015-06-01", legacy=True)
    lib.update_draft_memo("bus-safety", Memo(description="Revisions recommended by MASC, Fall 2026."))
    data = SimpleNamespace(settings=lib.settings, policy=lib.policy("bus-safety"), today=lib.today())
    panel.show_policy(data)
    assert panel.memo().description == "Revisions recommended by MASC, Fall 2026."
    panel.update_preview()
    assert "Revisions recommended by MASC, Fall 2026." in panel.preview.toPlainText()
    panel.show_version(1)       # the versions table's choice: the adopted version's own memo
    assert panel.memo() == Memo()


def test_render_memo_html_escapes_every_field(demo_library):
    html = render_memo_html(demo_library.settings, demo_library.policy(PID), Memo("<b>x</b>", "a & b", "<i>"),
                            reading="first", when=date(2018, 5, 1))
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "a &amp; b" in html and "<i>" not in html.split("</p>")[6]


def test_library_dialog_edits_and_validates_the_time_zone(qtbot, demo_library):
    dialog = LibraryDialog(demo_library.settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ok_button.isEnabled()
    assert dialog.district_edit.text() == "Cambridge Public Schools"
    dialog.timezone_box.setFocus()
    dialog.timezone_box.lineEdit().selectAll()
    qtbot.keyClicks(dialog.timezone_box.lineEdit(), "America/Cambrige")
    assert not dialog.ok_button.isEnabled()
    assert "'America/Cambrige' is not a time zone" in dialog.problem_label.text()
    dialog.timezone_box.lineEdit().selectAll()
    qtbot.keyClicks(dialog.timezone_box.lineEdit(), "America/Chicago")
    assert dialog.ok_button.isEnabled()
    dialog.notice_spin.setValue(45)
    dialog.signer_edit.setText("Victoria L. Greer, Ed.D.")
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    assert dialog.result() == LibraryDialog.Accepted
    settings = dialog.settings()
    demo_library.update_settings(settings)
    reopened = Library.open(demo_library.path)
    try:
        assert reopened.settings.timezone == "America/Chicago"
        assert reopened.settings.notice_days == 45
        assert reopened.settings.signer == "Victoria L. Greer, Ed.D."
        assert reopened.settings.salutation == demo_settings_salutation()
    finally:
        reopened.close()


def demo_settings_salutation() -> str:
    from policyeditor.store.demo import SETTINGS

    return SETTINGS.salutation


def test_library_dialog_requires_a_district(qtbot, demo_library):
    dialog = LibraryDialog(demo_library.settings)
    qtbot.addWidget(dialog)
    dialog.district_edit.clear()
    assert not dialog.ok_button.isEnabled()
    assert "district's name" in dialog.problem_label.text()
    for widget in (dialog.district_edit, dialog.timezone_box, dialog.notice_spin):
        assert widget.accessibleName()


def test_is_timezone():
    assert is_timezone("America/New_York")
    assert not is_timezone("")
    assert not is_timezone("Mars/Olympus_Mons")
    assert not is_timezone("../../etc/passwd")


def test_refreshing_the_same_version_keeps_unsaved_typing(qtbot, demo_library):
    panel = memo_panel(qtbot, demo_library)
    panel.description_edit.setFocus()
    qtbot.keyClicks(panel.description_edit, " More.")
    policy = demo_library.policy(PID)
    panel.set_context(demo_library.settings, policy, policy.version(2), demo_library.today())
    assert "More." in panel.memo().description
    assert panel.is_modified()
    panel.set_context(demo_library.settings, policy, policy.version(1), demo_library.today())
    assert panel.memo() == policy.version(1).memo


def test_the_meeting_date_follows_the_reading_until_the_clerk_picks_one(qtbot, demo_library):
    panel = memo_panel(qtbot, demo_library)
    version = demo_library.policy(PID).version(2)
    panel.set_reading("first")
    assert panel.meeting_date() == version.first_reading == date(2018, 5, 1)
    panel.set_reading("second")          # not recorded yet: today
    assert panel.meeting_date() == (version.second_reading or demo_library.today())
    # the clerk picks the meeting's date in the field: the preview prints it, whatever the reading
    panel.meeting_edit.setFocus()
    panel.meeting_edit.setDate(QDate(2027, 1, 14))
    panel.update_preview()
    assert panel.meeting_date() == date(2027, 1, 14)
    assert "January 14, 2027" in panel.preview.toPlainText()
    qtbot.mouseClick(panel.first_radio, Qt.LeftButton)
    panel.update_preview()
    assert panel.meeting_date() == date(2027, 1, 14) and "January 14, 2027" in panel.preview.toPlainText()
    assert not panel.is_modified()       # the date is the packet's, not part of the saved memo
    # another version: the date follows its reading again
    panel.set_context(demo_library.settings, demo_library.policy(PID), demo_library.policy(PID).version(1),
                      demo_library.today())
    assert panel.meeting_date() != date(2027, 1, 14)
    panel.set_meeting_date(date(9999, 12, 31))                   # the calendar's end
    panel.update_preview()
    assert "December 31, 9999" in panel.preview.toPlainText()
