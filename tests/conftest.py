"""Shared test set-up: Qt offscreen, and git isolated from the machine's config."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
