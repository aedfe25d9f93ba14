"""The engine the `serve` command checks with: the writer's own profile and dictionary, read, never written."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable


def writer_settings() -> dict:
    """The editor's saved settings as plain values, read without touching the file (a broken file
    is the editor's to set aside, not the server's): {} when there are none."""
    import yaml

    from ..settings import settings_path

    try:
        raw = yaml.safe_load(settings_path().read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return raw if isinstance(raw, dict) else {}


def read_profile(path: str | None, notify: Callable[[str], None]):
    """The profile at `path` (default: the writer's own), for reading only."""
    from ..engine.personal.profile import Profile

    profile, notice = Profile.read_only(Path(path).expanduser() if path else None)
    if notice:
        notify(notice)
    return profile


def engine_builder(name: str, model: str | None = None, profile_path: str | None = None, use_profile: bool = True,
                   notify: Callable[[str], None] | None = None) -> Callable[[], object]:
    """A function that builds the engine (on the thread that will own it). The spelling is set per
    request, so the engine starts with either."""
    notify = notify or (lambda msg: print(msg, file=sys.stderr))

    def build():
        from ..assemble import make_engine  # the one place the server builds engines

        profile = read_profile(profile_path, notify) if use_profile else None
        engine = make_engine(name, model, notify=notify, profile=profile, spelling="")
        # What every check needs (word lists, rankers, the model's first batch) loads here, before
        # a client waits on it, not during the writer's first check.
        engine.check("Ths sentense warms teh engin up, becuz its needed.")
        return engine

    return build
