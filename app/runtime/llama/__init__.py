"""Everything that runs a GGUF model through llama.cpp.

- `session`: loading a model (`LlamaSession`), its errors, tokenizing and decoding a batch;
- `token_tree`: token sequences merged into one batch (`TokenTree`), pure Python;
- `scorer`: continuation scores and their pruning (`TreeScorer`, against the `Decoder` interface;
  `LlamaScorer` on a session);
- `output_head`: the CPU shortcut past the output layer for the embedded model;
- `generator`: greedy generation with a chat model (`LlamaGenerator`).

llama_cpp itself is imported only when a model is opened, so importing this package is cheap.
"""

from .generator import LlamaGenerator, family_from_metadata
from .scorer import Decoder, LlamaScorer, TreeScorer
from .session import LlamaSession, ModelLoadError, check_gguf_header, quiet_llama_logs
from .token_tree import MAX_ROWS, MAX_SEQUENCES, TokenTree

__all__ = [
    "MAX_ROWS", "MAX_SEQUENCES", "Decoder", "LlamaGenerator", "LlamaScorer", "LlamaSession", "ModelLoadError",
    "TokenTree", "TreeScorer", "check_gguf_header", "family_from_metadata", "quiet_llama_logs",
]
