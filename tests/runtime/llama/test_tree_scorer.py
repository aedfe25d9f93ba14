"""The scoring and pruning logic of `TreeScorer`, on a fake decoder (no llama.cpp, no model).

The fake stands in for llama.cpp's unified cache: it keeps each sequence id's cells (position,
token), which stay until they are removed, and a wanted row's context is every cell its sequences
hold up to its position, as llama.cpp's mask lets it see. Its "model" gives each next token a
fixed pseudo-random logit for the whole context, so a score is right only when the scorer fed the
right tokens, and each result can be checked against decoding every continuation alone.
"""

import math
import random

import pytest

from dyslexic_writer.runtime.llama import MAX_ROWS, MAX_SEQUENCES, Decoder, TokenTree, TreeScorer

VOCAB = 40
BOS = 1


def log_probs(context: tuple[int, ...]) -> list[float]:
    """The fake model's natural-log probability of each next token after `context`."""
    rng = random.Random(hash(context))  # ints and tuples of ints hash the same in every run
    logits = [rng.gauss(0.0, 2.0) for _ in range(VOCAB)]
    m = max(logits)
    lse = m + math.log(sum(math.exp(x - m) for x in logits))
    return [x - lse for x in logits]


class FakeDecoder:
    def __init__(self, n_ctx: int = 512):
        self.n_ctx = n_ctx
        self.cells: dict[int, list[tuple[int, int]]] = {}  # sequence id -> its cells (position, token)
        self.rows: dict[int, tuple[int, ...]] = {}  # batch index -> the context its row saw
        self.decodes = 0
        self.tokens_decoded = 0

    def tokenize(self, text: str, bos: bool = False) -> list[int]:
        return ([BOS] if bos else []) + [2 + ord(ch) % (VOCAB - 2) for ch in text]

    def decode(self, tree: TokenTree, clear: bool) -> None:
        assert len(tree.nodes) <= self.n_ctx and tree.rows <= MAX_ROWS
        if clear:
            self.cells = {}
        for node in tree.nodes:
            assert all(0 <= s < MAX_SEQUENCES for s in node.seqs)
            for s in node.seqs:
                self.cells.setdefault(s, []).append((node.pos, node.token))
        self.rows = {}
        for k, node in enumerate(tree.nodes):
            if node.want:
                views = [tuple(t for p, t in sorted(self.cells[s]) if p <= node.pos) for s in node.seqs]
                # every sequence through a node sees the same whole beginning, as if decoded alone,
                # and nothing left over from another (one cell per position)
                assert len(set(views)) == 1 and len(views[0]) == node.pos + 1
                self.rows[k] = views[0]
        self.decodes += 1
        self.tokens_decoded += len(tree.nodes)

    def lse(self, i: int) -> float:
        self.rows[i]  # only a row the tree asked for may be read
        return 0.0  # `log_probs` is normalised already

    def logit(self, i: int, token: int) -> float:
        return log_probs(self.rows[i])[token]

    def share_prefix(self, source: int, seq: int, length: int) -> None:
        self.cells.setdefault(seq, []).extend(c for c in self.cells[source] if c[0] < length)

    def drop_sequence(self, seq: int) -> None:
        self.cells.pop(seq, None)


def alone(fake: FakeDecoder, prefix: str, continuation: str, first_only: bool = False) -> float:
    """The score of one continuation decoded by itself, token by token."""
    context = tuple(fake.tokenize(prefix, bos=True))
    total = 0.0
    for t in fake.tokenize(continuation)[: 1 if first_only else None]:
        total += log_probs(context)[t]
        context += (t,)
    return total


REQUESTS = [
    ("the cat", [" sat on", " sat in", " ran", ""]),
    ("the cat sat", [" on the mat", " in the hat"]),
    ("a dog", [" barked", " bit", " b"]),
]


def test_the_fake_is_a_decoder():
    assert isinstance(FakeDecoder(), Decoder)
    scorer = TreeScorer(FakeDecoder())
    assert scorer.tokenize("ab") == [2 + ord("a") % (VOCAB - 2), 2 + ord("b") % (VOCAB - 2)]


def test_scores_match_decoding_each_continuation_alone():
    fake = FakeDecoder()
    got = TreeScorer(fake).score_many(REQUESTS)
    for (prefix, conts), row in zip(REQUESTS, got):
        assert row == pytest.approx([alone(fake, prefix, c) for c in conts], abs=1e-9)
    assert fake.decodes == 1
    assert got[0][3] == 0.0  # an empty continuation is certain


def test_a_shared_beginning_is_decoded_once():
    fake = FakeDecoder()
    TreeScorer(fake).score("the same long beginning", [" and one end", " and another"])
    separate = sum(len(fake.tokenize("the same long beginning", bos=True)) + len(fake.tokenize(c)) - 1
                   for c in (" and one end", " and another"))
    assert fake.tokens_decoded < separate - 20


def test_more_rows_than_one_decode_holds():
    fake = FakeDecoder(n_ctx=128)
    conts = [f" word{k} and more" for k in range(30)]
    got = TreeScorer(fake).score("counting", conts)
    assert fake.decodes > 1
    assert got == pytest.approx([alone(fake, "counting", c) for c in conts], abs=1e-9)


