"""User settings, declared once with types and defaults; the only place QSettings is used."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")
MAX_RECENT = 10


class _Setting(Generic[T]):
    """A typed descriptor over one QSettings key (QSettings returns strings from INI files)."""

    def __init__(self, key: str, default: T) -> None:
        self.key = key
        self.default = default

    def __get__(self, obj: Settings | None, owner: type) -> Any:
        if obj is None:
            return self
        raw = obj.qsettings.value(self.key, None)
        if raw is None:
            return self.default
        return self._convert(raw)

    def __set__(self, obj: Settings, value: T) -> None:
        obj.qsettings.setValue(self.key, self._store(value))

    def _convert(self, raw: Any) -> Any:
        default = self.default
        try:
            if isinstance(default, bool):
                return raw if isinstance(raw, bool) else str(raw).lower() in ("1", "true", "yes")
            if isinstance(default, int):
                return int(raw)
            if isinstance(default, float):
                return float(raw)
            if isinstance(default, str):
                return str(raw)
            if isinstance(default, (list, dict)):
                value = json.loads(raw) if isinstance(raw, str) else raw
                return value if isinstance(value, type(default)) else default
            if isinstance(default, QByteArray):
                return raw if isinstance(raw, QByteArray) else QByteArray(raw)
        except (TypeError, ValueError):
            return default
        return raw

    def _store(self, value: Any) -> Any:
        if isinstance(value, (list, dict)):
            return json.dumps(value, ensure_ascii=False)
        return value


class Settings:
    """Typed access to the user's settings. Tests pass an INI file to stay isolated."""

    geometry = _Setting("window/geometry", QByteArray())
    window_state = _Setting("window/state", QByteArray())
    splitter_state = _Setting("window/splitter", QByteArray())
    pane_splitter_state = _Setting("window/pane_splitter", QByteArray())
    bead_table_state = _Setting("window/bead_table", QByteArray())
    bead_table_columns = _Setting("window/bead_table_columns", 0)  # of the saved state
    font_size = _Setting("view/font_size", 12.0)
    panes_swapped = _Setting("view/panes_swapped", False)
    coverage_lens = _Setting("view/coverage_lens", False)
    risk_suspects = _Setting("view/risk_suspects", True)
    recent_files = _Setting("files/recent", [])
    autosave_seconds = _Setting("files/autosave_seconds", 60)
    recovery_dir_override = _Setting("files/recovery_dir", "")
    mqm_weights = _Setting("scores/mqm_weights", {})
    ui_language = _Setting("ui/language", "")  # "" = follow the system
    source_lang = _Setting("align/source_lang", "en")  # the original of texts opened

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.qsettings = qsettings or QSettings("aligner-gui", "aligner-gui")

    @classmethod
    def from_file(cls, path: str | Path) -> Settings:
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    def add_recent(self, path: str | Path) -> list[str]:
        name = str(Path(path).resolve())
        recent = [p for p in self.recent_files if p != name]
        recent.insert(0, name)
        self.recent_files = recent[:MAX_RECENT]
        return self.recent_files

    def recovery_dir(self) -> Path:
        if self.recovery_dir_override:
            return Path(self.recovery_dir_override)
        from platformdirs import user_state_dir

        return Path(user_state_dir("aligner-gui")) / "recovery"

    def sync(self) -> None:
        self.qsettings.sync()
