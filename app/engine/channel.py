"""How likely a slip is, learned from weak spellers' own misspellings (`training/channel.py`).

`log_prob(written, word)` is the natural-log probability that a writer who meant `word` wrote
`written`: the likeliest way to cut both into pieces, each piece of the word either kept or written
as the learned rules say ("soap" -> "sope" is "oa" -> "o_e"). A slip no rule covers costs FLOOR per
letter, so every pair has a price. The context layer adds it to the sentence's score when it picks
a non-word's correction: a proper noisy channel, in the same unit (nats) as the model's scores.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from ..package_data import read_text

START, END = "^", "$"  # the word's edges, as the rules mark them
# A letter written as the writer meant it: nearly always.
KEEP = -0.02
# A letter added, dropped or changed in a way no learned rule covers (about 1 in 1,100). On the dev
# half's non-words -7 and -9 picked the same corrections within one in a hundred.
FLOOR = -7.0


class Channel:
    def __init__(self, table: dict[tuple[str, str], float]):
        # intended -> {written: log-prob}, and the lengths its written strings come in: a rule is
        # found by looking up the next few written letters, not by trying each of hundreds
        self._rules: dict[str, dict[str, float]] = defaultdict(dict)
        for (a, b), lp in table.items():
            self._rules[a][b] = lp
        self._lengths = {a: tuple(sorted({len(b) for b in bs})) for a, bs in self._rules.items()}
        self._span = max((len(a) for a in self._rules), default=0)  # the longest string a rule rewrites
        self.log_prob = lru_cache(maxsize=65536)(self._log_prob)

    def rules(self) -> dict[str, dict[str, float]]:
        """intended -> {written: log-prob}, the learned rules (read only)."""
        return self._rules

    def _log_prob(self, written: str, word: str) -> float:
        """Natural-log P(written | word), both lower case (`log_prob` is this, remembered)."""
        w, c = START + written + END, START + word + END
        n, m = len(c), len(w)
        best = [[-float("inf")] * (m + 1) for _ in range(n + 1)]
        best[0][0] = 0.0
        rules, lengths, span = self._rules, self._lengths, self._span
        for i in range(n + 1):
            row = best[i]
            for j in range(m + 1):
                v = row[j]
                if v == -float("inf"):
                    continue
                edge_c = i < n and c[i] in (START, END)
                edge_w = j < m and w[j] in (START, END)
                if i < n and j < m:
                    if c[i] == w[j]:
                        self._relax(best, i + 1, j + 1, v + (0.0 if edge_c else KEEP))
                    elif not edge_c and not edge_w:
                        self._relax(best, i + 1, j + 1, v + FLOOR)
                if i < n and not edge_c:
                    self._relax(best, i + 1, j, v + FLOOR)
                if j < m and not edge_w:
                    self._relax(best, i, j + 1, v + FLOOR)
                for size in range(min(span, n - i) + 1):
                    a = c[i : i + size]
                    found = rules.get(a)
                    if found is None:
                        continue
                    for size_b in lengths[a]:
                        if j + size_b > m:
                            break
                        lp = found.get(w[j : j + size_b])
                        if lp is not None:
                            self._relax(best, i + size, j + size_b, v + lp)
        return best[n][m]

    @staticmethod
    def _relax(best: list[list[float]], i: int, j: int, value: float) -> None:
        if value > best[i][j]:
            best[i][j] = value


def parse(text: str) -> dict[tuple[str, str], float]:
    """resources/generated/channel.tsv: intended, written, log-probability per line; `#` comments."""
    table = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        a, b, lp = line.split("\t")
        table[(a, b)] = float(lp)
    return table


@lru_cache(maxsize=1)
def load_channel() -> Channel:
    return Channel(parse(read_text("dyslexic_writer.resources", "channel.tsv")))
