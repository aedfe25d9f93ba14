"""`dyslexic-writer bench CASES.tsv`: score an engine on a sentence case file."""

from __future__ import annotations

import time

from .cases import Case
from .metrics import Tally


def run_cases(engine, cases: list[Case], warmup: int = 3) -> tuple[dict[str, Tally], list[dict]]:
    """Per-category tallies (plus "total") and one record per case."""
    for case in cases[:warmup]:
        engine.check(case.input)  # fills caches so the timings describe steady typing
    tallies: dict[str, Tally] = {}
    records = []
    total = Tally()
    for case in cases:
        t0 = time.perf_counter()
        out = engine.check(case.input).corrected
        ms = (time.perf_counter() - t0) * 1000
        ok = tallies.setdefault(case.category, Tally()).add(case.input, out, case.expected, ms)
        total.add(case.input, out, case.expected, ms)
        records.append({"category": case.category, "input": case.input, "output": out, "expected": list(case.expected), "ok": ok})
    tallies["total"] = total
    return tallies, records


def format_table(rows: list[dict], title: str) -> str:
    head = f"{'category':<10} {'cases':>5} {'strict':>13} {'similarity':>10} {'P':>6} {'R':>6} {'F2':>6} {'ms/sent':>8}"
    lines = [title, head, "-" * len(head)]
    for r in rows:
        strict = f"{r['strict']}/{r['cases']} {r['strict_pct']:5.1f}%"
        lines.append(
            f"{r['category']:<10} {r['cases']:>5} {strict:>13} {r['similarity_pct']:>9.1f}% "
            f"{r['precision']:>6.3f} {r['recall']:>6.3f} {r['f2']:>6.3f} {r['median_ms']:>8.2f}"
        )
    return "\n".join(lines)
