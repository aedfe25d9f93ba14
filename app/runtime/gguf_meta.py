"""The few GGUF metadata values the offload rule needs (layers, KV heads, head size), and the tensor
table the CPU output head needs, read from the file's header without loading the model.

The architecture keys come before the tokenizer's long arrays in every writer we know of, so the
reader stops at the first tokenizer key (or once it has everything) instead of walking 262k
vocabulary strings.
"""

from __future__ import annotations

import mmap
import struct
from dataclasses import dataclass
from pathlib import Path

_SCALARS = {0: "<B", 1: "<b", 2: "<H", 3: "<h", 4: "<I", 5: "<i", 6: "<f", 7: "<?", 10: "<Q", 11: "<q", 12: "<d"}
_STRING, _ARRAY = 8, 9


@dataclass(frozen=True)
class ModelShape:
    """What a model needs in memory: its weights and the shape of its KV cache."""

    weights_bytes: int
    layers: int = 0  # 0 when unknown
    kv_heads: int = 0
    head_dim: int = 0

    @property
    def known(self) -> bool:
        return self.layers > 0 and self.kv_heads > 0 and self.head_dim > 0

    def kv_cache_bytes(self, n_ctx: int) -> int:
        """K and V, f16 (2 bytes), for every layer, KV head and position."""
        return 2 * self.layers * self.kv_heads * self.head_dim * n_ctx * 2 if self.known else 0


class _Reader:
    def __init__(self, fh):
        self.fh = fh

    def unpack(self, fmt: str):
        size = struct.calcsize(fmt)
        data = self.fh.read(size)
        if len(data) != size:
            raise ValueError("GGUF header ends early")
        return struct.unpack(fmt, data)[0]

    def string(self) -> str:
        n = self.unpack("<Q")
        if n > 1 << 24:
            raise ValueError("implausible string length in GGUF header")
        return self.fh.read(n).decode("utf-8", "replace")

    def value(self, vtype: int):
        if vtype in _SCALARS:
            return self.unpack(_SCALARS[vtype])
        if vtype == _STRING:
            return self.string()
        if vtype == _ARRAY:
            itype, count = self.unpack("<I"), self.unpack("<Q")
            if itype in _SCALARS and count <= 4096:
                return [self.unpack(_SCALARS[itype]) for _ in range(count)]
            if itype in _SCALARS:  # a long numeric array: skip it
                self.fh.seek(struct.calcsize(_SCALARS[itype]) * count, 1)
                return None
            if itype == _STRING:  # a vocabulary: skip each string without decoding it
                self.fh.seek(_skip_strings(self.fh, count))
                return None
            for _ in range(count):
                self.value(itype)
            return None
        raise ValueError(f"unknown GGUF value type {vtype}")


_LENGTH = struct.Struct("<Q")


def _skip_strings(fh, count: int) -> int:
    """The file position after `count` GGUF strings starting at the current one. Walked over a
    memory map: a Gemma vocabulary is 262k strings, 0.3 s read one by one, 0.03 s this way."""
    pos = fh.tell()
    try:
        view = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except (AttributeError, OSError, ValueError):  # not a plain file
        for _ in range(count):
            n = _LENGTH.unpack(fh.read(8))[0]
            fh.seek(n, 1)
        return fh.tell()
    with view:
        unpack, size = _LENGTH.unpack_from, len(view)
        for _ in range(count):
            if pos + 8 > size:
                raise ValueError("GGUF header ends early")
            pos += 8 + unpack(view, pos)[0]
    return pos


def _header(fh, path: Path) -> tuple[_Reader, int, int]:
    """A reader past the file's header, with the tensor and metadata counts."""
    r = _Reader(fh)
    if fh.read(4) != b"GGUF":
        raise ValueError(f"{path} is not a GGUF file")
    version = r.unpack("<I")
    if version < 2:
        raise ValueError(f"GGUF version {version} is too old")
    return r, r.unpack("<Q"), r.unpack("<Q")


def read_metadata(path: Path, wanted: set[str] | None = None) -> dict:
    """Metadata key -> value; stops early once every key in `wanted` (names may use "{arch}") is found."""
    meta: dict = {}
    with open(path, "rb") as fh:
        r, _tensors, n_kv = _header(fh, path)
        for _ in range(n_kv):
            key = r.string()
            if wanted and key.startswith("tokenizer.") and not any(k.startswith("tokenizer.") for k in wanted):
                break  # the vocabulary arrays follow; what we want is never after them
            meta[key] = r.value(r.unpack("<I"))
            if wanted and "general.architecture" in meta:
                arch = meta["general.architecture"]
                if all(k.replace("{arch}", arch) in meta for k in wanted):
                    break
    return meta


@dataclass(frozen=True)
class TensorInfo:
    dims: tuple[int, ...]  # innermost first, as GGUF stores them
    ggml_type: int
    offset: int  # from the start of the file


def tensor_table(path: Path) -> dict[str, TensorInfo]:
    """Every tensor's shape, type and place in the file (the `gguf` package's reader builds a Python
    object for each of the 262k vocabulary entries of a Gemma model: 700 MB to find one offset)."""
    with open(path, "rb") as fh:
        r, n_tensors, n_kv = _header(fh, path)
        alignment = 32
        for _ in range(n_kv):
            key = r.string()
            value = r.value(r.unpack("<I"))
            if key == "general.alignment":
                alignment = int(value)
        infos = []
        for _ in range(n_tensors):
            name = r.string()
            dims = tuple(r.unpack("<Q") for _ in range(r.unpack("<I")))
            infos.append((name, dims, r.unpack("<I"), r.unpack("<Q")))
        start = -(-fh.tell() // alignment) * alignment
    return {name: TensorInfo(dims, t, start + off) for name, dims, t, off in infos}


_SHAPE_KEYS = {"general.architecture", "{arch}.block_count", "{arch}.attention.head_count_kv",
               "{arch}.attention.head_count", "{arch}.embedding_length", "{arch}.attention.key_length"}


def _as_int(v) -> int:
    if isinstance(v, list):  # per-layer values (some architectures vary the KV heads by layer)
        return int(max(v, default=0))
    return int(v or 0)


def model_shape(path: Path) -> ModelShape:
    """Weights size and KV-cache shape of a GGUF; only the size when the header cannot be read."""
    path = Path(path)
    size = path.stat().st_size
    try:
        meta = read_metadata(path, _SHAPE_KEYS)
    except (OSError, ValueError, struct.error):
        return ModelShape(size)
    arch = meta.get("general.architecture", "")
    get = lambda key: _as_int(meta.get(f"{arch}.{key}"))  # noqa: E731
    heads = get("attention.head_count")
    head_dim = get("attention.key_length") or (get("embedding_length") // heads if heads else 0)
    return ModelShape(size, get("block_count"), get("attention.head_count_kv") or heads, head_dim)
