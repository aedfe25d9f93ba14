"""Two written words that may be one: exactly ("some times" -> sometimes), a slip away ("be for"
-> before, "all ways" -> always), or with a non-word as one half ("a nother" -> another, whose slot
grows over the neighbour and weighs the joined word against its own corrections)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rapidfuzz.distance import OSA

from ...candidates.search import SEEN_COST, rank_corrections, seen_forms
from ...candidates.error_model import edit_cost
from ...text import is_sentence_start, overlaps
from ...types import Kind
from ..slot import Slot
from ..source import Source
from .own_slips import personal_options
from .splits import explain_spacing

if TYPE_CHECKING:
    from ..engine import ContextEngine


def join_slots(eng: ContextEngine, text: str, s: int, toks, slots: list[Slot], taken, protected, fix: bool) -> None:
    for a, b in zip(toks, toks[1:]):
        slot = join_slot(eng, text, s + a.start, s + a.end, s + b.start, s + b.end, taken, protected, fix)
        if slot is not None:
            slots.append(slot)
            taken.append((slot.start, slot.end))


def join_slot(eng: ContextEngine, text: str, a0: int, a1: int, b0: int, b1: int, taken, protected,
              fix: bool = False) -> Slot | None:
    """Two words that may be one ("some times" -> "sometimes", "a nother" -> "another"); with
    `fix`, one that is a slip away from what they make ("be for" -> "before")."""
    if text[a1:b0] != " " or overlaps(taken, a0, b1) or overlaps(protected, a0, b1):
        return None
    first, second = text[a0:a1], text[b0:b1]
    if not second.islower() or (first[0].isupper() and not is_sentence_start(text, a0)):
        return None
    if len(second) < 2:
        return None  # a letter on its own is an initial or short for a word ("4 a m"), not half of one
    joined = (first + second).lower()
    lex, tuning = eng.lexicon, eng.tuning
    fixed = None
    if fix:
        if lex.is_common(joined):
            return None
        fixed = fixed_join(eng, first, second)
        if fixed is None:
            return None
        joined = fixed[0]
    if (not lex.is_common(joined) or lex.zipf(joined) < tuning.join_min_zipf or joined in lex.contraction_bare_forms
            or lex.form(joined)[:1].isupper()):
        return None
    if not fixed and open_compound(eng, first.lower(), second.lower(), joined):
        return None
    if first.lower() in eng.fast.personal or second in eng.fast.personal:
        return None
    if lex.zipf(joined) < tuning.join_personal_zipf and (
            personal_options(eng, first.lower()) or personal_options(eng, second)):
        return None  # the writer's own slip with one of the words ("here in" is "her in", not "herein")
    # the join itself is free, as for an exact join; the slip inside it is not
    channel = dict([fixed]) if fixed else {}
    return Slot(a0, b1, text[a0:b1], [joined], JOIN.name, option_sources={joined: JOIN.name}, channel=channel)


def open_compound(eng: ContextEngine, first: str, second: str, joined: str) -> bool:
    """Two words of substance that edited text writes apart about as often as together ("motor
    bike", "girl friend"): an accepted spelling, not a split. Pairs with a very common word ("a
    way", "some times") are left to the sentence."""
    lex, tuning = eng.lexicon, eng.tuning
    return (max(lex.zipf(first), lex.zipf(second)) < tuning.compound_max_zipf
            and lex.bigram_zipf(first, second) >= lex.zipf(joined) - tuning.compound_gap)


def with_join(eng: ContextEngine, text: str, s: int, toks, slot: Slot, taken, protected, fixed: bool = False) -> Slot:
    """A non-word that may be half of a word split in two ("a nother", "polce men"): its slot grows
    over the neighbour and gains the joined word, which the sentence weighs against the non-word's
    own corrections (the neighbour stays as written in those). With `fixed`, a word's slot does the
    same for a join a slip away ("all ways": "all weighs" or "always")."""
    at = next((i for i, t in enumerate(toks) if s + t.start == slot.start and s + t.end == slot.end), None)
    if at is None:
        return slot
    for j, left in ((at - 1, True), (at + 1, False)):
        if not 0 <= j < len(toks):
            continue
        n0, n1 = s + toks[j].start, s + toks[j].end
        a0, a1, b0, b1 = (n0, n1, slot.start, slot.end) if left else (slot.start, slot.end, n0, n1)
        other = text[n0:n1]
        if (text[a1:b0] != " " or not other.isalpha() or other[1:] != other[1:].lower()
                or (other[0].isupper() and not is_sentence_start(text, n0))
                or overlaps(taken, n0, n1) or overlaps(protected, n0, n1)):
            continue
        channel: dict[str, float] = {}
        if fixed:
            one = fixed_join(eng, text[a0:a1], text[b0:b1])
            channel = dict([one]) if one else {}
            found = list(channel)
        else:
            found = join_corrections(eng, (text[a0:a1] + text[b0:b1]).lower())
            # what weak spellers meant by these very two words ("a nougth": enough)
            for meant, _n in seen_forms(eng.lexicon, f"{text[a0:a1]} {text[b0:b1]}".lower()):
                if meant not in found:
                    found.append(meant)
                channel[meant] = SEEN_COST
        if not found:
            continue
        options = {(f"{other.lower()} {o}" if left else f"{o} {other.lower()}"):
                   slot.option_sources.get(o, slot.source) for o in slot.options if o not in found}
        for c in found:
            options.setdefault(c, JOIN.name)
        learned = {(f"{other.lower()} {o}" if left else f"{o} {other.lower()}"): price
                   for o, price in slot.learned.items() if o not in found}
        return Slot(a0, b1, text[a0:b1], list(options), slot.source, keep_original=slot.keep_original,
                    option_sources=options, fallback=slot.fallback, neighbour=other, neighbour_first=left,
                    channel=channel, learned=learned)
    return slot


def fixed_join(eng: ContextEngine, first: str, second: str) -> tuple[str, float] | None:
    """The common word one cheap slip from two written words run together ("be for" -> "before",
    "all ways" -> "always", "my shelf" -> "myself"), and that slip's cost. It must start as the
    first word does and lose no written word ("he is" is not "his", "for a" not "form"). Only the
    close index is searched: it is asked for nearly every pair of words."""
    lex, tuning = eng.lexicon, eng.tuning
    if min(len(first), len(second)) < 2:
        return None  # a slip in "a" or "I" would be the whole word
    joined, head = (first + second).lower(), first.lower()
    head = head if len(head) <= 2 else head[:-1]
    best, best_cost = None, tuning.join_fix_cost
    for w in sorted(lex.near(joined)):  # equal slips: the same one every run, whatever the hash seed
        if (not w.startswith(head) or OSA.distance(joined, w, score_cutoff=1) > 1
                or (len(w) < len(joined) and not keeps_both(joined, w, len(first)))
                or not lex.is_common(w) or lex.zipf(w) < tuning.join_fixed_zipf
                or (w == joined and open_compound(eng, first.lower(), second.lower(), w))):
            continue
        cost = edit_cost(joined, w).value
        if cost < best_cost or (cost == best_cost and best is None):
            best, best_cost = w, cost
    # and it must be written more often than the two words as they stand ("we are" is no slip)
    if best is None or lex.zipf(best) <= lex.bigram_zipf(first.lower(), second.lower()):
        return None
    return best, best_cost


def keeps_both(joined: str, shorter: str, cut: int) -> bool:
    """True when `shorter` is `joined` (two words run together, the first `cut` letters long) less
    one letter of a double ("allways") or of a word that keeps two letters or more ("myshelf"),
    not the letter that made "he" of "he is" or "is" of "names is"."""
    for i in range(len(joined)):
        if joined[:i] + joined[i + 1:] != shorter:
            continue
        double = (i > 0 and joined[i - 1] == joined[i]) or (i + 1 < len(joined) and joined[i + 1] == joined[i])
        if double or (cut if i < cut else len(joined) - cut) >= 3:
            return True
    return False


def join_corrections(eng: ContextEngine, joined: str) -> list[str]:
    """Common words a run-together pair of written words may stand for: itself, or a close
    correction that keeps its first letter and nearly all of its length (so no word is lost). Only
    the close search: a slip this small is found there, and the wide one is slow."""
    lex, tuning = eng.lexicon, eng.tuning
    if lex.is_common(joined) and lex.zipf(joined) >= tuning.join_min_zipf:
        return [joined]
    out = []
    for c in rank_corrections(lex, joined, 3, wide=False):
        w = c.text.lower()
        if (" " not in w and c.cost <= tuning.join_fix_cost and w[0] == joined[0] and len(w) >= len(joined) - 1
                and lex.is_common(w) and lex.zipf(w) >= tuning.join_min_zipf):
            out.append(w)
    return out


JOIN = Source("join", Kind.SPACING, explain=explain_spacing, spacing=True)
