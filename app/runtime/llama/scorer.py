"""Scoring text continuations with a GGUF model through llama.cpp's low-level API.

Only the positions that are scored ask for logits (the high-level `Llama(logits_all=True)` copies a
262k-entry vocabulary row into Python for every token, which halves throughput on this model), and
the logits are read in place through numpy. Requests are merged into a prefix tree of tokens and
decoded together (`score_many`), so a sentence's shared beginning is computed once.

Not thread-safe: one thread owns a scorer (see `runtime.worker`).
"""

from __future__ import annotations

import ctypes
import math
import os
from pathlib import Path

import numpy as np

# Limits of one decode. llama.cpp keeps a 262k-float logit row (1 MiB) for each of max(rows asked,
# sequence ids) outputs, so both limits bound memory: 64 costs 64 MiB, 256 would cost 256 MiB.
MAX_SEQUENCES = 64
MAX_ROWS = 64


class ModelLoadError(RuntimeError):
    """The file is missing, truncated, not a GGUF, or too large for memory."""


def check_gguf_header(path: Path) -> None:
    """Fail early, with a message a person can act on, before llama.cpp sees a bad file."""
    path = Path(path)
    if not path.exists():
        raise ModelLoadError(f"model file not found: {path}")
    size = path.stat().st_size
    if size < 1024:
        raise ModelLoadError(f"model file is too small to be a model ({size} bytes): {path}")
    with open(path, "rb") as fh:
        magic = fh.read(4)
    if magic != b"GGUF":
        raise ModelLoadError(f"not a GGUF model file (it starts with {magic!r}): {path}")


_LOG_CALLBACK = None


def quiet_llama_logs() -> None:
    """llama.cpp prints every load detail on stderr; the CLI's stderr is for the writer."""
    global _LOG_CALLBACK
    import llama_cpp as L

    if _LOG_CALLBACK is None:
        _LOG_CALLBACK = L.llama_log_callback(lambda level, text, data: None)
        L.llama_log_set(_LOG_CALLBACK, ctypes.c_void_p(0))


