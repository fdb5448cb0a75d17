"""TimelineView paints the demo's policies; a failing rule is red where it fails, and only then."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage, QPixmap

from policyeditor.core import rules
from policyeditor.gui.timeline_axis import TimeScale
from policyeditor.gui.timeline_view import TimelineView
from policyeditor.store import Library

PID = "website-privacy"


def is_red(c: QColor) -> bool:
    return c.red() > 170 and c.green() < 80 and c.blue() < 80


def red_pixels(image: QImage, area: QRect | None = None) -> int:
    area = area or image.rect()
    return sum(1 for x in range(area.left(), area.right() + 1, 2)
               for y in range(area.top(), area.bottom() + 1, 2)
               if image.rect().contains(x, y) and is_red(image.pixelColor(x, y)))


def painted(qtbot, policy, today, failures=(), ratio: float = 1.0) -> tuple[TimelineView, QImage]:
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(900, 240)
    view.set_policy(policy, today, notice_days=30, failures=failures)
    view.show()
    qtbot.waitExposed(view)
    pixmap = QPixmap(view.size() * ratio)
    pixmap.setDevicePixelRatio(ratio)
    view.render(pixmap)
    return view, pixmap.toImage()


def failing_policy(lib: Library):
    """Version 2 effective 10 days after posting: the store refuses it, so it is made in memory."""
    policy = lib.policy(PID)
    return replace(policy, versions=(policy.versions[0],
                                     replace(policy.versions[1], effective=date(2018, 6, 11))))


@pytest.mark.parametrize("ratio", [1.0, 2.0])
def test_a_failing_rule_is_drawn_red_where_it_fails(qtbot, posted_demo, ratio):
    bad = failing_policy(posted_demo)
    failures = rules.check_policy(bad, today=posted_demo.today(), notice_days=30)
    assert [f.rule for f in failures] == [2]
    view, image = painted(qtbot, bad, posted_demo.today(), failures, ratio)

    regions = view.failing_regions()
    assert regions
    for rect, message in regions:
        assert failures[0].message in message
        scaled = QRect(int(rect.left() * ratio), int(rect.top() * ratio),
                       int(rect.width() * ratio), int(rect.height() * ratio))
        assert red_pixels(image, scaled) > 3
    # The first lane (version 1, which passes) has no red in its plot area.
    lane1 = QRect(int(view.width() * 0.2 * ratio), 0, int(view.width() * 0.8 * ratio),
                  int(regions[0][0].top() * ratio) - 2)
    assert red_pixels(image, lane1) == 0


def test_no_red_when_every_rule_passes(qtbot, posted_demo):
    posted_demo.record_event(PID, "effective", "2018-07-01", version=2)
    policy = posted_demo.policy(PID)
    failures = rules.check_policy(policy, today=posted_demo.today(), notice_days=30)
    assert failures == []
    view, image = painted(qtbot, policy, posted_demo.today(), failures)
    assert view.failing_regions() == []
    assert red_pixels(image) == 0
    assert "Version 2, in force from July 1, 2018" in view.summary()


def test_the_failure_message_is_the_tooltip(qtbot, posted_demo):
    bad = failing_policy(posted_demo)
    failures = rules.check_policy(bad, today=posted_demo.today(), notice_days=30)
    view, _ = painted(qtbot, bad, posted_demo.today(), failures)
    rect, _message = view.failing_regions()[0]
    assert view.tooltip_at(rect.center().toPoint()) == failures[0].message
    assert view.tooltip_at(QPoint(1, view.height() - 2)) == ""
    assert failures[0].message in view.accessibleDescription()


def test_every_demo_policy_paints(qtbot, demo_library):
    for policy in demo_library.policies():
        view, image = painted(qtbot, policy, demo_library.today())
        assert red_pixels(image) == 0
        text_like = sum(1 for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
                        if image.pixelColor(x, y).lightness() < 100)
        assert text_like > 50, policy.id
        assert f"Version {policy.versions[0].number}" in view.summary()


def test_pending_effective_date_is_marked(qtbot, posted_demo):
    # A version posted today-ish that takes effect in the future: its band is "from" that day.
    future = replace(posted_demo.policy(PID).versions[1], posted=date(2026, 11, 2),
                     adopted=date(2026, 11, 2), effective=date(2027, 1, 4))
    policy = replace(posted_demo.policy(PID), versions=(posted_demo.policy(PID).versions[0], future))
    view, _ = painted(qtbot, policy, date(2026, 11, 29))
    assert "takes effect January 4, 2027" in view.summary()


def test_time_scale_keeps_order_and_compresses_quiet_years():
    scale = TimeScale([date(2009, 10, 5), date(2018, 5, 1), date(2018, 6, 1), date(2026, 11, 29)], 0, 1000)
    xs = [scale.x(d) for d in (date(2009, 10, 5), date(2013, 1, 1), date(2018, 5, 1),
                                date(2018, 6, 1), date(2026, 11, 29))]
    assert xs == sorted(xs)
    # A month of process gets far more room than its share of 17 years.
    assert (xs[3] - xs[2]) / 1000 > 31 / (17 * 365) * 5
    assert len(scale.breaks()) == 2
