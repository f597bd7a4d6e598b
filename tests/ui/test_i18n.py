"""The language: catalogues and Qt's own French, CLDR's amounts and times, the choice's rules."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QDialogButtonBox

from pos_refunds.__main__ import parse_args
from pos_refunds.domain.money import Money
from pos_refunds.ui import i18n
from pos_refunds.ui.formatting import format_age, format_duration, format_money, format_when

NOW = datetime(2026, 12, 2, 18, 31, tzinfo=UTC)
FR, EN = QLocale("fr_CA"), QLocale("en_CA")


def test_qt_own_words_speak_french_too(qapp, french) -> None:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel
                           | QDialogButtonBox.StandardButton.Save)
    words = {box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", ""),
             box.button(QDialogButtonBox.StandardButton.Save).text().replace("&", "")}
    assert words == {"Annuler", "Enregistrer"}


def test_english_has_its_plural_forms(qapp) -> None:
    assert format_duration(3 * 86400) == "3 days"
    assert QCoreApplication.translate("Formatting", "Today {time}") == "Today {time}"


def test_amounts_in_cldr_forms() -> None:
    assert format_money(Money(1250, "cad"), FR) == "12,50\u00a0$"
    assert format_money(Money(1250, "usd"), FR) == "12,50\u00a0$\u00a0US"
    assert format_money(Money(123450, "cad"), FR) == "1\u00a0234,50\u00a0$"
    assert format_money(Money(1250, "cad"), EN) == "$12.50"
    assert format_money(Money(1250, "usd"), EN) == "US$12.50"
    assert format_money(Money(1200, "jpy"), FR) == "1\u00a0200\u00a0¥"


def test_relative_times_follow_the_language(qapp, french) -> None:
    assert format_age(NOW - timedelta(minutes=12), FR, now=NOW) == "il y a 12\u00a0min"
    assert format_age(NOW - timedelta(seconds=20), FR, now=NOW) == "à l’instant"
    local = NOW.astimezone()
    assert format_when(NOW, FR, now=NOW) == f"Aujourd’hui {local:%H:%M}"
    assert format_when(NOW, FR, now=NOW, sentence=True) == f"aujourd’hui {local:%H:%M}"
    assert format_duration(3 * 86400) == "3 jours"
    assert format_duration(5 * 3600 + 20 * 60) == "5 h 20 min"


def test_a_missing_catalogue_leaves_english_and_says_so(qapp, tmp_path, caplog) -> None:
    language = i18n.Language(tmp_path)
    try:
        assert language.apply("fr") == "fr"  # amounts and dates still French
        assert QLocale().name() == "fr_CA"
        assert language.missing() == ["pos_refunds_en", "pos_refunds_fr_CA"]
        assert "not found" in caplog.text
    finally:
        i18n.Language().apply("en")


def test_the_catalogue_of_another_language_answers_directly(qapp) -> None:
    french = i18n.catalogue("fr")
    assert french.translate("RefundSlip", "Card") == "Carte"
    assert french.translate("Formatting", "%n days", None, 3) == "3 jours"
    assert QCoreApplication.translate("RefundSlip", "Card") == "Card"  # the screens unmoved


def test_language_on_the_command_line() -> None:
    assert parse_args(["--language", "fr"]).language == "fr"
    assert parse_args([]).language is None
