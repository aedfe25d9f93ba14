import struct

from dyslexic_writer.runtime.gguf_meta import ModelShape, model_shape, read_metadata


def _s(text: str) -> bytes:
    raw = text.encode()
    return struct.pack("<Q", len(raw)) + raw


def write_gguf(path, kvs):
    """A GGUF header with the given (key, type, value) triples and no tensors."""
    out = b"GGUF" + struct.pack("<IQQ", 3, 0, len(kvs))
    for key, vtype, value in kvs:
        out += _s(key) + struct.pack("<I", vtype)
        if vtype == 8:
            out += _s(value)
        elif vtype == 4:
            out += struct.pack("<I", value)
        elif vtype == 9:  # array of u32 or of strings
            itype, items = value
            out += struct.pack("<IQ", itype, len(items))
            out += b"".join(_s(i) if itype == 8 else struct.pack("<I", i) for i in items)
    path.write_bytes(out + b"\0" * 4096)
    return path


def test_shape_from_a_qwen_like_header(tmp_path):
    p = write_gguf(tmp_path / "m.gguf", [
        ("general.architecture", 8, "qwen3"), ("qwen3.block_count", 4, 36), ("qwen3.embedding_length", 4, 2560),
        ("qwen3.attention.head_count", 4, 32), ("qwen3.attention.head_count_kv", 4, 8),
        ("qwen3.attention.key_length", 4, 128), ("tokenizer.ggml.tokens", 9, (8, ["a", "b"])),
    ])
    shape = model_shape(p)
    assert (shape.layers, shape.kv_heads, shape.head_dim) == (36, 8, 128)
    # 2 (K and V) x 36 layers x 8 heads x 128 x 2048 positions x 2 bytes = 288 MiB
    assert shape.kv_cache_bytes(2048) == 2 * 36 * 8 * 128 * 2048 * 2 == 288 * 2**20


def test_head_dim_from_embedding_and_per_layer_kv_heads(tmp_path):
    p = write_gguf(tmp_path / "m.gguf", [
        ("general.architecture", 8, "llama"), ("llama.block_count", 4, 2), ("llama.embedding_length", 4, 2048),
        ("llama.attention.head_count", 4, 32), ("llama.attention.head_count_kv", 9, (4, [4, 8])),
    ])
    assert model_shape(p) == ModelShape(p.stat().st_size, 2, 8, 64)


def test_reader_stops_before_the_vocabulary(tmp_path):
    p = write_gguf(tmp_path / "m.gguf", [("general.architecture", 8, "x"), ("tokenizer.ggml.tokens", 9, (8, ["a"] * 10)),
                                         ("x.block_count", 4, 3)])
    assert "tokenizer.ggml.tokens" not in read_metadata(p, {"general.architecture", "{arch}.block_count"})


def test_not_a_gguf_gives_size_only(tmp_path):
    p = tmp_path / "x.gguf"
    p.write_bytes(b"nope" * 100)
    shape = model_shape(p)
    assert shape.weights_bytes == 400 and not shape.known and shape.kv_cache_bytes(2048) == 0


def test_tensor_table_walks_past_a_vocabulary(tmp_path):
    """The tensor infos come after the metadata, the vocabulary's strings included."""
    from dyslexic_writer.runtime.gguf_meta import tensor_table

    vocab = ["a", "bb", "", "ccc" * 40] * 500
    out = b"GGUF" + struct.pack("<IQQ", 3, 1, 3)
    out += _s("tokenizer.ggml.tokens") + struct.pack("<IIQ", 9, 8, len(vocab)) + b"".join(_s(v) for v in vocab)
    out += _s("general.alignment") + struct.pack("<II", 4, 64)
    out += _s("general.name") + struct.pack("<I", 8) + _s("after the vocabulary")
    out += _s("token_embd.weight") + struct.pack("<I", 2) + struct.pack("<QQ", 640, 100) + struct.pack("<IQ", 8, 128)
    path = tmp_path / "m.gguf"
    path.write_bytes(out + b"\0" * 4096)
    info = tensor_table(path)["token_embd.weight"]
    assert info.dims == (640, 100) and info.ggml_type == 8
    assert info.offset == -(-len(out) // 64) * 64 + 128


def test_skipping_strings_without_a_file_behind_them():
    import io

    from dyslexic_writer.runtime.gguf_meta import _skip_strings

    data = _s("one") + _s("") + _s("three") + b"rest"
    assert _skip_strings(io.BytesIO(data), 3) == len(data) - 4
