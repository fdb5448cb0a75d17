"""TimelineView: a policy's life drawn on one time axis.

One lane per version: the period it was in force as a band (legacy versions
dashed and labelled), its posting's notice period as a hatched bar, its
readings, adoption and posting as ticks, a pending effective date as a hollow
diamond, and today as a vertical line. A version a rule refuses is drawn in
red and the rule's message is its tooltip. Sizes come from the font, so the
drawing scales with the widget and with the screen's scaling (200% included).

The widget only paints core data handed to it (``set_policy``); it never
reads the library.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from policyeditor.core import timeline as core_timeline
from policyeditor.core.dates import long_date, short_date
from policyeditor.core.versions import EDITORIAL, Policy, Version
from policyeditor.gui.timeline_axis import TimeScale, paint_axis, paint_legend

FAIL_RED = QColor(200, 20, 20)
BAND_BLUE = QColor(60, 110, 190)
LEGACY_GREY = QColor(120, 120, 130)
NOTICE_AMBER = QColor(215, 150, 30)
TODAY_GREEN = QColor(20, 130, 60)


@dataclass(frozen=True)
class _Lane:
    """What one version's lane shows; computed once per ``set_policy``."""

    version: Version
    bands: tuple[tuple[date, date | None], ...]
    failures: tuple[str, ...]
    earliest: date | None = None     # the earliest date the core says would pass


