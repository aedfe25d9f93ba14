"""Chat prompt formats per model family (`models/prompts.yaml`), shared by inference and training."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PromptFormat:
    template: str
    assistant_start: str
    stop: tuple[str, ...]
    instruction: str

    def build(self, sentence: str) -> str:
        return self.template.format(system=self.instruction, user=sentence) + self.assistant_start


def prompt_format(family: str) -> PromptFormat:
    import yaml

    from ..package_data import read_text

    data = yaml.safe_load(read_text("dyslexic_writer.models", "prompts.yaml"))
    if family not in data["families"]:
        raise ValueError(f"no prompt family {family!r} (known: {', '.join(data['families'])})")
    fam = data["families"][family]
    return PromptFormat(fam["template"], fam["assistant_start"], tuple(fam["stop"]), data["instruction"].strip())
