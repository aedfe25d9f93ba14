"""Splitting text into words, finding sentence starts and the spans that must never be touched."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Letters with inner apostrophes (straight or curly); digits and underscores end a word so that
# "mp3" or "snake_case" never become words of their own (they are protected below).
WORD_RE = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")

# Extensions and top-level domains that make "name.ext" a file name or a host, not two words.
_SUFFIXES = (
    "com|org|net|edu|gov|mil|int|io|co|uk|us|ca|au|de|fr|nl|eu|info|biz|me|ai|dev|app|tv|ly|gg|xyz|"
    "txt|md|rst|pdf|doc|docx|odt|rtf|xls|xlsx|ods|ppt|pptx|csv|tsv|json|yaml|yml|toml|xml|html|htm|"
    "css|js|ts|jsx|tsx|py|pyc|ipynb|rb|rs|go|java|kt|c|h|cpp|hpp|cs|php|pl|sh|bat|ps1|exe|dll|so|"
    "zip|tar|gz|bz2|xz|7z|rar|iso|dmg|apk|png|jpg|jpeg|gif|bmp|svg|webp|tiff|ico|mp3|mp4|wav|flac|"
    "ogg|mov|avi|mkv|webm|ini|cfg|conf|log|bak|tmp|db|sqlite|gguf|bin|pt|onnx|lock|env"
)

_PROTECTED_PATTERNS = [
    r"`[^`\n]*`",  # inline code
    r"(?:https?|ftp|file)://[^\s<>\"']+",  # URLs with a scheme
    r"\bwww\.[^\s<>\"']+",
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",  # e-mail addresses
    r"(?<![\w@])[@#][A-Za-z_]\w*",  # handles and hashtags
    rf"\b[\w-]+(?:\.[\w-]+)*\.(?:{_SUFFIXES})\b",  # hosts and file names
    r"(?:~|\.{1,2})?(?:/[\w.@~+-]+){2,}/?",  # unix paths
    r"\b[A-Za-z]:\\[^\s]+",  # windows paths
    r"(?<![\w-])--?[A-Za-z][\w-]*",  # command-line flags
    r"[$£€¥]?\w*\d[\w,.:/%-]*",  # numbers, times, money, versions, words with digits
    r"\b\w+_\w+\b",  # snake_case
    r"\b[a-z]+[A-Z]\w*",  # camelCase, iPhone, macOS, eBay
    r"\b[A-Z][a-z]+[A-Z]\w*",  # PyCharm, YouTube, PhD
    r"\b[A-Z]{2,}s?\b",  # acronyms: CEO, CFOs, API
    r"\b\w+(?:\.\w+)+\(\)?",  # dotted calls: os.path.join()
]
PROTECTED_RE = re.compile("|".join(f"(?:{p})" for p in _PROTECTED_PATTERNS))

_TRAILING_PUNCT = ".,;:!?)]}'\"\u2019\u201d"

# A sentence ends at . ! or ? before a space or the end (so "example.com" and "3.30" stay whole).
SENTENCE_RE = re.compile(r"[^\n]*?(?:[.!?]+(?=\s|$)|\n|$)")

# A sentence starts at the text's start, after . ! ? or a line break, possibly behind quotes or brackets.
_SENTENCE_BREAK_RE = re.compile(r"(?:^|[.!?\n]|\n\s*[-*\u2022]\s)[\s\"'\u201c\u2018(\[]*$")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str


def words(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text)]


def is_sentence_start(text: str, pos: int) -> bool:
    """True when the word at `pos` begins a sentence (so its capital says nothing about a name)."""
    before = text[max(0, pos - 12) : pos]
    if pos <= 12 and not before.strip(" \t\"'\u201c\u2018([\r"):
        return True
    return bool(_SENTENCE_BREAK_RE.search(before))


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Spans of URLs, e-mails, numbers, code, acronyms and the like, merged and sorted."""
    spans: list[tuple[int, int]] = []
    for m in PROTECTED_RE.finditer(text):
        start, end = m.span()
        # "example.com." ends a sentence: the last full stop is punctuation, not part of the URL.
        while end > start + 1 and text[end - 1] in _TRAILING_PUNCT:
            if text[end - 1] == ")" and text.count("(", start, end) >= text.count(")", start, end):
                break  # "join()" keeps its own bracket
            end -= 1
        if end > start:
            spans.append((start, end))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def match_case(original: str, replacement: str) -> str:
    """Carry the writer's capitals over: Title stays Title, ALL CAPS stays caps."""
    if not original or not replacement:
        return replacement
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if original[0].isupper() and replacement[0].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement


_TITLE_RE = re.compile(r"[A-Z][a-z]+")
_WORD_BEFORE_RE = re.compile(r"(?<![\w'])([A-Za-z]+) $")
_WORD_AFTER_RE = re.compile(r" ([A-Za-z]+)(?![\w'])")


def beside_name(text: str, start: int, end: int) -> bool:
    """Whether the word at start:end has a capitalised word mid-sentence right beside it ("Edd
    Byrnes", "Jack Robbinson"): part of a full name, so a name too, whatever the dictionary says."""
    before = _WORD_BEFORE_RE.search(text, max(0, start - 40), start)
    if before is not None and _TITLE_RE.fullmatch(before.group(1)) and not is_sentence_start(text, before.start(1)):
        return True
    after = _WORD_AFTER_RE.match(text, end)
    return after is not None and _TITLE_RE.fullmatch(after.group(1)) is not None
