"""Greedy generation with a chat GGUF (for the fine-tuned corrector models), stoppable between tokens."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from .session import ModelLoadError, check_gguf_header, quiet_llama_logs

_ARCH_FAMILIES = {"qwen3": "qwen3", "qwen2": "qwen2.5", "gemma3": "gemma", "gemma2": "gemma", "gemma": "gemma"}


def family_from_metadata(meta: dict) -> str | None:
    """The prompt family from a GGUF's metadata, or None for a base model with no chat template."""
    template = meta.get("tokenizer.chat_template")
    if not template:
        return None
    if "smollm" in meta.get("general.name", "").lower():
        return "smollm2"
    arch = meta.get("general.architecture", "")
    return _ARCH_FAMILIES.get(arch, "qwen2.5" if "<|im_start|>" in template else None)


class LlamaGenerator:
    def __init__(self, path: str | Path, n_threads: int | None = None, n_gpu_layers: int = 0, n_ctx: int = 1024):
        from llama_cpp import Llama

        check_gguf_header(Path(path))
        quiet_llama_logs()
        try:
            self.llm = Llama(str(path), n_ctx=n_ctx, n_threads=n_threads, n_gpu_layers=n_gpu_layers, verbose=False)
        except (ValueError, RuntimeError) as exc:
            raise ModelLoadError(f"llama.cpp could not load {path}: {exc}") from exc
        self.metadata = dict(self.llm.metadata or {})

    def family(self) -> str | None:
        return family_from_metadata(self.metadata)

    def generate(self, prompt: str, stop: list[str], max_tokens: int, cancelled: Callable[[], bool]) -> str:
        out = []
        for chunk in self.llm.create_completion(prompt, max_tokens=max_tokens, temperature=0.0, top_k=1,
                                                stop=stop, stream=True):
            out.append(chunk["choices"][0]["text"])
            if cancelled():
                break
            if "\n" in "".join(out).lstrip("\n") and "<think>" not in "".join(out):
                break  # one sentence in, one line out
        return "".join(out)

    def close(self) -> None:
        llm = getattr(self, "llm", None)
        if llm is not None:
            llm.close()
            self.llm = None
