"""Reading a `/v2/check` request: LanguageTool's form fields, as clients send them.

Fields this server does not use (`textSessionId`, `useragent`, `mode`...) are ignored, as
LanguageTool ignores fields it does not know; fields it cannot read are a 400 with a message.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl

from .annotated import AnnotationError, Document, parse_annotation, plain_document

# A form with more fields than this is not a check request (the browser extension sends about 15).
MAX_FIELDS = 100

# The language tags this server answers to, and the spelling each asks for ("" = either, or the
# server's own preference for `en` and `auto`).
LANGUAGES = {"en-US": ("English (US)", "american"), "en-GB": ("English (GB)", "british"), "en": ("English", "")}
_CODE_OF_VARIANT = {"american": "en-US", "british": "en-GB", "": "en"}


class FormError(ValueError):
    """A request the server cannot read; the message is the 400 answer's text."""


@dataclass(frozen=True)
class CheckRequest:
    document: Document
    language: str  # the tag answered with: en-US, en-GB or en
    variant: str  # "american", "british" or "" (either)
    detected: bool = False  # `language=auto`: the server chose the language
    mother_tongue: str = ""
    enabled_only: bool = False
    enabled_rules: frozenset[str] = frozenset()
    disabled_rules: frozenset[str] = frozenset()
    enabled_categories: frozenset[str] = frozenset()
    disabled_categories: frozenset[str] = frozenset()
    level: str = "default"


def _ids(value: str) -> frozenset[str]:
    return frozenset(x.strip() for x in value.split(",") if x.strip())


def resolve_language(tag: str, preferred_variants: str = "", default_variant: str = "") -> tuple[str, str, bool]:
    """(code, variant, detected) for a `language` value; FormError for a language this server does not check.

    `auto` takes an English variant named in `preferredVariants`, else the server's own preference;
    so does plain `en` (LanguageTool's own `en` checks no spelling; here the writer's spelling applies).
    """
    clean = tag.strip().replace("_", "-")
    if clean.lower() == "auto":
        wanted = [v for v in (_canonical(x) for x in preferred_variants.split(",")) if v in ("en-US", "en-GB")]
        code = wanted[0] if wanted else _CODE_OF_VARIANT.get(default_variant, "en")
        return code, LANGUAGES[code][1] or default_variant, True
    code = _canonical(clean)
    if code not in LANGUAGES:
        raise FormError(f"'{tag}' is not a language this server checks: it checks English (en, en-US or en-GB), "
                        f"or use 'auto'")
    return code, LANGUAGES[code][1] or default_variant, False


def _canonical(tag: str) -> str:
    parts = tag.strip().replace("_", "-").split("-")
    if len(parts) == 1:
        return parts[0].lower()
    return f"{parts[0].lower()}-{parts[1].upper()}"


def parse_fields(body: bytes | str) -> dict[str, str]:
    """The form's fields (the first value of each), from a urlencoded body or query string."""
    try:
        raw = body.decode("utf-8") if isinstance(body, bytes) else body
        pairs = parse_qsl(raw, keep_blank_values=True, encoding="utf-8", errors="strict", max_num_fields=MAX_FIELDS)
    except UnicodeDecodeError:
        raise FormError("the form data is not valid UTF-8") from None
    except ValueError as exc:
        raise FormError(f"the form data cannot be read ({exc})") from None
    fields: dict[str, str] = {}
    for key, value in pairs:
        fields.setdefault(key, value)
    return fields


def parse_check(fields: dict[str, str], default_variant: str = "") -> CheckRequest:
    """The check a form asks for; FormError says what is missing or wrong."""
    text, data = fields.get("text"), fields.get("data")
    if text is None and data is None:
        raise FormError("Missing 'text' or 'data' parameter")
    if text is not None and data is not None:
        raise FormError("give either 'text' or 'data', not both")
    try:
        document = plain_document(text) if text is not None else parse_annotation(data)
    except AnnotationError as exc:
        raise FormError(str(exc)) from None
    if "language" not in fields:
        raise FormError("Missing 'language' parameter (en-US, en-GB, en or auto)")
    code, variant, detected = resolve_language(fields["language"], fields.get("preferredVariants", ""), default_variant)
    enabled_only = fields.get("enabledOnly", "").strip().lower() == "true"
    enabled_rules, enabled_categories = _ids(fields.get("enabledRules", "")), _ids(fields.get("enabledCategories", ""))
    if enabled_only and not (enabled_rules or enabled_categories):
        raise FormError("enabledOnly needs enabledRules or enabledCategories")
    return CheckRequest(
        document=document,
        language=code,
        variant=variant,
        detected=detected,
        mother_tongue=fields.get("motherTongue", ""),
        enabled_only=enabled_only,
        enabled_rules=enabled_rules,
        disabled_rules=_ids(fields.get("disabledRules", "")),
        enabled_categories=enabled_categories,
        disabled_categories=_ids(fields.get("disabledCategories", "")),
        level=fields.get("level", "default") or "default",
    )