class LlamaScorer:
    def __init__(self, path: str | Path, n_threads: int | None = None, n_ctx: int = 2048, n_gpu_layers: int = 0,
                 model_id: str | None = None):
        """`model_id` names a model whose token list lets the CPU skip the output layer
        (`runtime.output_head`); without one, or on a GPU, llama.cpp's exact output layer is used."""
        import llama_cpp as L

        self._L = L
        self.path = Path(path)
        check_gguf_header(self.path)
        quiet_llama_logs()
        L.llama_backend_init()
        mparams = L.llama_model_default_params()
        mparams.n_gpu_layers = n_gpu_layers
        self._model = L.llama_model_load_from_file(str(self.path).encode(), mparams)
        if not self._model:
            raise ModelLoadError(f"llama.cpp could not load {self.path} (truncated or unsupported file?)")
        cparams = L.llama_context_default_params()
        cparams.n_ctx = n_ctx
        cparams.n_batch = n_ctx
        # Compute buffers grow with the micro-batch times the 262k vocabulary: keep it small.
        cparams.n_ubatch = 64
        cparams.n_seq_max = MAX_SEQUENCES
        # One cache for all sequences: a cell may belong to many (the prefix tree's shared tokens).
        cparams.kv_unified = True
        threads = n_threads or max(1, min(8, os.cpu_count() or 1))
        cparams.n_threads = threads
        cparams.n_threads_batch = threads
        cparams.no_perf = True
        self._vocab = L.llama_model_get_vocab(self._model)
        self.n_vocab = L.llama_vocab_n_tokens(self._vocab)
        self.head = None
        if model_id and n_gpu_layers == 0:
            from .output_head import open_head

            self.head = open_head(self.path, model_id, self.n_vocab)
            if self.head is not None:
                cparams.cb_eval = self.head.callback
                cparams.cb_eval_user_data = None
        self._ctx = L.llama_init_from_model(self._model, cparams)
        if not self._ctx:
            L.llama_model_free(self._model)
            raise ModelLoadError(f"not enough memory to start {self.path.name}")
        self._mem = L.llama_get_memory(self._ctx)
        self._batch = L.llama_batch_init(n_ctx, 0, MAX_SEQUENCES)
        self.n_ctx = n_ctx
        self.tokens_evaluated = 0
        self._lse_cache: dict[int, float] = {}
        self._out_row: dict[int, int] = {}  # batch index -> row of the head's hidden states

    # -- tokens ---------------------------------------------------------------------------
    def tokenize(self, text: str, bos: bool = False) -> list[int]:
        data = text.encode("utf-8")
        cap = len(data) + 8
        buf = (self._L.llama_token * cap)()
        n = self._L.llama_tokenize(self._vocab, data, len(data), buf, cap, bos, False)
        if n < 0:
            cap = -n
            buf = (self._L.llama_token * cap)()
            n = self._L.llama_tokenize(self._vocab, data, len(data), buf, cap, bos, False)
        return list(buf[:n])

    # -- scoring --------------------------------------------------------------------------
    def _lse(self, i: int) -> float:
        """log-sum-exp of the logits of batch row `i` (the softmax normaliser) of the last decode."""
        if self.head is not None:
            return float(self.head.lse[self._out_row[i]])
        if i in self._lse_cache:
            return self._lse_cache[i]
        ptr = self._L.llama_get_logits_ith(self._ctx, i)
        row = np.ctypeslib.as_array(ptr, shape=(self.n_vocab,))
        m = float(row.max())
        self._lse_cache[i] = value = m + math.log(float(np.exp(row - m).sum()))
        return value

    def _logit(self, i: int, token: int) -> float:
        if self.head is not None:
            return self.head.logit(self._out_row[i], token)
        return float(self._L.llama_get_logits_ith(self._ctx, i)[token])

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
        if len(ptoks) + len(ctoks) > (limit or self.n_ctx):
            raise ValueError("text too long for the model's context")

    def _tree(self, seq_base: int = 0, max_nodes: int | None = None) -> "_TokenTree":
        # The batch and the cache hold n_ctx tokens.
        return _TokenTree(max_nodes=max_nodes or self.n_ctx, seq_base=seq_base)

    def _score_whole(self, prefixes, conts, out) -> None:
        tree = self._tree()
        for r, (ptoks, ctoks_list) in enumerate(zip(prefixes, conts)):
            for c, ctoks in enumerate(ctoks_list):
                if not ctoks:
                    continue  # an empty continuation has probability 1
                self._check_length(ptoks, ctoks)
                full = ptoks + ctoks
                if tree.paths and not tree.fits(full, len(ptoks) - 1, len(full) - 1):  # a lone long one still goes
                    self._decode(tree, clear=True)
                    self._collect(tree, out)
                    tree = self._tree()
                tree.add(full, len(ptoks) - 1, len(full) - 1, (r, c))
        if tree.paths:
            self._decode(tree, clear=True)
            self._collect(tree, out)

    def _score_gated(self, prefixes, conts, out, floors: list[float], priors: list) -> None:
        # Stage 1: every distinct prefix, with a logit row at its last token only. The prefixes
        # stay in the cache under stage 2, so each stage gets at most half of it.
        # A prefix that begins a longer one (the slots of one sentence) shares its sequence id:
        # the longest go in first, and the rest only ask for a row inside them.
        half_ctx = self.n_ctx // 2
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
        self._decode(heads, clear=True)
        first: dict[int, list[float]] = {}
        todo = []  # (request, continuation, path of its prefix)
        for idx, (key, nodes, _, _, owners) in enumerate(heads.paths):
            row = nodes[-1]
            lse = self._lse(row)
            for r in owners:
                lps = [self._logit(row, ct[0]) - lse if ct else 0.0 for ct in conts[r]]
                first[r] = lps
                best = max(lps, default=0.0)
                pruned = [c > 0 and bool(ct) and lp < best - floors[r] for c, (ct, lp) in enumerate(zip(conts[r], lps))]
                if priors[r] is not None:
                    bound = [lp + p for lp, p in zip(lps, priors[r])]
                    top = max(bound, default=0.0)
                    pruned = [p and b < top - floors[r] for p, b in zip(pruned, bound)]
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
        room = self.n_ctx - len(heads.nodes)
        tree = self._tree(base, room)
        copied: set[int] = set()

        def flush():
            self._decode(tree, clear=False)
            self._collect(tree, out, first)
            for seq in copied:
                self._L.llama_memory_seq_rm(self._mem, seq, -1, -1)
            copied.clear()

        for r, c, idx in todo:
            ctoks = conts[r][c]
            root = ("prefix", idx)
            if tree.paths and not tree.fits(ctoks, 0, len(ctoks) - 1, root=root):
                flush()
                tree = self._tree(base, room)
            seq = tree.add(ctoks, 0, len(ctoks) - 1, (r, c), root=root, pos0=len(prefixes[r]))
            if seq not in copied:
                # The new sequence sees its prefix's cells (a unified cache shares them, no copy).
                self._L.llama_memory_seq_cp(self._mem, heads.seq_of[idx], seq, 0, len(prefixes[r]))
                copied.add(seq)
        if tree.paths:
            flush()

    def _decode(self, tree: "_TokenTree", clear: bool) -> None:
        L = self._L
        if clear:
            L.llama_memory_seq_rm(self._mem, -1, -1, -1)
        b = self._batch
        wanted = []  # batch indices with a logit row, in the order llama.cpp outputs them
        for k, node in enumerate(tree.nodes):
            b.token[k] = node.token
            b.pos[k] = node.pos
            b.n_seq_id[k] = len(node.seqs)
            for m, seq in enumerate(node.seqs):
                b.seq_id[k][m] = seq
            b.logits[k] = node.want
            if node.want:
                wanted.append(k)
        b.n_tokens = len(tree.nodes)
        if self.head is not None:
            self.head.begin()
        rc = L.llama_decode(self._ctx, b)
        if rc != 0:
            raise RuntimeError(f"llama_decode failed ({rc})")
        self.tokens_evaluated += len(tree.nodes)
        self._lse_cache = {}
        if self.head is not None:
            self._out_row = {k: n for n, k in enumerate(wanted)}
            if not self.head.finish(len(wanted)):
                self.head = None  # from now on llama.cpp's exact output layer

    def _collect(self, tree: "_TokenTree", out: list[list[float]], start: dict | None = None) -> None:
        """Each path's log-probability over its scored rows, plus `start[r][c]` (the first token's,
        when that came from an earlier decode)."""
        for key, nodes, lo, hi, owners in tree.paths:
            lp = 0.0
            for j in range(lo, hi):
                lp += self._logit(nodes[j], key[j + 1]) - self._lse(nodes[j])
            for r, c in owners:
                out[r][c] = lp + (start[r][c] if start is not None else 0.0)

    def close(self) -> None:
        if getattr(self, "_ctx", None):
            self._L.llama_batch_free(self._batch)
            self._L.llama_free(self._ctx)
            self._L.llama_model_free(self._model)
            self._ctx = None

    def __del__(self):  # noqa: D105
        try:
            self.close()
        except Exception:  # noqa: BLE001 - interpreter shutdown
            pass


