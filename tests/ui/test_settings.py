"""Settings: defaults in one place, a till id generated once, nothing secret stored."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from pos_refunds.ui.settings import AppSettings, SettingsStore


def store(tmp_path) -> SettingsStore:
    return SettingsStore(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def test_defaults_and_a_till_id_saved_once(qapp, tmp_path) -> None:
    first = store(tmp_path).load()
    assert first.till_id.startswith("till_") and first.language == "auto"
    assert first.refused == ()
    assert store(tmp_path).load().till_id == first.till_id


def test_round_trip_and_unreadable_values(qapp, tmp_path) -> None:
    s = store(tmp_path)
    saved = s.update(s.load(), last_reader_id="tmr_1", language="fr",
                     window_geometry=b"\x01\x02")
    again = store(tmp_path).load()
    assert (again.last_reader_id, again.language, again.window_geometry, again.till_id) == (
        "tmr_1", "fr", b"\x01\x02", saved.till_id)
    raw = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    raw.setValue("ui/language", "xx")
    raw.sync()
    assert store(tmp_path).load().language == "auto"


def test_limits_or_idle_lock_written_into_the_file_are_refused(qapp, tmp_path) -> None:
    """Raising a limit with a text editor does not raise it: the values a manager set are
    the journal's; the file's are refused, said once, then removed."""
    from pos_refunds.ui.settings import refused_text

    raw = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    raw.setValue("refunds/limits", '{"cad": 99999999}')
    raw.setValue("staff/idle_lock_minutes", "480")
    raw.sync()
    s = store(tmp_path)
    found = s.load()
    assert found.refused == ("limits", "idle_lock")
    assert refused_text(found.refused).startswith(
        "The settings file holds values for the refund limits and the idle lock that were "
        "not set in this app. They are not used")
    s.drop_refused()
    s.sync()
    assert store(tmp_path).load().refused == ()


def test_no_field_can_hold_a_secret() -> None:
    names = set(AppSettings.__dataclass_fields__)
    assert not {n for n in names if "key" in n or "secret" in n or "password" in n}


def test_the_language_follows_the_system_until_one_is_chosen(qapp) -> None:
    from PySide6.QtCore import QLocale

    from pos_refunds.ui import i18n

    french, german = QLocale("fr_FR"), QLocale("de_DE")
    assert i18n.resolve("auto", french) == "fr" and i18n.resolve("auto", german) == "en"
    assert i18n.resolve("en", french) == "en" and i18n.resolve("fr", german) == "fr"
    assert i18n.locale_for("fr").name() == "fr_CA" and i18n.locale_for("en").name() == "en_CA"
