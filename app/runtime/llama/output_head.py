"""Token scores from the model's last hidden state, skipping llama.cpp's output layer (CPU only).

The embedded Gemma 3 270M has a 262,144-token vocabulary: its output layer (640 x 262k) reads
178 MB of weights on every decode and costs a few milliseconds per scored token, while the scorer
needs only two numbers per scored position: the logit of one token and the softmax normaliser.
With this head, llama.cpp's graph stops right after the final norm (an eval callback returns False
once it has copied that tensor). The wanted logits are then computed exactly from the tied
embedding matrix (found through the file's tensor table, dequantized by the `gguf` library), and
the normaliser over the 16,000 tokens that carry nearly all probability in ordinary English (a list
built from training sentences: `dyslexic-writer train head-tokens`), which lowers it by about 0.05
nats on average.

Anything unexpected (another model, another llama.cpp build, a missing library) makes `open_head`
return None, and the scorer keeps llama.cpp's exact output layer.
"""

from __future__ import annotations

import ctypes
import sys
from pathlib import Path

import numpy as np

from ... import package_data

HIDDEN_TENSOR = b"result_norm"  # llama.cpp's name for the final norm's output, before the output layer
_LIB_NAMES = {"win32": "ggml-base.dll", "darwin": "libggml-base.dylib"}


def head_tokens_path(model_id: str) -> Path | None:
    """The token list shipped for this model (`resources/generated/output_head/`), or None."""
    try:
        return package_data.path(f"output_head/{model_id}.npy")
    except FileNotFoundError:
        return None


def _ggml():
    import llama_cpp

    lib = Path(llama_cpp.__file__).parent / "lib" / _LIB_NAMES.get(sys.platform, "libggml-base.so")
    g = ctypes.CDLL(str(lib))
    g.ggml_get_name.restype = ctypes.c_char_p
    g.ggml_get_name.argtypes = [ctypes.c_void_p]
    g.ggml_nbytes.restype = ctypes.c_size_t
    g.ggml_nbytes.argtypes = [ctypes.c_void_p]
    g.ggml_backend_tensor_get.restype = None
    g.ggml_backend_tensor_get.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_size_t]
    return g


class HiddenHead:
    """Collects the hidden rows of each decode and turns them into log-probabilities."""

    def __init__(self, embeddings, qtype, keep: np.ndarray, ggml):
        import gguf

        self._dequantize = lambda rows: gguf.quants.dequantize(rows, qtype).astype(np.float32)
        self._emb = embeddings  # rows of the embedding matrix, still quantized
        self.width = int(self._dequantize(embeddings[:1]).shape[-1])
        self._keep = np.ascontiguousarray(self._dequantize(embeddings[np.sort(keep)]))
        self._rows: dict[int, np.ndarray] = {}
        self._g = ggml
        self._parts: list[np.ndarray] = []
        self.hidden = np.zeros((0, self.width), np.float32)
        self.lse = np.zeros(0, np.float64)
        # Kept referenced: llama.cpp holds only the C pointer.
        self.callback = _callback_type()(self._on_tensor)
        # One BLAS thread for the normaliser's product: idle BLAS workers keep spinning for a while
        # after each product and starve llama.cpp's own threads (on 2 cores a small batch of
        # requests took 30% longer than with llama.cpp's exact output layer, instead of 15% less).
        from threadpoolctl import threadpool_limits

        self._blas_limit = threadpool_limits(limits=1, user_api="blas")

    def _on_tensor(self, tensor, ask, _user) -> bool:
        name = self._g.ggml_get_name(tensor)
        if ask:
            return name == HIDDEN_TENSOR
        if name != HIDDEN_TENSOR:
            return True
        n = self._g.ggml_nbytes(tensor)
        buf = np.empty(n // 4, np.float32)
        self._g.ggml_backend_tensor_get(tensor, buf.ctypes.data, 0, n)
        self._parts.append(buf.reshape(-1, self.width))
        return False  # stop the graph here: the output layer is not computed

    def begin(self) -> None:
        self._parts = []

    def finish(self, rows: int) -> bool:
        """After a decode that asked for `rows` outputs: their hidden states and normalisers. False
        when the graph never reached the hidden tensor (a llama.cpp build that names it otherwise):
        the graph then ran to the end, and llama.cpp's own logits are there to use."""
        if rows and not self._parts:
            return False
        hidden = np.concatenate(self._parts) if self._parts else np.zeros((0, self.width), np.float32)
        self._parts = []
        if hidden.shape[0] != rows:
            raise RuntimeError(f"the output head saw {hidden.shape[0]} rows, expected {rows}")
        self.hidden = hidden
        if rows:
            z = hidden @ self._keep.T
            m = z.max(axis=1, keepdims=True)
            self.lse = (m[:, 0] + np.log(np.exp(z - m).sum(axis=1))).astype(np.float64)
        else:
            self.lse = np.zeros(0, np.float64)
        return True

    def logit(self, row: int, token: int) -> float:
        w = self._rows.get(token)
        if w is None:
            if len(self._rows) > 20_000:
                self._rows.clear()
            w = self._rows[token] = self._dequantize(self._emb[token : token + 1])[0]
        return float(self.hidden[row] @ w)


class _Rows:
    """Rows of a quantized matrix read from the file as needed (a memory map would keep every page
    it touched in the process's memory: 16,000 rows spread over 178 MB touched 140 MB)."""

    def __init__(self, path: Path, offset: int, row_bytes: int):
        self._path, self._offset, self._row_bytes = path, offset, row_bytes

    def __getitem__(self, ids) -> np.ndarray:
        if isinstance(ids, slice):
            ids = range(*ids.indices(ids.stop))
        n = self._row_bytes
        with open(self._path, "rb") as fh:
            chunks = []
            for i in ids:
                fh.seek(self._offset + int(i) * n)
                chunks.append(fh.read(n))
        return np.frombuffer(b"".join(chunks), np.uint8).reshape(-1, n)


def _callback_type():
    import llama_cpp

    return llama_cpp.ggml_backend_sched_eval_callback


def open_head(model_path: Path, model_id: str, n_vocab: int) -> HiddenHead | None:
    """A head for this model on CPU, or None when it cannot be used here."""
    tokens = head_tokens_path(model_id)
    if tokens is None or not tokens.is_file():
        return None
    try:
        import gguf

        from ..gguf_meta import tensor_table

        keep = np.load(tokens)
        table = tensor_table(model_path)
        if "output.weight" in table or "token_embd.weight" not in table:
            return None  # the output layer is not the tied embedding matrix
        info = table["token_embd.weight"]
        width, rows = info.dims
        block, size = gguf.GGML_QUANT_SIZES[gguf.GGMLQuantizationType(info.ggml_type)]
        if rows != n_vocab or width % block or keep.max(initial=0) >= n_vocab:
            return None
        emb = _Rows(model_path, info.offset, width // block * size)
        return HiddenHead(emb, gguf.GGMLQuantizationType(info.ggml_type), keep, _ggml())
    except (ImportError, OSError, AttributeError, ValueError, KeyError, NotImplementedError):
        return None
