"""The language the till speaks: Qt's translators for it, and the locale of amounts and dates.

The app's words are `tr()` / `translate()` calls in English; `pos_refunds/i18n/*.ts` hold their
translations (made with `pyside6-lupdate`), compiled to `.qm` by `pyside6-lrelease` when the
package is installed or bundled. English has a catalogue too: the forms of its plurals
("1 payment", "3 payments"). French loads Qt's own `qtbase_fr` beside ours, so the print, file
and message dialogs Qt draws speak French as well.

The language is a setting: "auto" follows the system's (French if it is French, English
otherwise), "en" or "fr" choose one. It applies when the window opens (at start, or after
Settings' "Restart now").
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

AUTO = "auto"
CHOICES = (AUTO, "en", "fr")  # what Settings offers; "auto" follows the system
LOCALES = {
    "en": (QLocale.Language.English, QLocale.Country.Canada),
    "fr": (QLocale.Language.French, QLocale.Country.Canada),
}
CATALOGUES = {"en": "pos_refunds_en", "fr": "pos_refunds_fr_CA"}
QT_CATALOGUES = {"fr": ("qtbase_fr",)}  # Qt's own dialogs: print, page setup, file, buttons


class Context:
    """`X.tr(text, disambiguation, n)`: translate() in the context X, plurals included, for code
    outside QObject classes. pyside6-lupdate reads the n of `X.tr()` as a plural (in context X),
    but not that of translate(); X is the name this is bound to, and its context."""

    def __init__(self, name: str) -> None:
        self.name = name

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QCoreApplication.translate(self.name, text, disambiguation, n)


def catalogue_folder() -> Path:
    """Where the compiled catalogues are: beside the package, or in the bundle's data."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "pos_refunds" / "i18n"
    return Path(__file__).resolve().parent.parent / "i18n"


def resolve(choice: str, system: QLocale | None = None) -> str:
    """The language code ("en" | "fr") a setting means on this system."""
    if choice in LOCALES:
        return choice
    system = system if system is not None else QLocale.system()
    return "fr" if system.language() == QLocale.Language.French else "en"


def current_code() -> str:
    """The language the screens speak now ("en" | "fr"), from the default locale."""
    return "fr" if QLocale().language() == QLocale.Language.French else "en"


def locale_for(code: str) -> QLocale:
    language, country = LOCALES.get(code, LOCALES["en"])
    return QLocale(language, country)


def babel_name(locale: QLocale) -> str:
    """The CLDR name of a Qt locale ("fr_CA"), for Babel."""
    name = locale.name()
    return "en_CA" if name in ("C", "") else name


def _load(name: str, folder: Path) -> QTranslator | None:
    translator = QTranslator()
    if translator.load(name, str(folder)):
        return translator
    log.warning("translation catalogue %s not found in %s", name, folder)
    return None


@dataclass
class Catalogue:
    """The translations of one language, asked directly (a slip in the customer's language,
    while the screens keep the till's) rather than through the application's translators."""

    code: str
    translators: tuple[QTranslator, ...]

    @property
    def locale(self) -> QLocale:
        return locale_for(self.code)

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        for translator in self.translators:
            text = translator.translate(context, source, disambiguation, n)
            if text:
                return text.replace("%n", str(n)) if n >= 0 else text
        return source.replace("%n", str(n)) if n >= 0 else source


@lru_cache(maxsize=4)
def catalogue(code: str, folder: Path | None = None) -> Catalogue:
    """One language's catalogue, loaded once (a slip dialog may switch back and forth)."""
    found = _load(CATALOGUES.get(code, CATALOGUES["en"]), folder or catalogue_folder())
    return Catalogue(code, (found,) if found else ())


class Language:
    """The translators installed on the application; `apply` swaps them for another language."""

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder or catalogue_folder()
        self._installed: list[QTranslator] = []
        self.code = "en"

    def apply(self, choice: str) -> str:
        """Install the catalogues of `choice` and make its locale the default; returns the
        language code now in force."""
        app = QCoreApplication.instance()
        code = resolve(choice)
        for translator in self._installed:
            if app is not None:
                app.removeTranslator(translator)
        self._installed = []
        found = [_load(CATALOGUES[code], self._folder)]
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        found += [_load(name, Path(qt_folder)) for name in QT_CATALOGUES.get(code, ())]
        for translator in found:
            if translator is not None and app is not None:
                app.installTranslator(translator)
                self._installed.append(translator)
        QLocale.setDefault(locale_for(code))
        self.code = code
        return code

    def missing(self) -> list[str]:
        """Catalogues of this app that are not where they should be (for the self-test)."""
        return [name for name in CATALOGUES.values()
                if not (self._folder / f"{name}.qm").is_file()]
