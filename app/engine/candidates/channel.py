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

from ...package_data import read_text

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
        """Natural-log P(written | word), both lower case (`log_prob` is this, remembered).

        A dynamic programme over (letters of the word used, letters written) keeping the best
        score. The rules that apply at a place in the word do not depend on the written side, so
        they are looked up once per place, and each step updates the table inline: the context
        layer prices tens of thousands of pairs, and this is most of a check's Python time."""
        w, c = START + written + END, START + word + END
        n, m = len(c), len(w)
        neg = -float("inf")
        best = [[neg] * (m + 1) for _ in range(n + 1)]
        best[0][0] = 0.0
        rules, lengths, span = self._rules, self._lengths, self._span
        edges = (START, END)
        for i in range(n + 1):
            row = best[i]
            below = best[i + 1] if i < n else None
            edge_c = i < n and c[i] in edges
            ci = c[i] if i < n else None
            keep = 0.0 if edge_c else KEEP
            # the rules that rewrite a piece of the word starting here: (rows ahead, their rules, lengths)
            here = []
            for size in range(min(span, n - i) + 1):
                a = c[i : i + size]
                found = rules.get(a)
                if found is not None:
                    here.append((best[i + size], found, lengths[a]))
            for j in range(m + 1):
                v = row[j]
                if v == neg:
                    continue
                edge_w = j < m and w[j] in edges
                if below is not None:
                    if j < m:
                        if ci == w[j]:
                            x = v + keep
                            if x > below[j + 1]:
                                below[j + 1] = x
                        elif not edge_c and not edge_w:
                            x = v + FLOOR
                            if x > below[j + 1]:
                                below[j + 1] = x
                    if not edge_c:
                        x = v + FLOOR
                        if x > below[j]:
                            below[j] = x
                if j < m and not edge_w:
                    x = v + FLOOR
                    if x > row[j + 1]:
                        row[j + 1] = x
                for ahead, found, sizes in here:
                    for size_b in sizes:
                        if j + size_b > m:
                            break
                        lp = found.get(w[j : j + size_b])
                        if lp is not None:
                            x = v + lp
                            if x > ahead[j + size_b]:
                                ahead[j + size_b] = x
        return best[n][m]


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
