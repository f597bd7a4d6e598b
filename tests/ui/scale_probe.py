"""Run in a child process (see test_scaling.py): the real app in training mode, in English or
French (POS_PROBE_LANGUAGE), on an offscreen screen of the logical size Windows' display
scaling leaves a shop PC (1366×768 at 125 % is about 1093×552 once the taskbar and the title
bar are taken). Walks the screens the language probe walks, as the app sizes them itself, and
prints as JSON, for each: the screen's available room, the window's frame, and every visible
widget that lies outside its window or is cut off by a parent (inside a scroll area's viewport
a widget may lie anywhere: it scrolls). POS_PROBE_SHOTS=FOLDER saves a PNG of each screen.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QRect, QStandardPaths
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QMenu, QWidget
from qasync import QEventLoop

from pos_refunds.app import load_stylesheet, use_light_theme
from pos_refunds.ui.i18n import Language
from tests.ui.language_probe import probe


def _rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def _in_scroll(w: QWidget, top: QWidget) -> bool:
    """Inside a scroll area's viewport: where it lies is where the scroll bars take it."""
    parent = w.parentWidget()
    while parent is not None and parent is not top:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and grand.viewport() is parent:
            return True
        parent = grand
    return False


class FitWalk:
    def __init__(self, shots: Path | None) -> None:
        self.screens: list[dict] = []
        self._shots = shots

    def window(self, screen: str, top: QWidget) -> None:
        room = top.screen().availableGeometry()
        frame = top.frameGeometry()
        outside: list[list[object]] = []
        inside = QRect(0, 0, top.width(), top.height())
        for w in top.findChildren(QWidget):
            if not w.isVisible() or isinstance(w, QMenu) or w.isWindow():
                continue
            if w.width() <= 0 or w.height() <= 0 or _in_scroll(w, top):
                continue
            name = f"{type(w).__name__}#{w.objectName()}"
            where = QRect(w.mapTo(top, w.rect().topLeft()), w.size())
            if not inside.contains(where):
                outside.append([name, "window", _rect(where)])
                continue
            parent = w.parentWidget()
            if parent is not None and not parent.rect().contains(w.geometry()):
                outside.append([name, "parent", _rect(w.geometry()), _rect(parent.rect())])
        self.screens.append({
            "screen": screen, "room": _rect(room), "frame": _rect(frame),
            "fits": room.contains(frame), "minimum": [top.minimumSizeHint().width(),
                                                     top.minimumSizeHint().height()],
            "outside": outside})
        if os.environ.get("POS_PROBE_DEBUG"):
            for w in top.findChildren(QWidget):
                hint = w.minimumSizeHint().expandedTo(w.minimumSize())
                if w.isVisible() and not _in_scroll(w, top) and hint.height() > 60:
                    print(screen, type(w).__name__, w.objectName(), hint.width(), hint.height(),
                          file=sys.stderr)
        if self._shots is not None:
            self._shots.mkdir(parents=True, exist_ok=True)
            top.grab().save(str(self._shots / f"{screen}.png"))


def main() -> None:
    QStandardPaths.setTestModeEnabled(True)
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    use_light_theme(app)
    app.setStyleSheet(load_stylesheet())
    shots = os.environ.get("POS_PROBE_SHOTS")
    walk = FitWalk(Path(shots) if shots else None)
    language = Language()  # kept: its translators live as long as it does
    language.apply(os.environ.get("POS_PROBE_LANGUAGE", "en"))
    with tempfile.TemporaryDirectory() as tmp:
        loop = QEventLoop(app)
        asyncio.set_event_loop(loop)
        with loop:
            loop.run_until_complete(probe(walk, Path(tmp), fill=False))  # type: ignore[arg-type]
    print(json.dumps({"screens": walk.screens}, ensure_ascii=False))


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    main()