def test_gated_scoring_that_prunes_nothing_matches_whole_scoring():
    fake = FakeDecoder()
    got = TreeScorer(fake).score_many(REQUESTS, floor=math.inf)
    for (prefix, conts), row in zip(REQUESTS, got):
        assert row == pytest.approx([alone(fake, prefix, c) for c in conts], abs=1e-9)
    # the prefixes first, then the continuations' remaining tokens on top of them
    assert fake.decodes == 2


def first_token_gaps(fake, prefix, conts):
    lps = [alone(fake, prefix, c, first_only=True) for c in conts]
    return [max(lps) - lp for lp in lps]


def test_floor_prunes_starts_far_behind_but_never_the_first():
    fake = FakeDecoder()
    prefix = "we went to "  # each continuation starts with another token
    conts = ["xq pond", "the park", "a shop", "zz top", "my house"]
    gaps = first_token_gaps(fake, prefix, conts)
    floor = sorted(gaps)[len(gaps) // 2] - 1e-6  # about half of them trail by more
    (got,) = TreeScorer(fake).score_many([(prefix, conts)], floor=floor)
    for c, (cont, gap) in enumerate(zip(conts, gaps)):
        if c > 0 and gap > floor:
            assert got[c] == -math.inf, cont
        else:
            assert got[c] == pytest.approx(alone(fake, prefix, cont), abs=1e-9), cont
    assert -math.inf in got[1:] and got[0] > -math.inf


def test_a_first_continuation_left_alone_is_scored_by_its_first_token():
    fake = FakeDecoder()
    prefix, conts = "we went to ", ["the park", "xq pond"]
    gap = first_token_gaps(fake, prefix, conts)[1]
    if gap == 0:  # the second leads: swap, so the first is the likelier start
        conts.reverse()
        gap = first_token_gaps(fake, prefix, conts)[1]
    (got,) = TreeScorer(fake).score_many([(prefix, conts)], floor=gap / 2)
    assert got[1] == -math.inf
    assert got[0] == pytest.approx(alone(fake, prefix, conts[0], first_only=True), abs=1e-9)
    # with no other continuation there is nothing to compare with either
    ((only,),) = TreeScorer(fake).score_many([(prefix, conts[:1])], floor=gap / 2)
    assert only == got[0]


def test_a_prior_keeps_a_cheap_slip_with_a_less_likely_start():
    fake = FakeDecoder()
    prefix, conts = "we went to ", ["the park", "xq pond"]
    gaps = first_token_gaps(fake, prefix, conts)
    if gaps[1] == 0:
        conts.reverse()
        gaps = first_token_gaps(fake, prefix, conts)
    floor = gaps[1] / 2
    scorer = TreeScorer(fake)
    ((_, pruned),) = scorer.score_many([(prefix, conts)], floor=floor, prior=[[0.0, 0.0]])
    assert pruned == -math.inf
    # The first is a dear slip: by first token plus prior the second leads, so it is scored in
    # full, and its score leaves the prior out.
    ((_, kept),) = scorer.score_many([(prefix, conts)], floor=floor, prior=[[-10 * gaps[1], 0.0]])
    assert kept == pytest.approx(alone(fake, prefix, conts[1]), abs=1e-9)
    # A request with no prior among ones with priors is pruned by its first token alone.
    (_, (_, plain)) = scorer.score_many([(prefix, conts), (prefix, conts)], floor=floor,
                                        prior=[[-10 * gaps[1], 0.0], None])
    assert plain == -math.inf


def test_a_floor_per_request():
    fake = FakeDecoder()
    prefix, conts = "we went to ", ["the park", "xq pond"]
    gaps = first_token_gaps(fake, prefix, conts)
    if gaps[1] == 0:
        conts.reverse()
        gaps = first_token_gaps(fake, prefix, conts)
    gated, open_ = TreeScorer(fake).score_many([(prefix, conts)] * 2, floor=[gaps[1] / 2, math.inf])
    assert gated[1] == -math.inf
    assert open_[1] == pytest.approx(alone(fake, prefix, conts[1]), abs=1e-9)


def test_more_gated_requests_than_sequence_ids():
    # Each prefix takes a sequence id in the first stage and the continuations need ids above
    # them: too many requests are scored in halves, with the same results.
    fake = FakeDecoder(n_ctx=2048)
    words = "we went to the park and then we had tea at home".split()
    # short, distinct beginnings: no prefix shares another's sequence id, and all fit one decode
    requests = [(f"{k} {words[k % 10]}", [" " + words[k % 10 + 1] + " and", " xylophone and", " then we"])
                for k in range(MAX_SEQUENCES)]
    got = TreeScorer(fake).score_many(requests, floor=[math.inf] * len(requests))
    assert fake.decodes > 2
    for (prefix, conts), row in zip(requests, got):
        assert row == pytest.approx([alone(fake, prefix, c) for c in conts], abs=1e-9)


def test_text_longer_than_the_context_is_refused():
    scorer = TreeScorer(FakeDecoder(n_ctx=64))
    with pytest.raises(ValueError, match="too long"):
        scorer.score("x" * 70, [" y"])
    with pytest.raises(ValueError, match="too long"):
        scorer.score_many([("x" * 40, [" y"])], floor=5.0)  # gated: a prefix gets half the context
    with pytest.raises(ValueError, match="no BOS"):
        TreeScorer(type("NoBos", (FakeDecoder,), {"tokenize": lambda self, text, bos=False: []})()).score("", ["a"])
