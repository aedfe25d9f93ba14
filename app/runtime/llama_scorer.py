"""Scoring text continuations with a GGUF model through llama.cpp's low-level API.

Only the positions that are scored ask for logits (the high-level `Llama(logits_all=True)` copies a
262k-entry vocabulary row into Python for every token, which halves throughput on this model), and
the logits are read in place through numpy. The shared prefix of consecutive requests stays in the
KV cache as sequence 0; each candidate continuation gets its own sequence that starts as a copy of
that prefix, and all candidates are decoded in one batch.

Not thread-safe: one thread owns a scorer (see `runtime.worker`).
"""

from __future__ import annotations

import ctypes
import math
import os
from pathlib import Path

import numpy as np

MAX_SEQUENCES = 16  # candidates decoded together; sequence 0 holds the shared prefix


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
    def __init__(self, path: str | Path, n_threads: int | None = None, n_ctx: int = 2048, n_gpu_layers: int = 0):
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
        # Logit buffers are n_ubatch x vocabulary (262k for Gemma): keep the micro-batch small.
        cparams.n_ubatch = 64
        cparams.n_seq_max = MAX_SEQUENCES
        cparams.kv_unified = True  # candidates share the prefix cells instead of splitting n_ctx
        threads = n_threads or max(1, min(8, os.cpu_count() or 1))
        cparams.n_threads = threads
        cparams.n_threads_batch = threads
        cparams.no_perf = True
        self._ctx = L.llama_init_from_model(self._model, cparams)
        if not self._ctx:
            L.llama_model_free(self._model)
            raise ModelLoadError(f"not enough memory to start {self.path.name}")
        self._vocab = L.llama_model_get_vocab(self._model)
        self.n_vocab = L.llama_vocab_n_tokens(self._vocab)
        self._mem = L.llama_get_memory(self._ctx)
        self._batch = L.llama_batch_init(n_ctx, 0, MAX_SEQUENCES)
        self.n_ctx = n_ctx
        self._prefix: list[int] = []  # tokens held in sequence 0
        self._prefix_logp: np.ndarray | None = None  # log-softmax after the last prefix token
        self.tokens_evaluated = 0

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
    def _log_softmax_row(self, i: int) -> np.ndarray:
        ptr = self._L.llama_get_logits_ith(self._ctx, i)
        row = np.ctypeslib.as_array(ptr, shape=(self.n_vocab,))
        m = float(row.max())
        lse = m + math.log(float(np.exp(row - m).sum()))
        return row, lse

    def _fill(self, items) -> None:
        """items: (token, pos, seq, want_logits)."""
        b = self._batch
        for k, (tok, pos, seq, want) in enumerate(items):
            b.token[k] = tok
            b.pos[k] = pos
            b.n_seq_id[k] = 1
            b.seq_id[k][0] = seq
            b.logits[k] = want
        b.n_tokens = len(items)
        rc = self._L.llama_decode(self._ctx, b)
        if rc != 0:
            raise RuntimeError(f"llama_decode failed ({rc})")
        self.tokens_evaluated += len(items)

    def _set_prefix(self, tokens: list[int]) -> None:
        common = 0
        for a, b in zip(self._prefix, tokens):
            if a != b:
                break
            common += 1
        if common == len(tokens) and common == len(self._prefix) and self._prefix_logp is not None:
            return
        # The last prefix token is always decoded again so its logits are the current ones.
        common = min(common, len(tokens) - 1)
        self._L.llama_memory_seq_rm(self._mem, 0, common, -1)
        new = tokens[common:]
        self._fill([(t, common + j, 0, j == len(new) - 1) for j, t in enumerate(new)])
        row, lse = self._log_softmax_row(len(new) - 1)
        self._prefix_logp = row - lse  # a copy, so later decodes cannot change it
        self._prefix = list(tokens)

    def score(self, prefix: str, continuations: list[str]) -> list[float]:
        """Natural-log probability of each continuation after `prefix` (which starts the text)."""
        ptoks = self.tokenize(prefix, bos=True)
        if not ptoks:
            raise ValueError("the model has no BOS token and the prefix is empty")
        self._set_prefix(ptoks)
        out: list[float] = []
        for start in range(0, len(continuations), MAX_SEQUENCES - 1):
            out.extend(self._score_chunk(ptoks, continuations[start : start + MAX_SEQUENCES - 1]))
        return out

    def _score_chunk(self, ptoks: list[int], conts: list[str]) -> list[float]:
        L = self._L
        n = len(ptoks)
        ctoks = [self.tokenize(c) for c in conts]
        items = []
        rows: list[list[int]] = []
        for i, toks in enumerate(ctoks):
            seq = i + 1
            L.llama_memory_seq_rm(self._mem, seq, -1, -1)
            L.llama_memory_seq_cp(self._mem, 0, seq, 0, n)
            idx = []
            for j, t in enumerate(toks[:-1] if toks else []):
                idx.append(len(items))
                items.append((t, n + j, seq, True))
            if toks:
                items.append((toks[-1], n + len(toks) - 1, seq, False))
            rows.append(idx)
        if len(items) + n > self.n_ctx:
            raise ValueError("text too long for the model's context")
        if items:
            self._fill(items)
        scores = []
        for toks, idx in zip(ctoks, rows):
            if not toks:
                scores.append(0.0)
                continue
            lp = float(self._prefix_logp[toks[0]])
            for k, nxt in zip(idx, toks[1:]):
                row, lse = self._log_softmax_row(k)
                lp += float(row[nxt]) - lse
            scores.append(lp)
        for i in range(len(ctoks)):
            L.llama_memory_seq_rm(self._mem, i + 1, -1, -1)
        return scores

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
