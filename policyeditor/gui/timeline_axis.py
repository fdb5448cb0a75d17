"""The timeline's time axis: a scale that compresses quiet years, year labels, a legend.

Split from ``timeline_view`` so the drawing of lanes and the drawing of the
axis can be read apart. Nothing here knows about policies: dates and pixels.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPalette, QPen

__all__ = ["TimeScale", "paint_axis", "paint_legend"]


class TimeScale:
    """Dates to x positions: linear between events, long quiet stretches compressed.

    A policy may sit unchanged for a decade and then go through readings,
    posting and taking effect within weeks; a linear axis would squeeze those
    weeks into a few pixels. Each gap between consecutive dates of interest
    up to ``full_days`` long keeps its length; a longer gap is drawn as
    ``full_days * (1 + 0.4 * ln(gap / full_days))``: still longer for longer
    gaps, so the order and the rough proportion stay readable.
    """

    def __init__(self, dates: Sequence[date], left: float, right: float, full_days: int = 45) -> None:
        keys = sorted(set(dates))
        self.start = keys[0] - timedelta(days=full_days // 3)
        self.end = keys[-1] + timedelta(days=full_days // 3)
        self.keys = [self.start, *keys, self.end]
        self.full_days = full_days
        self.weights = [self._weight((b - a).days) for a, b in zip(self.keys, self.keys[1:])]
        self.left, self.right = left, right
        self._unit = (right - left) / max(1e-9, sum(self.weights))

    def _weight(self, days: int) -> float:
        if days <= self.full_days:
            return float(days)
        return self.full_days * (1 + 0.4 * math.log(days / self.full_days))

    def x(self, d: date) -> float:
        """The x position of day ``d`` (clamped to the drawn range)."""
        if d <= self.start:
            return self.left
        pos = 0.0
        for (a, b), w in zip(zip(self.keys, self.keys[1:]), self.weights):
            if d < b:
                span = max(1, (b - a).days)
                return self.left + (pos + w * (d - a).days / span) * self._unit
            pos += w
        return self.right

    def breaks(self) -> list[tuple[float, float]]:
        """The x ranges of compressed stretches (drawn as breaks in the axis)."""
        out, pos = [], 0.0
        for (a, b), w in zip(zip(self.keys, self.keys[1:]), self.weights):
            if (b - a).days > self.full_days * 3:
                out.append((self.left + pos * self._unit, self.left + (pos + w) * self._unit))
            pos += w
        return out


def paint_axis(p: QPainter, palette: QPalette, fm: QFontMetricsF, scale: TimeScale,
               top: float, bottom: float, right: float) -> list[QRectF]:
    """Year lines and labels (skipping labels that would collide), the axis line, and a
    break mark on each compressed stretch. Returns the break marks' areas (for tooltips)."""
    text_color = palette.color(QPalette.Text)
    grid = QColor(text_color)
    grid.setAlpha(40)
    last_label = -1e9
    for year in range(scale.start.year + 1, scale.end.year + 1):
        x = scale.x(date(year, 1, 1))
        text = str(year)
        w = fm.horizontalAdvance(text)
        if x - w / 2 < last_label + fm.horizontalAdvance("M"):
            continue
        last_label = x + w / 2
        p.setPen(QPen(grid, 1))
        p.drawLine(QPointF(x, top), QPointF(x, bottom))
        p.setPen(text_color)
        p.drawText(QPointF(x - w / 2, bottom + fm.ascent() + 4), text)
    p.setPen(QPen(text_color, 1))
    p.drawLine(QPointF(scale.left, bottom), QPointF(right, bottom))
    h = fm.height() * 0.3
    areas = []
    for a, b in scale.breaks():
        x = (a + b) / 2
        p.setPen(QPen(palette.color(QPalette.Base), h))
        p.drawLine(QPointF(x, bottom - h), QPointF(x, bottom + h))
        p.setPen(QPen(text_color, 1))
        for dx in (-h / 2, h / 2):
            p.drawLine(QPointF(x + dx - h / 2, bottom + h), QPointF(x + dx + h / 2, bottom - h))
        areas.append(QRectF(a, top, b - a, bottom - top + h))
    return areas


def paint_legend(p: QPainter, palette: QPalette, fm: QFontMetricsF,
                 items: Sequence[tuple[str, QBrush, QPen]], left: float, y: float,
                 right: float) -> None:
    """A row of swatches with their meaning, from ``left``, as many as fit before ``right``."""
    x = left
    h = fm.height() * 0.7
    for text, brush, pen in items:
        if x + h + fm.horizontalAdvance(text) > right:
            break
        p.setBrush(brush)
        p.setPen(pen)
        p.drawRect(QRectF(x, y + (fm.height() - h) / 2, h * 1.6, h))
        p.setPen(palette.color(QPalette.Text))
        p.drawText(QPointF(x + h * 2, y + fm.ascent()), text)
        x += h * 3 + fm.horizontalAdvance(text)
