"""Tokenizer files the GGUF converter needs.

A model fine-tuned from a GGUF (the embedded Gemma) comes out of transformers with only
`tokenizer.json`, and the converter then needs a pre-tokenizer it can recognise by hash. Writing
the SentencePiece `tokenizer.model` back from the GGUF's own vocabulary lets it take the
SentencePiece path instead, with exactly the original pieces, scores and types.
"""

from __future__ import annotations

from pathlib import Path


def sentencepiece_from_gguf(gguf_path: Path, out_path: Path) -> Path:
    from gguf import GGUFReader
    from sentencepiece import sentencepiece_model_pb2 as sp

    reader = GGUFReader(str(gguf_path))

    tokens = reader.fields["tokenizer.ggml.tokens"].contents()
    scores = reader.fields["tokenizer.ggml.scores"].contents()
    types = reader.fields["tokenizer.ggml.token_type"].contents()
    proto = sp.ModelProto()
    proto.trainer_spec.model_type = sp.TrainerSpec.BPE
    proto.trainer_spec.vocab_size = len(tokens)
    proto.trainer_spec.byte_fallback = True
    proto.normalizer_spec.add_dummy_prefix = False
    proto.normalizer_spec.name = "identity"
    # GGUF token types: 1 normal, 2 unknown, 3 control, 4 user-defined, 5 unused, 6 byte.
    kinds = {1: sp.ModelProto.SentencePiece.NORMAL, 2: sp.ModelProto.SentencePiece.UNKNOWN,
             3: sp.ModelProto.SentencePiece.CONTROL, 4: sp.ModelProto.SentencePiece.USER_DEFINED,
             5: sp.ModelProto.SentencePiece.UNUSED, 6: sp.ModelProto.SentencePiece.BYTE}
    for tok, score, typ in zip(tokens, scores, types):
        piece = proto.pieces.add()
        piece.piece = tok
        piece.score = float(score)
        piece.type = kinds.get(int(typ), sp.ModelProto.SentencePiece.NORMAL)
    out_path.write_bytes(proto.SerializeToString())
    return out_path
