"""Settings: defaults in one place, a till id generated once, nothing secret stored."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from pos_refunds.ui.settings import AppSettings, SettingsStore


def store(tmp_path) -> SettingsStore:
    return SettingsStore(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def test_defaults_and_a_till_id_saved_once(qapp, tmp_path) -> None:
    first = store(tmp_path).load()
    assert first.till_id.startswith("till_") and first.language == "en"
    assert first.limits().limit_for("cad") is not None
    assert store(tmp_path).load().till_id == first.till_id


def test_round_trip_and_unreadable_values(qapp, tmp_path) -> None:
    s = store(tmp_path)
    saved = s.update(s.load(), last_reader_id="tmr_1", language="fr",
                     refund_limits={"cad": 5000}, window_geometry=b"\x01\x02")
    again = store(tmp_path).load()
    assert (again.last_reader_id, again.language, dict(again.refund_limits),
            again.window_geometry, again.till_id) == (
        "tmr_1", "fr", {"cad": 5000}, b"\x01\x02", saved.till_id)
    raw = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    raw.setValue("refunds/limits", "not json")
    raw.setValue("ui/language", "xx")
    raw.sync()
    broken = store(tmp_path).load()
    assert dict(broken.refund_limits) == dict(AppSettings().refund_limits)
    assert broken.language == "en"


def test_no_field_can_hold_a_secret() -> None:
    names = set(AppSettings.__dataclass_fields__)
    assert not {n for n in names if "key" in n or "secret" in n or "password" in n}
