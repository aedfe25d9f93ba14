"""Token sequences merged into a prefix tree, laid out as one llama.cpp batch (pure Python).

The scorer builds these trees; a session decodes them; training reads every row of one
(`training.head_tokens`).
"""

from __future__ import annotations

# Limits of one decode. llama.cpp keeps a 262k-float logit row (1 MiB) for each of max(rows asked,
# sequence ids) outputs, so both limits bound memory: 64 costs 64 MiB, 256 would cost 256 MiB.
MAX_SEQUENCES = 64
MAX_ROWS = 64


def _decoded(tokens: list[int], rows_to: int) -> list[int]:
    """The tokens a path must decode: a token after the last scored row is only the target of that
    row's logit (leaving them out decodes 15% fewer tokens on a quarter of the dev half)."""
    return tokens[: max(rows_to, 1)]


class Node:
    """One token of the batch: its position, the sequences through it, and whether its logit row
    is wanted."""

    __slots__ = ("token", "pos", "seqs", "want")

    def __init__(self, token: int, pos: int):
        self.token = token
        self.pos = pos
        self.seqs: list[int] = []
        self.want = False


class TokenTree:
    """Token sequences merged on their common beginnings, as one llama.cpp batch.

    Each distinct sequence gets its own sequence id, and a node carries the ids of every sequence
    through it. A token may attend only to cells sharing one of its ids, which in a prefix tree are
    exactly its ancestors, so every sequence is scored as if decoded alone. A tree may also grow
    from `root`s that stand for sequences already in the cache (their ids are given to the new
    sequences by the caller).
    """

    def __init__(self, max_nodes: int, seq_base: int = 0):
        self.max_nodes = max_nodes
        self.seq_base = seq_base
        self.nodes: list[Node] = []
        self._child: dict[tuple, int] = {}  # (parent node or root, token) -> node
        self._ids: dict[tuple, int] = {}  # (root, tokens, scored rows) -> index in `paths`
        # (tokens, their nodes, first and end depth of the rows to score, owners)
        self.paths: list[tuple[tuple[int, ...], list[int], int, int, list]] = []
        self.seq_of: list[int] = []  # each path's sequence id
        self.n_seqs = 0  # sequence ids given out
        self.rows = 0

    def _walk(self, tokens: list[int], root) -> tuple[int, int]:
        """(last node already in the tree along `tokens`, how many tokens it covers)."""
        cur, depth = root, 0
        for t in tokens:
            nxt = self._child.get((cur, t))
            if nxt is None:
                break
            cur, depth = nxt, depth + 1
        return cur, depth

    def fits(self, tokens: list[int], rows_from: int, rows_to: int | None = None, root=-1, share: bool = False) -> bool:
        tokens = _decoded(tokens, len(tokens) if rows_to is None else rows_to)
        _, depth = self._walk(tokens, root)
        new_nodes = len(tokens) - depth
        new_rows = max(0, len(tokens) - max(rows_from, depth))  # at most
        new_id = not (share and tokens and depth == len(tokens))
        return ((not new_id or self.seq_base + self.n_seqs < MAX_SEQUENCES)
                and len(self.nodes) + new_nodes <= self.max_nodes and self.rows + new_rows <= MAX_ROWS)

    def add(self, tokens: list[int], rows_from: int, rows_to: int, owner, root=-1, pos0: int = 0,
            share: bool = False) -> int:
        """Add a sequence whose rows at depths [rows_from, rows_to) are scored; returns its id.

        With `share`, tokens that are all in the tree already (the beginning of a longer sequence)
        take the id of a sequence through their last one instead of a new id."""
        # The same tokens scored over other rows (one request's prefix + continuation may spell
        # another's) are another path: their scores differ.
        key = (root, tuple(tokens), rows_from, rows_to)
        if key in self._ids:
            path = self.paths[self._ids[key]]
            path[4].append(owner)
            return self.seq_of[self._ids[key]]
        index = len(self.paths)
        decoded = _decoded(tokens, rows_to)
        last, depth = self._walk(decoded, root)
        if share and decoded and depth == len(decoded):
            seq = self.nodes[last].seqs[0]
        else:
            seq = self.seq_base + self.n_seqs
            self.n_seqs += 1
        self.seq_of.append(seq)
        self._ids[key] = index
        nodes: list[int] = []
        cur = root
        for j, t in enumerate(decoded):
            nxt = self._child.get((cur, t))
            if nxt is None:
                nxt = len(self.nodes)
                self.nodes.append(Node(t, pos0 + j))
                self._child[(cur, t)] = nxt
            node = self.nodes[nxt]
            if seq not in node.seqs:
                node.seqs.append(seq)
            if rows_from <= j < rows_to and not node.want:
                node.want = True
                self.rows += 1
            nodes.append(nxt)
            cur = nxt
        self.paths.append((tuple(tokens), nodes, rows_from, rows_to, [owner]))
        return seq
