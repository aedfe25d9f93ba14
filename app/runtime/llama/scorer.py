"""Scoring text continuations: the log-probability a model gives each continuation of a prefix.

Requests are merged into a prefix tree of tokens (`token_tree`) and decoded together
(`TreeScorer.score_many`), so a sentence's shared beginning is computed once; with a floor,
continuations whose first token is already far behind are pruned before the rest is decoded.
The scoring works against `Decoder`, the few calls it needs from a model session; `LlamaScorer`
puts it on a llama.cpp session (`session.LlamaSession`), and tests put it on a fake.

Not thread-safe: one thread owns a scorer (see `runtime.worker`).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Protocol, runtime_checkable

from .session import LlamaSession
from .token_tree import MAX_SEQUENCES, TokenTree


@runtime_checkable
class Decoder(Protocol):
    """A model session whose cache holds token sequences by id (llama.cpp's sequence ids)."""

    n_ctx: int  # tokens the batch and the cache hold

    def tokenize(self, text: str, bos: bool = False) -> list[int]: ...

    def decode(self, tree: TokenTree, clear: bool) -> None:
        """Run the tree's nodes (with `clear`, on an empty cache first), keeping the logit rows of
        the nodes that want one, by batch index, until the next decode."""

    def lse(self, i: int) -> float:
        """The softmax normaliser (log-sum-exp of the logits) of batch row `i`."""

    def logit(self, i: int, token: int) -> float: ...

    def share_prefix(self, source: int, seq: int, length: int) -> None:
        """Let sequence `seq` see the first `length` cells of sequence `source`."""

    def drop_sequence(self, seq: int) -> None: ...


class TreeScorer:
    def __init__(self, decoder: Decoder):
        self.decoder = decoder

    def tokenize(self, text: str, bos: bool = False) -> list[int]:
        return self.decoder.tokenize(text, bos)

    def score(self, prefix: str, continuations: list[str]) -> list[float]:
        """Natural-log probability of each continuation after `prefix` (which starts the text)."""
        return self.score_many([(prefix, continuations)])[0]

    def score_many(self, requests: list[tuple[str, list[str]]],
                   floor: float | list[float] | None = None,
                   prior: list[list[float] | None] | None = None) -> list[list[float]]:
        """`score` for several (prefix, continuations) requests at once.

        All token sequences are merged into one prefix tree and decoded in as few llama.cpp calls
        as the limits allow: a shared token is computed once, and every decode pays at least one
        pass over the 262k-row output matrix, so a few large decodes are much faster than many.

        With `floor`, the prefixes are decoded first, and a continuation whose first token is more
        than `floor` nats less likely than the best first token of its request is not scored
        further: it gets -inf. Later tokens only lower a score, so such a continuation cannot
        come within `floor` of the best one's first token. The first continuation of a request
        (the reference, such as the word as written) is always scored; when all the others are
        pruned (or there are none), by its first token only, since nothing is left to compare.
        `floor` may also be a list with one value per request (math.inf: prune nothing there).
        With `prior` (per request, None or one log-prior per continuation, such as a slip's
        price), a continuation is pruned only where it trails by `floor` both by first token
        alone and by first token plus prior (against the best of that sum): a cheap slip with a
        less likely start is still scored. The scores returned leave the prior out.
        """
        prefixes = [self._prefix_tokens(prefix) for prefix, _ in requests]
        conts = [[self.tokenize(c) for c in cs] for _, cs in requests]
        out = [[0.0] * len(cs) for cs in conts]
        if floor is None:
            self._score_whole(prefixes, conts, out)
        else:
            floors = list(floor) if isinstance(floor, (list, tuple)) else [floor] * len(requests)
            priors = list(prior) if prior is not None else [None] * len(requests)
            self._score_gated(prefixes, conts, out, floors, priors)
        return out

    def _prefix_tokens(self, prefix: str) -> list[int]:
        ptoks = self.tokenize(prefix, bos=True)
        if not ptoks:
            raise ValueError("the model has no BOS token and the prefix is empty")
        return ptoks

    def _check_length(self, ptoks: list[int], ctoks: list[int], limit: int | None = None) -> None:
        if len(ptoks) + len(ctoks) > (limit or self.decoder.n_ctx):
            raise ValueError("text too long for the model's context")

    def _tree(self, seq_base: int = 0, max_nodes: int | None = None) -> TokenTree:
        # The batch and the cache hold n_ctx tokens.
        return TokenTree(max_nodes=max_nodes or self.decoder.n_ctx, seq_base=seq_base)

    def _score_whole(self, prefixes, conts, out) -> None:
        tree = self._tree()
        for r, (ptoks, ctoks_list) in enumerate(zip(prefixes, conts)):
            for c, ctoks in enumerate(ctoks_list):
                if not ctoks:
                    continue  # an empty continuation has probability 1
                self._check_length(ptoks, ctoks)
                full = ptoks + ctoks
                if tree.paths and not tree.fits(full, len(ptoks) - 1, len(full) - 1):  # a lone long one still goes
                    self.decoder.decode(tree, clear=True)
                    self._collect(tree, out)
                    tree = self._tree()
                tree.add(full, len(ptoks) - 1, len(full) - 1, (r, c))
        if tree.paths:
            self.decoder.decode(tree, clear=True)
            self._collect(tree, out)

    def _score_gated(self, prefixes, conts, out, floors: list[float], priors: list) -> None:
        # Stage 1: every distinct prefix, with a logit row at its last token only. The prefixes
        # stay in the cache under stage 2, so each stage gets at most half of it.
        # A prefix that begins a longer one (the slots of one sentence) shares its sequence id:
        # the longest go in first, and the rest only ask for a row inside them.
        dec = self.decoder
        half_ctx = dec.n_ctx // 2
        heads = self._tree(max_nodes=half_ctx)
        order = sorted(range(len(prefixes)), key=lambda r: -len(prefixes[r]))
        for k, r in enumerate(order):
            ptoks = prefixes[r]
            self._check_length(ptoks, [], half_ctx)
            self._check_length([], max(conts[r], key=len, default=[]), half_ctx)
            if not heads.fits(ptoks, len(ptoks) - 1, share=True) or heads.n_seqs >= MAX_SEQUENCES // 2:
                # Too many sentences at once for one decode: score them in two halves. (Stage 2
                # needs sequence ids of its own above the prefixes'.)
                half = len(order) // 2
                for part in (order[:half], order[half:]):
                    self._score_gated([prefixes[i] for i in part], [conts[i] for i in part],
                                      [out[i] for i in part], [floors[i] for i in part],
                                      [priors[i] for i in part])
                return
            heads.add(ptoks, len(ptoks) - 1, len(ptoks), r, share=True)
        dec.decode(heads, clear=True)
        first: dict[int, list[float]] = {}
        todo = []  # (request, continuation, path of its prefix)
        for idx, (key, nodes, _, _, owners) in enumerate(heads.paths):
            row = nodes[-1]
            lse = dec.lse(row)
            for r in owners:
                lps = [dec.logit(row, ct[0]) - lse if ct else 0.0 for ct in conts[r]]
                first[r] = lps
                pruned = _pruned(conts[r], lps, floors[r], priors[r])
                # With every other continuation pruned, nothing is left to compare the first with:
                # its first token is score enough (on the dev half, 36% of all requests).
                alone = all(pruned[1:])
                for c, (ct, lp) in enumerate(zip(conts[r], lps)):
                    if not ct:
                        out[r][c] = 0.0
                    elif pruned[c]:
                        out[r][c] = -math.inf
                    elif len(ct) == 1 or (c == 0 and alone):
                        out[r][c] = lp
                    else:
                        todo.append((r, c, idx))
        # Stage 2: the rest of each surviving continuation, on top of its prefix in the cache.
        base = heads.n_seqs
        room = dec.n_ctx - len(heads.nodes)
        tree = self._tree(base, room)
        copied: set[int] = set()

        def flush():
            dec.decode(tree, clear=False)
            self._collect(tree, out, first)
            for seq in copied:
                dec.drop_sequence(seq)
            copied.clear()

        for r, c, idx in todo:
            ctoks = conts[r][c]
            root = ("prefix", idx)
            if tree.paths and not tree.fits(ctoks, 0, len(ctoks) - 1, root=root):
                flush()
                tree = self._tree(base, room)
            seq = tree.add(ctoks, 0, len(ctoks) - 1, (r, c), root=root, pos0=len(prefixes[r]))
            if seq not in copied:
                # The new sequence sees its prefix's cells.
                dec.share_prefix(heads.seq_of[idx], seq, len(prefixes[r]))
                copied.add(seq)
        if tree.paths:
            flush()

    def _collect(self, tree: TokenTree, out: list[list[float]], start: dict | None = None) -> None:
        """Each path's log-probability over its scored rows, plus `start[r][c]` (the first token's,
        when that came from an earlier decode)."""
        dec = self.decoder
        for key, nodes, lo, hi, owners in tree.paths:
            lp = 0.0
            for j in range(lo, hi):
                lp += dec.logit(nodes[j], key[j + 1]) - dec.lse(nodes[j])
            for r, c in owners:
                out[r][c] = lp + (start[r][c] if start is not None else 0.0)


def _pruned(conts: list[list[int]], lps: list[float], floor: float, prior: list[float] | None) -> list[bool]:
    """Which continuations of one request the floor prunes by their first token's log-probability
    `lps` (and `prior`, see `TreeScorer.score_many`); never the first, nor an empty one."""
    best = max(lps, default=0.0)
    pruned = [c > 0 and bool(ct) and lp < best - floor for c, (ct, lp) in enumerate(zip(conts, lps))]
    if prior is not None:
        bound = [lp + p for lp, p in zip(lps, prior)]
        top = max(bound, default=0.0)
        pruned = [p and b < top - floor for p, b in zip(pruned, bound)]
    return pruned


class LlamaScorer(TreeScorer):
    """A `TreeScorer` on a GGUF model loaded through llama.cpp (arguments as `LlamaSession`)."""

    def __init__(self, path: str | Path, n_threads: int | None = None, n_ctx: int = 2048, n_gpu_layers: int = 0,
                 model_id: str | None = None):
        super().__init__(LlamaSession(path, n_threads=n_threads, n_ctx=n_ctx, n_gpu_layers=n_gpu_layers,
                                      model_id=model_id))

    @property
    def path(self) -> Path:
        return self.decoder.path

    @property
    def n_vocab(self) -> int:
        return self.decoder.n_vocab

    @property
    def head(self):
        """The CPU output head (`output_head`), or None where llama.cpp's exact output layer is used."""
        return self.decoder.head

    @property
    def tokens_evaluated(self) -> int:
        return self.decoder.tokens_evaluated

    def close(self) -> None:
        self.decoder.close()
