"""`train`: supervised fine-tuning with TRL's SFTTrainer (full or LoRA), one recipe per model.

Examples are rendered with the same prompt format the app uses at inference time
(`models/prompts.yaml`), so training and use can never drift apart; the loss covers only the
assistant's reply. bf16 and SDPA attention on a GPU; float32 on a CPU, with an optional time limit.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

from .recipe import Recipe, load_recipe, save_resolved


def resolve_base(recipe: Recipe) -> tuple[str, str | None]:
    """(folder or hub id, gguf file name or None) to hand to `from_pretrained`."""
    if recipe.base_model == "embedded":
        from dyslexic_writer.runtime.embedded import embedded_model_path

        path = embedded_model_path()
        return str(path.parent), path.name
    return recipe.base_model, recipe.gguf_file


def load_examples(path: Path, family: str, limit: int | None = None) -> list[dict]:
    from dyslexic_writer.engine.prompts import prompt_format

    fmt = prompt_format(family)
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            msgs = {m["role"]: m["content"] for m in json.loads(line)["messages"]}
            rows.append({"prompt": fmt.build(msgs["user"]), "completion": msgs["assistant"] + fmt.stop[0]})
            if limit and len(rows) >= limit:
                break
    return rows


def load_model(recipe: Recipe, base: str, gguf_file: str | None, on_gpu: bool):
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    dtype = torch.bfloat16 if (on_gpu and recipe.bf16) else torch.float32
    kw = {"gguf_file": gguf_file} if gguf_file else {}
    tokenizer = AutoTokenizer.from_pretrained(base, **kw)
    model = AutoModelForCausalLM.from_pretrained(base, dtype=dtype, attn_implementation=recipe.attn_implementation, **kw)
    if gguf_file:
        # transformers dequantises GGUF weights to full precision on load but still tags the model
        # as GGUF-quantised, which the Trainer refuses; the weights in memory are plain tensors.
        model.hf_quantizer = None
        model.is_quantized = False
        if hasattr(model.config, "quantization_config"):
            del model.config.quantization_config
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    return model, tokenizer


def run(recipe_name: str, data_dir: Path, out_dir: Path | None = None, overrides: dict | None = None) -> dict:
    import torch
    from datasets import Dataset
    from transformers import TrainerCallback
    from trl import SFTConfig, SFTTrainer

    recipe = load_recipe(recipe_name, overrides)
    out_dir = Path(out_dir or Path("out") / recipe.name)
    out_dir.mkdir(parents=True, exist_ok=True)
    on_gpu = torch.cuda.is_available()
    base, gguf_file = resolve_base(recipe)
    model, tokenizer = load_model(recipe, base, gguf_file, on_gpu)
    train_rows = load_examples(Path(data_dir) / "train.jsonl", recipe.family, recipe.train_limit)
    eval_path = Path(data_dir) / "eval.jsonl"
    eval_rows = load_examples(eval_path, recipe.family, 64) if eval_path.exists() else []

    peft_config = None
    if recipe.method == "lora":
        from peft import LoraConfig

        peft_config = LoraConfig(r=recipe.lora_r, lora_alpha=recipe.lora_alpha, lora_dropout=recipe.lora_dropout,
                                 target_modules=recipe.lora_targets, task_type="CAUSAL_LM")
    args = SFTConfig(
        output_dir=str(out_dir / "checkpoints"),
        num_train_epochs=recipe.epochs,
        max_steps=recipe.max_steps,
        learning_rate=recipe.learning_rate,
        per_device_train_batch_size=recipe.batch_size,
        gradient_accumulation_steps=recipe.gradient_accumulation,
        max_length=recipe.max_length,
        packing=recipe.packing,
        completion_only_loss=True,
        bf16=on_gpu and recipe.bf16,
        logging_steps=10,
        save_strategy="no",
        eval_strategy="no",
        report_to=[],
        seed=recipe.seed,
        use_cpu=not on_gpu,
        dataloader_num_workers=0,
    )
    started = time.perf_counter()

    class TimeLimit(TrainerCallback):
        def on_step_end(self, _args, state, control, **_kw):
            if recipe.max_minutes and time.perf_counter() - started > 60 * recipe.max_minutes:
                control.should_training_stop = True

    trainer = SFTTrainer(
        model=model,
        args=args,
        train_dataset=Dataset.from_list(train_rows),
        eval_dataset=Dataset.from_list(eval_rows[:64]) if eval_rows else None,
        processing_class=tokenizer,
        peft_config=peft_config,
        callbacks=[TimeLimit()],
    )
    result = trainer.train()
    metrics = {"train_loss": result.training_loss, "steps": result.global_step, "seconds": round(time.perf_counter() - started, 1),
               "examples": len(train_rows), "device": "cuda" if on_gpu else "cpu"}
    if eval_rows:
        metrics["eval_loss"] = trainer.evaluate()["eval_loss"]
    final = trainer.model
    if recipe.method == "lora":
        final = final.merge_and_unload()
    model_dir = out_dir / "model"
    final.save_pretrained(model_dir)
    tokenizer.save_pretrained(model_dir)
    spm_model = Path(base) / "tokenizer.model"
    if spm_model.is_file() and not (model_dir / "tokenizer.model").exists():
        shutil.copy(spm_model, model_dir / "tokenizer.model")  # the GGUF converter reads it
    save_resolved(model_dir / "recipe.yaml", recipe)
    save_resolved(out_dir / "recipe.yaml", recipe)
    (out_dir / "metrics.json").write_text(json.dumps(metrics, indent=1), encoding="utf-8")
    (model_dir / "dyslexic_writer.json").write_text(json.dumps({"family": recipe.family, "name": recipe.name}), encoding="utf-8")
    print(json.dumps(metrics))
    return metrics
