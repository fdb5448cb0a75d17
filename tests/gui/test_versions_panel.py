"""VersionsPanel over the real demo library: versions, dates, states, legacy, failures."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt

from policyeditor.core import rules
from policyeditor.gui.versions_panel import COLUMNS, VersionsPanel
from policyeditor.store import Library


def cell(panel: VersionsPanel, row: int, key: str, role=Qt.DisplayRole):
    model = panel.model
    return model.data(model.index(row, COLUMNS.index(key)), role)


def shown(qtbot, lib: Library, policy_id: str, **kwargs) -> VersionsPanel:
    panel = VersionsPanel()
    qtbot.addWidget(panel)
    policy = lib.policy(policy_id)
    panel.set_policy(policy, lib.today(), **kwargs)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_website_privacy_versions_and_states(qtbot, demo_library):
    panel = shown(qtbot, demo_library, "website-privacy")
    assert panel.model.rowCount() == 2
    assert cell(panel, 0, "number") == "1"
    assert "legacy" in cell(panel, 0, "change_class")
    assert cell(panel, 0, "change_class", Qt.FontRole).italic()
    assert "exempt from the notice rules" in cell(panel, 0, "change_class", Qt.ToolTipRole)
    assert cell(panel, 0, "adopted") == "Oct 5, 2009"
    assert cell(panel, 0, "effective") == "Oct 5, 2009"      # legacy: effective on adoption
    assert cell(panel, 0, "state") == "in force"
    assert cell(panel, 1, "first_reading") == "May 1, 2018"
    assert cell(panel, 1, "adopted") == ""
    assert cell(panel, 1, "state") == "first reading held"
    headers = [panel.model.headerData(c, Qt.Horizontal) for c in range(len(COLUMNS))]
    assert headers[0] == "Version" and headers[-1] == "State"
    # The latest version is selected at first.
    assert panel.selected_version() == 2


def test_superseded_version_and_adopted_revision(qtbot, demo_library):
    panel = shown(qtbot, demo_library, "acceptable-use")
    assert [cell(panel, r, "state") for r in range(2)] == ["superseded", "in force"]
    assert cell(panel, 1, "effective") == "Mar 11, 2019"


def test_every_demo_policy_fills_the_table(qtbot, demo_library):
    panel = VersionsPanel()
    qtbot.addWidget(panel)
    for policy in demo_library.policies():
        panel.set_policy(policy, demo_library.today())
        assert panel.model.rowCount() == len(policy.versions)
        for row in range(panel.model.rowCount()):
            assert cell(panel, row, "state")


def test_a_failing_rule_is_red_with_its_message(qtbot, demo_library):
    demo_library.record_event("website-privacy", "adopted", "2018-05-15", version=2)
    demo_library.record_event("website-privacy", "posted", "2018-06-01", version=2)
    policy = demo_library.policy("website-privacy")
    # The store refuses 10 days' notice, so the failing record is made in memory.
    bad = replace(policy, versions=(policy.versions[0],
                                    replace(policy.versions[1], effective=date(2018, 6, 11))))
    failures = rules.check_policy(bad, today=demo_library.today(), notice_days=30)
    assert failures
    panel = VersionsPanel()
    qtbot.addWidget(panel)
    panel.set_policy(bad, demo_library.today(), failures=failures)
    assert "rule fails" in cell(panel, 1, "state")
    assert cell(panel, 1, "state", Qt.ForegroundRole).red() > 150
    assert failures[0].message in cell(panel, 1, "effective", Qt.ToolTipRole)
    assert cell(panel, 0, "state", Qt.ForegroundRole) is None


def test_selection_signals_and_is_kept_on_refresh(qtbot, demo_library):
    panel = shown(qtbot, demo_library, "website-privacy")
    with qtbot.waitSignal(panel.version_selected) as picked:
        panel.select_version(1)
    assert picked.args == [1]
    panel.set_policy(demo_library.policy("website-privacy"), demo_library.today())
    assert panel.selected_version() == 1
    with qtbot.waitSignal(panel.version_activated) as activated:
        panel.view.setFocus()
        qtbot.keyClick(panel.view, Qt.Key_Return)
    assert activated.args == [1]
    assert panel.view.accessibleName()


def test_no_policy_empties_the_table(qtbot, demo_library):
    panel = shown(qtbot, demo_library, "website-privacy")
    panel.set_policy(None, demo_library.today())
    assert panel.model.rowCount() == 0
    assert panel.selected_version() is None
