"""The QApplication as the app makes it: names, icon and the UI translations for a locale."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from aligner_gui import __version__


def make_application(argv: Sequence[str], language: str | None = None) -> Any:
    from aligner_gui.gui import qtfix

    qtfix.apply()  # before the first Qt call (PySide6 6.12 on Python 3.11)
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(list(argv) or ["aligner-gui"])
    app.setApplicationName("aligner-gui")
    app.setOrganizationName("aligner-gui")
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName("aligner-gui")
    app.setDesktopFileName("aligner-gui")  # links windows to packaging/aligner-gui.desktop
    from PySide6.QtGui import QIcon

    from aligner_gui.core.resources import resource

    app.setWindowIcon(QIcon(str(resource("app-icon", "aligner-gui.svg"))))
    locale = QLocale(language) if language else QLocale.system()
    translators = []
    ours = QTranslator(app)
    if load_translation(ours, locale):
        app.installTranslator(ours)
        translators.append(ours)
        app.setProperty("aligner_ui_lang", ours.language() or "en")  # the HTML report's too
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        translators.append(qt)
    app.setProperty("aligner_translators", len(translators))
    return app


def ensure_application() -> None:
    """Make the QApplication when there is none yet (a window factory called from a script)."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        make_application([])


def load_translation(translator: Any, locale: Any) -> bool:
    """Load resources/translations/aligner_gui_<lang>.qm for the locale, if shipped."""
    from aligner_gui.core.resources import resource

    folder = resource("translations")
    for name in locale.uiLanguages():
        tag = name.replace("-", "_")
        for candidate in (tag, tag.split("_")[0] + "_CN" if tag.startswith("zh") else "",
                          tag.split("_")[0]):
            if not candidate:
                continue
            node = folder.joinpath(f"aligner_gui_{candidate}.qm")
            if node.is_file() and translator.load(str(node)):
                return True
    return False