class TimelineView(QWidget):
    """The drawn timeline of one policy. Call ``set_policy`` to show one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._policy: Policy | None = None
        self._today = date.today()
        self._notice_days = 30
        self._lanes: list[_Lane] = []
        self._tips: list[tuple[QRectF, str]] = []
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setAccessibleName(self.tr("Timeline of the policy"))

    # -- public API -------------------------------------------------------
    def set_policy(
        self,
        policy: Policy | None,
        today: date,
        *,
        notice_days: int = 30,
        failures: Sequence = (),
    ) -> None:
        """Show ``policy`` as of ``today``.

        ``failures`` are the ``core.rules.RuleFailure`` objects of the policy
        (``rules.check_policy``); the versions they name are drawn in red.
        ``notice_days`` is the policy's notice period (library default or the
        policy's own).
        """
        self._policy = policy
        self._today = today
        self._notice_days = notice_days
        self._lanes = self._build_lanes(policy, failures) if policy else []
        self.setAccessibleDescription(self.summary())
        self.setToolTip("")
        self.updateGeometry()
        self.update()

    def show_policy(self, data, same: bool = False) -> None:
        """Show the loaded policy (``loading.PolicyData``) with its notice period and failures."""
        self.set_policy(data.policy, data.today, notice_days=data.notice_days, failures=data.failures)

    def clear(self) -> None:
        """Show nothing (no policy selected)."""
        self.set_policy(None, self._today)

    def summary(self) -> str:
        """A plain-text account of what is drawn, for screen readers."""
        if not self._policy:
            return self.tr("No policy selected.")
        parts = []
        for lane in self._lanes:
            v = lane.version
            text = self.tr("Version %1").replace("%1", str(v.number))
            for start, end in lane.bands:
                text += self.tr(", in force from %1").replace("%1", long_date(start))
                if end:
                    text += self.tr(" to %1").replace("%1", long_date(end))
            if v.effective and v.effective > self._today:
                text += self.tr(", takes effect %1").replace("%1", long_date(v.effective))
            for message in lane.failures:
                text += ". " + message
            parts.append(text + ".")
        return " ".join(parts)

    def failing_regions(self) -> list[tuple[QRectF, str]]:
        """The red areas of the last paint with their messages (for tests and tooltips)."""
        return [(r, t) for r, t in self._tips if t.startswith("!")]

    # -- Qt overrides -----------------------------------------------------
    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        fm = QFontMetricsF(self.font())
        lanes = max(1, len(self._lanes))
        return QSize(int(fm.horizontalAdvance("M") * 60), int(self._lane_height() * lanes + fm.height() * 4.5))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        fm = QFontMetricsF(self.font())
        return QSize(int(fm.horizontalAdvance("M") * 25), int(fm.height() * 5))

    def tooltip_at(self, pos: QPoint) -> str:
        """The tooltip shown at ``pos`` (widget coordinates); "" where there is none."""
        point = QPointF(pos)
        failing = [t[1:] for r, t in self._tips if t.startswith("!") and r.contains(point)]
        tips = failing or [t for r, t in self._tips if r.contains(point)]
        return "\n".join(dict.fromkeys(tips))

    def event(self, ev: QEvent) -> bool:
        if ev.type() == QEvent.ToolTip:
            tip = self.tooltip_at(ev.pos())
            if tip:
                QToolTip.showText(ev.globalPos(), tip, self)
            else:
                QToolTip.hideText()
                ev.ignore()
            return True
        return super().event(ev)

    def paintEvent(self, _ev) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        p.fillRect(self.rect(), self.palette().color(QPalette.Base))
        self._tips = []
        if not self._policy or not self._lanes:
            p.setPen(self.palette().color(QPalette.PlaceholderText))
            p.drawText(self.rect(), Qt.AlignCenter, self.tr("No versions yet"))
            p.end()
            return
        geo = self._geometry()
        self._paint_axis(p, geo)
        for row, lane in enumerate(self._lanes):
            self._paint_lane(p, geo, row, lane)
        self._paint_today(p, geo)
        self._paint_legend(p, geo)
        p.end()

    # -- layout -----------------------------------------------------------
    def _build_lanes(self, policy: Policy, failures: Sequence) -> list[_Lane]:
        bands: dict[int, list[tuple[date, date | None]]] = {}
        for version, start, end in core_timeline.intervals(policy):
            bands.setdefault(version.number, []).append((start, end))
        by_version: dict[int, list[str]] = {}
        earliest: dict[int, date] = {}
        for f in failures:
            by_version.setdefault(f.version, []).append(f.message)
            if f.earliest is not None:
                earliest[f.version] = max(f.earliest, earliest.get(f.version, f.earliest))
        return [
            _Lane(v, tuple(bands.get(v.number, ())), tuple(by_version.get(v.number, ())),
                  earliest.get(v.number))
            for v in policy.versions
        ]

    def _lane_height(self) -> float:
        return QFontMetricsF(self.font()).height() * 2.6

    def _dates(self) -> list[date]:
        out = [self._today]
        for lane in self._lanes:
            v = lane.version
            if lane.earliest:
                out.append(lane.earliest)
            out += [d for d in (v.first_reading, v.second_reading, v.adopted, v.posted,
                                v.effective, v.withdrawn) if d]
            out += list(v.reviewed)
            if v.posted:
                out.append(v.posted + timedelta(days=self._notice_days))
        return out

    def _geometry(self) -> dict:
        fm = QFontMetricsF(self.font())
        label_w = max(fm.horizontalAdvance(self._lane_label(l.version)) for l in self._lanes)
        left = label_w + fm.height() * 2.2
        right = self.width() - fm.horizontalAdvance("M") * 1.5
        # Room after the last date for the open-ended band of the version in force.
        tail = fm.height() * 3
        future = [s for lane in self._lanes for s, _e in lane.bands if s > self._today]
        if future:
            tail += fm.horizontalAdvance(self.tr("in force from %1").replace("%1", short_date(max(future))))
        tail = min(tail, (right - left) / 3)
        return {
            "fm": fm, "left": left, "right": right, "top": fm.height() * 1.6,
            "scale": TimeScale(self._dates(), left, right - tail), "lane_h": self._lane_height(),
        }

    def _x(self, geo: dict, d: date) -> float:
        return geo["scale"].x(d)

    def _lane_label(self, v: Version) -> str:
        label = self.tr("Version %1").replace("%1", str(v.number))
        if v.legacy:
            label += " " + self.tr("(legacy)")
        return label

    # -- painting ---------------------------------------------------------
    def _paint_axis(self, p: QPainter, geo: dict) -> None:
        bottom = geo["top"] + geo["lane_h"] * len(self._lanes)
        for rect in paint_axis(p, self.palette(), geo["fm"], geo["scale"], geo["top"], bottom,
                               geo["right"]):
            self._tips.append((rect, self.tr("Years with no events are drawn shorter")))

    def _paint_lane(self, p: QPainter, geo: dict, row: int, lane: _Lane) -> None:
        fm, lane_h = geo["fm"], geo["lane_h"]
        y = geo["top"] + row * lane_h
        v = lane.version
        mid = y + lane_h * 0.38
        band_h = fm.height() * 0.9
        failed = bool(lane.failures)
        p.setPen(FAIL_RED if failed else self.palette().color(QPalette.Text))
        label_rect = QRectF(0, y, geo["left"] - fm.height() * 1.9, lane_h * 0.76)
        p.drawText(label_rect, Qt.AlignVCenter | Qt.AlignRight, self._lane_label(v))
        self._tips.append((label_rect, self._version_tip(v)))
        for start, end in lane.bands:
            self._paint_band(p, geo, v, start, end, mid, band_h)
        if v.posted:
            self._paint_notice(p, geo, v, mid + band_h * 0.5 + 2, fm.height() * 0.45)
        self._paint_events(p, geo, v, mid, band_h)
        if failed:
            self._paint_failure(p, geo, lane, y, lane_h)

    def _paint_band(self, p: QPainter, geo: dict, v: Version, start: date, end: date | None,
                    mid: float, band_h: float) -> None:
        x0 = self._x(geo, start)
        x1 = self._x(geo, end) if end else geo["right"]
        rect = QRectF(x0, mid - band_h / 2, max(3.0, x1 - x0), band_h)
        future = start > self._today
        color = LEGACY_GREY if v.legacy else BAND_BLUE
        fill = QColor(color)
        fill.setAlpha(40 if future else (70 if v.change_class == EDITORIAL else 120))
        p.setBrush(fill)
        p.setPen(QPen(color, 1.5, Qt.DashLine if (v.legacy or future) else Qt.SolidLine))
        p.drawRoundedRect(rect, 3, 3)
        if future:
            text = self.tr("in force from %1").replace("%1", short_date(start))
        elif v.legacy:
            text = self.tr("in force (legacy: predates the tool)")
        else:
            text = self.tr("in force")
        fm = geo["fm"]
        inside = rect.adjusted(fm.height() * 0.7, 0, -4, 0)
        width = fm.horizontalAdvance(text)
        if width >= inside.width():   # too narrow: write it just before the band
            inside = QRectF(x0 - fm.height() * 0.7 - width - 6, rect.top(), width + 4, rect.height())
            p.fillRect(inside, self.palette().color(QPalette.Base))
        p.setPen(self.palette().color(QPalette.Text))
        p.drawText(inside, Qt.AlignVCenter | Qt.AlignLeft, text)
        until = self.tr("until %1").replace("%1", long_date(end)) if end else self.tr("to this day")
        tip = self.tr("Version %1 in force from %2, %3")
        if future:
            tip = self.tr("Version %1 will be in force from %2, %3")
        self._tips.append((rect, tip.replace("%1", str(v.number)).replace("%2", long_date(start))
                           .replace("%3", until)))

    def _paint_notice(self, p: QPainter, geo: dict, v: Version, y: float, h: float) -> None:
        assert v.posted is not None
        x0 = self._x(geo, v.posted)
        x1 = self._x(geo, v.posted + timedelta(days=self._notice_days))
        rect = QRectF(x0, y, max(4.0, x1 - x0), h)
        p.setPen(QPen(NOTICE_AMBER, 1))
        p.setBrush(QBrush(NOTICE_AMBER, Qt.BDiagPattern))
        p.drawRect(rect)
        self._tips.append((rect.adjusted(-3, -3, 3, 3), self.tr(
            "Posted %1; %2 days' notice ends %3").replace("%1", long_date(v.posted))
            .replace("%2", str(self._notice_days))
            .replace("%3", long_date(v.posted + timedelta(days=self._notice_days)))))

    def _paint_events(self, p: QPainter, geo: dict, v: Version, mid: float, band_h: float) -> None:
        ticks = [
            (v.first_reading, self.tr("First reading")),
            (v.second_reading, self.tr("Second reading")),
            (v.adopted, self.tr("Adopted")),
            (v.posted, self.tr("Posted")),
            (v.withdrawn, self.tr("Withdrawn")),
        ] + [(d, self.tr("Reviewed")) for d in v.reviewed]
        text_color = self.palette().color(QPalette.Text)
        for when, what in ticks:
            if when is None:
                continue
            x = self._x(geo, when)
            p.setPen(QPen(text_color, 2))
            p.drawLine(QPointF(x, mid - band_h * 0.7), QPointF(x, mid + band_h * 0.7))
            self._tips.append((QRectF(x - 4, mid - band_h, 8, band_h * 2),
                               f"{what}: {long_date(when)}"))
        if v.effective:
            self._paint_effective(p, geo, v.effective, mid, band_h)

    def _paint_effective(self, p: QPainter, geo: dict, when: date, mid: float, band_h: float) -> None:
        x = self._x(geo, when)
        r = band_h * 0.55
        path = QPainterPath()
        path.moveTo(x, mid - r)
        path.lineTo(x + r, mid)
        path.lineTo(x, mid + r)
        path.lineTo(x - r, mid)
        path.closeSubpath()
        pending = when > self._today
        p.setPen(QPen(self.palette().color(QPalette.Text), 1.5))
        p.setBrush(self.palette().color(QPalette.Base) if pending else self.palette().color(QPalette.Text))
        p.drawPath(path)
        label = self.tr("Takes effect %1") if pending else self.tr("Effective %1")
        self._tips.append((path.boundingRect().adjusted(-2, -2, 2, 2), label.replace("%1", long_date(when))))

    def _paint_failure(self, p: QPainter, geo: dict, lane: _Lane, y: float, lane_h: float) -> None:
        v = lane.version
        dates = [d for d in (v.first_reading, v.second_reading, v.adopted, v.posted, v.effective) if d]
        dates = dates or [self._today]
        x0 = self._x(geo, min(dates))
        x1 = self._x(geo, max(dates))
        rect = QRectF(x0 - 6, y + 2, max(12.0, x1 - x0 + 12), lane_h - 4)
        fill = QColor(FAIL_RED)
        fill.setAlpha(60)
        p.setBrush(fill)
        p.setPen(QPen(FAIL_RED, 2))
        p.drawRoundedRect(rect, 4, 4)
        message = "\n".join(lane.failures)
        self._tips.append((rect, "!" + message))
        fm = geo["fm"]
        mark = QRectF(geo["left"] - fm.height() * 1.6, y + (lane_h * 0.76 - fm.height()) / 2,
                      fm.height(), fm.height())
        p.setBrush(FAIL_RED)
        p.setPen(Qt.NoPen)
        p.drawEllipse(mark)
        p.setPen(QColor("white"))
        p.drawText(mark, Qt.AlignCenter, "!")
        self._tips.append((mark, "!" + message))
        if lane.earliest is not None:
            x = self._x(geo, lane.earliest)
            p.setPen(QPen(TODAY_GREEN, 2, Qt.DotLine))
            p.drawLine(QPointF(x, y + 3), QPointF(x, y + lane_h - 3))
            self._tips.append((QRectF(x - 4, y, 8, lane_h), self.tr(
                "Earliest date that passes: %1").replace("%1", long_date(lane.earliest))))

    def _paint_today(self, p: QPainter, geo: dict) -> None:
        x = self._x(geo, self._today)
        top = geo["top"] - geo["fm"].height() * 0.2
        bottom = geo["top"] + geo["lane_h"] * len(self._lanes)
        p.setPen(QPen(TODAY_GREEN, 2, Qt.DashLine))
        p.drawLine(QPointF(x, top), QPointF(x, bottom))
        text = self.tr("today")
        w = geo["fm"].horizontalAdvance(text)
        tx = min(x - w / 2, geo["right"] - w)
        p.setPen(TODAY_GREEN)
        p.drawText(QPointF(tx, top - 2), text)
        self._tips.append((QRectF(x - 4, top, 8, bottom - top),
                           self.tr("Today, %1").replace("%1", long_date(self._today))))

    def _paint_legend(self, p: QPainter, geo: dict) -> None:
        """One line under the axis saying what each mark means."""
        y = geo["top"] + geo["lane_h"] * len(self._lanes) + geo["fm"].height() * 1.6
        items = [
            (self.tr("in force"), QBrush(BAND_BLUE), QPen(BAND_BLUE)),
            (self.tr("legacy"), QBrush(LEGACY_GREY), QPen(LEGACY_GREY, 1, Qt.DashLine)),
            (self.tr("notice period"), QBrush(NOTICE_AMBER, Qt.BDiagPattern), QPen(NOTICE_AMBER)),
        ]
        if any(lane.failures for lane in self._lanes):   # explained only when drawn
            items.append((self.tr("rule fails (hover for why)"), QBrush(QColor(200, 20, 20, 60)),
                          QPen(FAIL_RED, 2)))
        paint_legend(p, self.palette(), geo["fm"], items, geo["left"], y, geo["right"])

    def _version_tip(self, v: Version) -> str:
        text = self.tr("Version %1, %2").replace("%1", str(v.number)).replace("%2", v.change_class)
        if v.legacy:
            text += "\n" + self.tr("Legacy: predates the tool, exempt from the notice rules (2 and 3).")
        if v.justification:
            text += "\n" + self.tr("Marked editorial: %1").replace("%1", v.justification)
        return text
