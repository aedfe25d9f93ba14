"""`export`: Hugging Face folder -> GGUF F16 -> Q4_K_M, checked, with an Ollama Modelfile and a
catalog entry.

The converter is llama.cpp's `convert_hf_to_gguf.py` of the version the installed llama-cpp-python
was built from: its source distribution carries it under `vendor/llama.cpp`, so files written by
this stage always load in the app's runtime.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import yaml

from dyslexic_writer.paths import sha256_file

Q4_K_M = 15  # LLAMA_FTYPE_MOSTLY_Q4_K_M

OLLAMA_TEMPLATES = {
    "qwen3": '{{- if .System }}<|im_start|>system\n{{ .System }}<|im_end|>\n{{ end }}<|im_start|>user\n'
             '{{ .Prompt }}<|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\n',
    "qwen2.5": '{{- if .System }}<|im_start|>system\n{{ .System }}<|im_end|>\n{{ end }}<|im_start|>user\n'
               '{{ .Prompt }}<|im_end|>\n<|im_start|>assistant\n',
    "smollm2": '{{- if .System }}<|im_start|>system\n{{ .System }}<|im_end|>\n{{ end }}<|im_start|>user\n'
               '{{ .Prompt }}<|im_end|>\n<|im_start|>assistant\n',
    "gemma": '<start_of_turn>user\n{{ if .System }}{{ .System }}\n\n{{ end }}{{ .Prompt }}<end_of_turn>\n'
             '<start_of_turn>model\n',
}


def llama_source(given: Path | None = None) -> Path:
    """The llama.cpp tree matching the installed llama-cpp-python (from its sdist)."""
    import llama_cpp

    version = llama_cpp.__version__
    candidates = [given, os.environ.get("DW_LLAMA_SOURCE")]
    for c in candidates:
        if not c:
            continue
        c = Path(c)
        if c.is_file() and c.name.endswith(".tar.gz"):
            return _extract(c)
        for sub in (c / "vendor" / "llama.cpp", c):
            if (sub / "convert_hf_to_gguf.py").exists():
                return sub
        raise FileNotFoundError(f"no convert_hf_to_gguf.py under {c}")
    from dyslexic_writer.paths import cache_dir

    cached = cache_dir() / f"llama_cpp_python-{version}" / "vendor" / "llama.cpp"
    if (cached / "convert_hf_to_gguf.py").exists():
        return cached
    dl = cache_dir() / "sdist"
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                    f"llama-cpp-python=={version}", "-d", str(dl)], check=True)
    return _extract(next(dl.glob(f"llama_cpp_python-{version}.tar.gz")))


def _extract(sdist: Path) -> Path:
    from dyslexic_writer.paths import cache_dir

    root = cache_dir()
    name = sdist.name[: -len(".tar.gz")]
    target = root / name / "vendor" / "llama.cpp"
    if not (target / "convert_hf_to_gguf.py").exists():
        with tarfile.open(sdist) as tar:
            members = [m for m in tar.getmembers() if "/vendor/llama.cpp/" in m.name and (
                "/convert_hf_to_gguf.py" in m.name or "/gguf-py/" in m.name or "/conversion/" in m.name)]
            tar.extractall(root, members=members, filter="data")
    return target


def model_family(model_dir: Path, given: str | None) -> str:
    if given:
        return given
    meta = model_dir / "dyslexic_writer.json"
    if meta.exists():
        return json.loads(meta.read_text())["family"]
    raise ValueError("give --family (qwen3, qwen2.5, smollm2 or gemma)")


def convert(model_dir: Path, out_f16: Path, source: Path) -> None:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(source / "gguf-py"), str(source)]))
    proc = subprocess.run(
        [sys.executable, str(source / "convert_hf_to_gguf.py"), str(model_dir), "--outfile", str(out_f16), "--outtype", "f16"],
        env=env, capture_output=True, text=True,
    )
    if proc.returncode != 0 or not out_f16.exists():
        raise RuntimeError(f"GGUF conversion failed:\n{proc.stderr[-3000:]}")


def quantize(f16: Path, out: Path, threads: int | None = None) -> None:
    import llama_cpp

    params = llama_cpp.llama_model_quantize_default_params()
    params.ftype = Q4_K_M
    params.nthread = threads or (os.cpu_count() or 1)
    rc = llama_cpp.llama_model_quantize(str(f16).encode(), str(out).encode(), params)
    if rc != 0 or not out.exists():
        raise RuntimeError(f"quantisation to Q4_K_M failed ({rc})")


def smoke_test(gguf: Path, family: str, sentence: str = "I went to teh shop.") -> str:
    from dyslexic_writer.engine.prompts import prompt_format
    from dyslexic_writer.runtime.llama import LlamaGenerator

    fmt = prompt_format(family)
    gen = LlamaGenerator(gguf, n_ctx=512)
    try:
        return gen.generate(fmt.build(sentence), list(fmt.stop), 24, lambda: False)
    finally:
        gen.close()


def modelfile(gguf_name: str, family: str, instruction: str, stops: list[str]) -> str:
    lines = [f"FROM ./{gguf_name}", f'TEMPLATE """{OLLAMA_TEMPLATES[family]}"""', f'SYSTEM """{instruction}"""',
             "PARAMETER temperature 0", "PARAMETER num_ctx 1024"]
    lines += [f'PARAMETER stop "{s}"' for s in stops]
    return "\n".join(lines) + "\n"


def run(model_dir: Path, out_dir: Path | None = None, family: str | None = None, source: Path | None = None) -> dict:
    from dyslexic_writer.engine.prompts import prompt_format
    from dyslexic_writer.training.tokenizers import sentencepiece_from_gguf

    model_dir = Path(model_dir)
    family = model_family(model_dir, family)
    out_dir = Path(out_dir or model_dir.parent / "export")
    out_dir.mkdir(parents=True, exist_ok=True)
    recipe = yaml.safe_load((model_dir / "recipe.yaml").read_text()) if (model_dir / "recipe.yaml").exists() else {}
    name = recipe.get("name") or model_dir.parent.name or "model"
    if not (model_dir / "tokenizer.model").exists() and recipe.get("base_model") == "embedded":
        from dyslexic_writer.runtime.embedded import embedded_model_path

        sentencepiece_from_gguf(embedded_model_path(), model_dir / "tokenizer.model")
    src = llama_source(source)
    f16 = out_dir / f"{name}-f16.gguf"
    q4 = out_dir / f"{name}-q4_k_m.gguf"
    convert(model_dir, f16, src)
    quantize(f16, q4)
    reply = smoke_test(q4, family)
    fmt = prompt_format(family)
    info = {
        "name": name, "family": family, "file": q4.name, "size_mb": round(q4.stat().st_size / 2**20, 1),
        "sha256": sha256_file(q4), "f16_size_mb": round(f16.stat().st_size / 2**20, 1), "smoke_test_reply": reply,
        "llama_cpp_source": str(src),
    }
    (out_dir / "Modelfile").write_text(modelfile(q4.name, family, fmt.instruction, list(fmt.stop)), encoding="utf-8")
    entry = {
        "id": name, "name": name.replace("-", " ").title(), "family": family, "parameters": recipe.get("parameters", "?"),
        "role": "corrector", "file": q4.name, "size_mb": info["size_mb"], "sha256": info["sha256"],
        "hf_repo": f"YOUR-NAME/{name}-GGUF", "hf_file": q4.name, "template": family,
        "ram_gb": round(info["size_mb"] / 1024 * 1.5 + 0.3, 1), "vram_gb": round(info["size_mb"] / 1024 * 1.2 + 0.2, 1),
        "seed99_strict": None, "published": False,
    }
    (out_dir / "catalog_entry.yaml").write_text(yaml.safe_dump({"models": [entry]}, sort_keys=False), encoding="utf-8")
    (out_dir / "export.json").write_text(json.dumps(info, indent=1), encoding="utf-8")
    print(json.dumps(info, indent=1))
    return info
