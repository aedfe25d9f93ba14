"""Benchmark case files: tab-separated `category, input, expected` with `|` between accepted
alternatives of `expected`; lines starting with `#` are comments."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    category: str
    input: str
    expected: tuple[str, ...]


def parse_cases(text: str) -> list[Case]:
    cases = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise ValueError(f"line {n}: expected 3 tab-separated columns, found {len(parts)}")
        category, inp, expected = parts
        cases.append(Case(category.strip(), inp, tuple(expected.split("|"))))
    return cases
