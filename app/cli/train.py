"""`train`: the hook into the training stages, which keep their own parser and their own
dependencies (the `training` extra) in `dyslexic_writer.training.cli`."""

from __future__ import annotations


def add_command(sub) -> None:
    # Listed here only for the top-level help; `main` hands `train ...` over before parsing.
    sub.add_parser("train", help="training stages: prepare, train, evaluate, export, publish (see `train --help`)")


def run(argv: list[str]) -> int:
    from ..training.cli import main as train_main

    return train_main(argv)
