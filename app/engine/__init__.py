"""Text in, suggestions out. No Qt here: the GUI and the CLI both stand on this package."""

from .types import CheckResult, Kind, Suggestion, apply_suggestions

__all__ = ["CheckResult", "Kind", "Suggestion", "apply_suggestions"]
