"""LanguageTool-shaped rules for each kind of suggestion, so clients that filter, disable or colour
matches by rule id, category or issue type treat ours the way they treat LanguageTool's.

Spelling kinds use the speller's id (LTeX, for one, offers "Add to dictionary" only for it);
contractions and word boundaries take the ids of LanguageTool's own rules for the same slips.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..engine.types import Kind


@dataclass(frozen=True)
class Rule:
    id: str
    description: str
    issue_type: str  # LanguageTool's `issueType`: misspelling, grammar...
    category_id: str
    category_name: str
    type_name: str  # the match's `type.typeName`: UnknownWord for the speller, else Other
    short_message: str
    message: str  # the message when the suggestion has no explanation of its own


SPELLER = {"british": "MORFOLOGIK_RULE_EN_GB", "american": "MORFOLOGIK_RULE_EN_US", "": "MORFOLOGIK_RULE_EN_US"}
_TYPOS = ("TYPOS", "Possible Typo")


def rule_for(kind: str, variant: str = "") -> Rule:
    """The rule a suggestion of `kind` is reported under (`variant` picks the speller's id)."""
    speller = SPELLER.get(variant, SPELLER[""])
    if kind == Kind.UNKNOWN:
        return Rule(speller, "Word not in the dictionary", "misspelling", *_TYPOS, "UnknownWord", "Unknown word",
                    "This word is not in the dictionary.")
    if kind in (Kind.SPELLING, Kind.PHONETIC, Kind.REVERSAL):
        return Rule(speller, "Possible spelling mistake", "misspelling", *_TYPOS, "UnknownWord", "Spelling mistake",
                    "Possible spelling mistake found.")
    if kind == Kind.HOMOPHONE:
        return Rule("EN_HOMOPHONES", "Words that sound alike", "grammar", "CONFUSED_WORDS",
                    "Commonly Confused Words", "Other", "Sound-alike word",
                    "This word sounds like the one the sentence seems to need.")
    if kind == Kind.CONTRACTION:
        return Rule("EN_CONTRACTION_SPELLING", "Missing apostrophe", "misspelling", *_TYPOS, "Other",
                    "Apostrophe", "This looks like a word with a missing apostrophe.")
    if kind == Kind.SPACING:
        return Rule("EN_COMPOUNDS", "Words joined or split", "misspelling", "COMPOUNDING", "Compounding", "Other",
                    "Word boundary", "These words may be joined or split in the wrong place.")
    return Rule("EN_GRAMMAR_FORMS", "Word form or agreement", "grammar", "GRAMMAR", "Grammar", "Other",
                "Grammar", "The words around this one seem to call for another form.")
