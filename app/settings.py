"""One typed settings object, stored as YAML in the config folder; defaults live here in code.

A missing file gives the defaults; a broken one gives the defaults plus a notice (and is kept
aside as `settings.yaml.bad` so nothing the writer set is silently lost).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .paths import atomic_write_text, config_dir, data_dir

THEMES = ("light", "dark")
MODES = ("get-it-done", "learning")
ENGINES = ("auto", "fast", "model")
# Which spelling corrections prefer where British and American differ ("colour"/"color").
# "auto" follows the system's language (en_GB, en_AU... British; en_US American; else either).
SPELLING_CHOICES = ("auto", "british", "american", "either")
_BRITISH_REGIONS = ("GB", "UK", "IE", "AU", "NZ", "ZA", "IN", "United Kingdom", "Ireland", "Australia",
                    "New Zealand", "South Africa", "India")


@dataclass
class Settings:
    engine: str = "auto"
    model: str | None = None  # catalog id or GGUF path; None = recommended / embedded default
    models_dir: str | None = None  # where downloaded models live; None = data folder/models
    font_family: str = ""  # empty: OpenDyslexic when installed, else a clean sans-serif
    font_size: int = 18
    line_spacing: float = 1.5
    theme: str = "light"
    mode: str = "get-it-done"
    underline_colours: dict[str, str] = field(default_factory=lambda: {
        "default": "#8e44ad", "homophone": "#2e86c1", "contraction": "#16a085", "spacing": "#d68910",
        "unknown": "#7f8c8d",  # a word with no suggestion: the calmest mark
    })
    speech_voice: str = ""
    speech_rate: float = 0.0  # -1 .. 1, as QTextToSpeech takes it
    recent_files: list[str] = field(default_factory=list)
    # Remember this writer's own corrections (a private profile in the data folder); off: neither used nor added to.
    learn_from_me: bool = True
    spelling: str = "auto"
    # The local LanguageTool-compatible server for the writer's other apps (gui/local_server.py).
    share_with_apps: bool = False
    server_port: int = 8081  # LanguageTool's own port, which its clients suggest

    def models_path(self) -> Path:
        return Path(self.models_dir).expanduser() if self.models_dir else data_dir() / "models"

    def validated(self) -> "Settings":
        """A copy with out-of-range values replaced by defaults."""
        d = Settings()
        s = dataclasses.replace(self)
        if s.engine not in ENGINES:
            s.engine = d.engine
        if s.theme not in THEMES:
            s.theme = d.theme
        if s.mode not in MODES:
            s.mode = d.mode
        if not isinstance(s.font_size, int) or not 8 <= s.font_size <= 72:
            s.font_size = d.font_size
        if not isinstance(s.line_spacing, (int, float)) or not 1.0 <= s.line_spacing <= 3.0:
            s.line_spacing = d.line_spacing
        if not isinstance(s.speech_rate, (int, float)) or not -1 <= s.speech_rate <= 1:
            s.speech_rate = d.speech_rate
        if not isinstance(s.underline_colours, dict):
            s.underline_colours = d.underline_colours
        s.recent_files = [str(p) for p in (s.recent_files or [])][:10]
        if not isinstance(s.learn_from_me, bool):
            s.learn_from_me = d.learn_from_me
        if s.spelling not in SPELLING_CHOICES:
            s.spelling = d.spelling
        if not isinstance(s.share_with_apps, bool):
            s.share_with_apps = d.share_with_apps
        if not isinstance(s.server_port, int) or not 0 <= s.server_port <= 65535:
            s.server_port = d.server_port  # 0 takes any free port
        return s


def spelling_preference(choice: str, environ=None) -> str:
    """"british", "american" or "" (either) for a SPELLING_CHOICES value; "auto" reads the system
    language (LC_ALL, LC_MESSAGES, LANG, then Python's locale, which names it on Windows too)."""
    if choice in ("british", "american"):
        return choice
    if choice != "auto":
        return ""
    import locale
    import os

    env = os.environ if environ is None else environ
    name = next((env[k] for k in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(k)), "")
    if not name and environ is None:
        try:
            name = locale.getlocale()[0] or ""
        except ValueError:
            name = ""
    if not (name.startswith("en_") or name.startswith("English")):
        return ""
    if any(region in name for region in _BRITISH_REGIONS):
        return "british"
    return "american" if "US" in name or "United States" in name else ""


def settings_path() -> Path:
    return config_dir() / "settings.yaml"


def load_settings(path: Path | None = None) -> tuple[Settings, str | None]:
    """(settings, notice): the notice says why defaults were used, when they were."""
    path = path or settings_path()
    if not path.exists():
        return Settings(), None
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(raw, dict):
            raise ValueError("the file does not hold a set of named settings")
        known = {f.name for f in dataclasses.fields(Settings)}
        s = Settings(**{k: v for k, v in raw.items() if k in known})
        return s.validated(), None
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError, TypeError) as exc:
        try:
            path.replace(path.with_name(path.name + ".bad"))
        except OSError:
            pass
        return Settings(), f"Settings could not be read ({exc}); defaults are in use and the old file was kept as {path.name}.bad"


def save_settings(settings: Settings, path: Path | None = None) -> None:
    path = path or settings_path()
    atomic_write_text(path, yaml.safe_dump(dataclasses.asdict(settings), sort_keys=True, allow_unicode=True))