def _decoded(tokens: list[int], rows_to: int) -> list[int]:
    """The tokens a path must decode: a token after the last scored row is only the target of that
    row's logit (leaving them out decodes 15% fewer tokens on a quarter of the dev half)."""
    return tokens[: max(rows_to, 1)]


class _Node:
    __slots__ = ("token", "pos", "seqs", "want")

    def __init__(self, token: int, pos: int):
        self.token = token
        self.pos = pos
        self.seqs: list[int] = []
        self.want = False


class _TokenTree:
    """Token sequences merged on their common beginnings, as one llama.cpp batch.

    Each distinct sequence gets its own sequence id, and a node carries the ids of every sequence
    through it. A token may attend only to cells sharing one of its ids, which in a prefix tree are
    exactly its ancestors, so every sequence is scored as if decoded alone. A tree may also grow
    from `root`s that stand for sequences already in the cache (their ids are given to the new
    sequences by the caller).
    """

    def __init__(self, max_nodes: int, seq_base: int = 0):
        self.max_nodes = max_nodes
        self.seq_base = seq_base
        self.nodes: list[_Node] = []
        self._child: dict[tuple, int] = {}  # (parent node or root, token) -> node
        self._ids: dict[tuple, int] = {}  # (root, tokens, scored rows) -> index in `paths`
        # (tokens, their nodes, first and end depth of the rows to score, owners)
        self.paths: list[tuple[tuple[int, ...], list[int], int, int, list]] = []
        self.seq_of: list[int] = []  # each path's sequence id
        self.n_seqs = 0  # sequence ids given out
        self.rows = 0

    def _walk(self, tokens: list[int], root) -> tuple[int, int]:
        """(last node already in the tree along `tokens`, how many tokens it covers)."""
        cur, depth = root, 0
        for t in tokens:
            nxt = self._child.get((cur, t))
            if nxt is None:
                break
            cur, depth = nxt, depth + 1
        return cur, depth

    def fits(self, tokens: list[int], rows_from: int, rows_to: int | None = None, root=-1, share: bool = False) -> bool:
        tokens = _decoded(tokens, len(tokens) if rows_to is None else rows_to)
        _, depth = self._walk(tokens, root)
        new_nodes = len(tokens) - depth
        new_rows = max(0, len(tokens) - max(rows_from, depth))  # at most
        new_id = not (share and tokens and depth == len(tokens))
        return ((not new_id or self.seq_base + self.n_seqs < MAX_SEQUENCES)
                and len(self.nodes) + new_nodes <= self.max_nodes and self.rows + new_rows <= MAX_ROWS)

    def add(self, tokens: list[int], rows_from: int, rows_to: int, owner, root=-1, pos0: int = 0,
            share: bool = False) -> int:
        """Add a sequence whose rows at depths [rows_from, rows_to) are scored; returns its id.

        With `share`, tokens that are all in the tree already (the beginning of a longer sequence)
        take the id of a sequence through their last one instead of a new id."""
        # The same tokens scored over other rows (one request's prefix + continuation may spell
        # another's) are another path: their scores differ.
        key = (root, tuple(tokens), rows_from, rows_to)
        if key in self._ids:
            path = self.paths[self._ids[key]]
            path[4].append(owner)
            return self.seq_of[self._ids[key]]
        index = len(self.paths)
        decoded = _decoded(tokens, rows_to)
        last, depth = self._walk(decoded, root)
        if share and decoded and depth == len(decoded):
            seq = self.nodes[last].seqs[0]
        else:
            seq = self.seq_base + self.n_seqs
            self.n_seqs += 1
        self.seq_of.append(seq)
        self._ids[key] = index
        nodes: list[int] = []
        cur = root
        for j, t in enumerate(decoded):
            nxt = self._child.get((cur, t))
            if nxt is None:
                nxt = len(self.nodes)
                self.nodes.append(_Node(t, pos0 + j))
                self._child[(cur, t)] = nxt
            node = self.nodes[nxt]
            if seq not in node.seqs:
                node.seqs.append(seq)
            if rows_from <= j < rows_to and not node.want:
                node.want = True
                self.rows += 1
            nodes.append(nxt)
            cur = nxt
        self.paths.append((tuple(tokens), nodes, rows_from, rows_to, [owner]))
        return seq
