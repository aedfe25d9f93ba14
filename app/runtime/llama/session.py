"""A GGUF model loaded through llama.cpp's low-level API: tokenizing, decoding a token tree, and
reading the logits of the rows it asked for.

Only the positions that are scored ask for logits (the high-level `Llama(logits_all=True)` copies a
262k-entry vocabulary row into Python for every token, which halves throughput on this model), and
the logits are read in place through numpy.

Not thread-safe: one thread owns a session (see `runtime.worker`).
"""

from __future__ import annotations

import ctypes
import math
import os
from pathlib import Path

import numpy as np

from .token_tree import MAX_SEQUENCES, TokenTree


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


class LlamaSession:
    """A loaded model with one context whose cache all sequences share (the `Decoder` that
    `scorer.TreeScorer` scores with)."""

    def __init__(self, path: str | Path, n_threads: int | None = None, n_ctx: int = 2048, n_gpu_layers: int = 0,
                 model_id: str | None = None):
        """`model_id` names a model whose token list lets the CPU skip the output layer
        (`output_head`); without one, or on a GPU, llama.cpp's exact output layer is used."""
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

    def decode(self, tree: TokenTree, clear: bool) -> None:
        """Run the tree's nodes through the model; with `clear`, on an empty cache first."""
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

    def logits(self, i: int) -> np.ndarray:
        """llama.cpp's logit row for batch index `i` of the last decode, read in place (valid until
        the next decode; not with the output head, which skips the output layer)."""
        ptr = self._L.llama_get_logits_ith(self._ctx, i)
        return np.ctypeslib.as_array(ptr, shape=(self.n_vocab,))

    def lse(self, i: int) -> float:
        """log-sum-exp of the logits of batch row `i` (the softmax normaliser) of the last decode."""
        if self.head is not None:
            return float(self.head.lse[self._out_row[i]])
        if i in self._lse_cache:
            return self._lse_cache[i]
        row = self.logits(i)
        m = float(row.max())
        self._lse_cache[i] = value = m + math.log(float(np.exp(row - m).sum()))
        return value

    def logit(self, i: int, token: int) -> float:
        if self.head is not None:
            return self.head.logit(self._out_row[i], token)
        return float(self._L.llama_get_logits_ith(self._ctx, i)[token])

    def share_prefix(self, source: int, seq: int, length: int) -> None:
        """Let sequence `seq` see the first `length` cells of `source` (a unified cache shares
        them, no copy)."""
        self._L.llama_memory_seq_cp(self._mem, source, seq, 0, length)

    def drop_sequence(self, seq: int) -> None:
        self._L.llama_memory_seq_rm(self._mem, seq, -1, -1)

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
