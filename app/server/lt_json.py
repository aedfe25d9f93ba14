"""The engine's suggestions as LanguageTool's JSON answers (`/v2/check`, `/v2/languages`).

Offsets and lengths count UTF-16 code units of the document the client sent (markup included
for annotated `data`); the context and sentence come from the text the checker read.
"""

from __future__ import annotations

import re

from .. import __version__
from ..engine.types import Suggestion
from .annotated import Document
from .form import LANGUAGES, CheckRequest
from .rules import rule_for
from .utf16 import Utf16Index, utf16_len

CONTEXT_CHARS = 40  # characters of context each side of a match, as LanguageTool's API gives
MAX_REPLACEMENTS = 5  # as many as the editor shows
_SENTENCE_END_RE = re.compile(r"[.!?]+[\"')\]\u201d\u2019]*(?:\s+|$)|\n")


def languages() -> list[dict]:
    return [{"name": name, "code": "en", "longCode": code} for code, (name, _) in LANGUAGES.items()]


def software() -> dict:
    return {"name": "Dyslexic Writer", "version": __version__, "buildDate": "", "apiVersion": 1,
            "premium": False, "status": ""}


def allowed(rule, request: CheckRequest) -> bool:
    """Whether the request's rule and category filters keep a match of this rule."""
    if rule.id in request.disabled_rules or rule.category_id in request.disabled_categories:
        return False
    if request.enabled_only:
        return rule.id in request.enabled_rules or rule.category_id in request.enabled_categories
    return True


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around start:end: from after the last sentence end before it to the next one after."""
    left = 0
    for m in _SENTENCE_END_RE.finditer(text, 0, start):
        left = m.end()
    m = _SENTENCE_END_RE.search(text, end)
    right = m.end() if m else len(text)
    return left, right


def _message(s: Suggestion, default: str) -> str:
    if not s.replacements:
        # An `unknown` mark offers nothing to apply: its likely words go in the message instead.
        maybe = f" Maybe: {', '.join(s.maybe)}?" if s.maybe else " Try typing it another way."
        return f"'{s.original}' is not in the dictionary.{maybe}"
    return s.explanation or default


def match(s: Suggestion, doc: Document, offsets: Utf16Index, variant: str = "") -> dict:
    """One suggestion (code point offsets into `doc.plain`) as a LanguageTool match."""
    rule = rule_for(s.kind, variant)
    plain = doc.plain
    a, b = doc.start_in_original(s.start), doc.end_in_original(s.end)
    offset, length = offsets.span(a, max(a, b))
    left, right = max(0, s.start - CONTEXT_CHARS), min(len(plain), s.end + CONTEXT_CHARS)
    before = ("..." if left else "") + plain[left : s.start]
    context = (before + plain[s.start : right] + ("..." if right < len(plain) else "")).replace("\n", " ")
    sa, sb = _sentence_bounds(plain, s.start, s.end)
    return {
        "message": _message(s, rule.message),
        "shortMessage": rule.short_message,
        "replacements": [{"value": r} for r in s.replacements[:MAX_REPLACEMENTS]],
        "offset": offset,
        "length": length,
        "context": {"text": context, "offset": utf16_len(before), "length": utf16_len(s.original)},
        "sentence": plain[sa:sb].strip(),
        "type": {"typeName": rule.type_name},
        "rule": {
            "id": rule.id,
            "subId": s.kind,
            "description": rule.description,
            "issueType": rule.issue_type,
            "category": {"id": rule.category_id, "name": rule.category_name},
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def check_response(request: CheckRequest, suggestions: list[Suggestion]) -> dict:
    """The whole `/v2/check` answer for the request's suggestions (code point offsets into its plain text)."""
    doc = request.document
    offsets = Utf16Index(doc.original)
    matches = [match(s, doc, offsets, request.variant) for s in suggestions
               if allowed(rule_for(s.kind, request.variant), request)]
    name = LANGUAGES[request.language][0]
    return {
        "software": software(),
        "warnings": {"incompleteResults": False},
        "language": {
            "name": name,
            "code": request.language,
            "detectedLanguage": {"name": name, "code": request.language, "confidence": 1.0 if not request.detected else 0.9},
        },
        "matches": matches,
    }
