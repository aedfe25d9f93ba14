"""The lists of word ids filed under an index key, packed as bytes.

Each list is sorted and stored as the gaps between ids, each gap a little-endian base-128 varint
(seven bits a byte, the high bit set on every byte but a number's last). Words that share a delete
key are mostly near each other in alphabetical order, so most gaps fit one or two bytes: the delete
table takes 15 MB this way against 40 MB as space-separated words. The standard library has no
varint codec and the code is a dozen lines, so no dependency is taken for it.
"""

from __future__ import annotations

from collections.abc import Iterable


def pack_ids(ids: Iterable[int]) -> bytes:
    """Distinct non-negative ids, in any order, as sorted varint gaps."""
    out = bytearray()
    prev = -1
    for i in sorted(set(ids)):
        if i < 0:
            raise ValueError(f"word ids are not negative: {i}")
        gap = i - prev - 1  # ids are distinct, so a gap of 0 means "the next id"
        prev = i
        while gap > 0x7F:
            out.append((gap & 0x7F) | 0x80)
            gap >>= 7
        out.append(gap)
    return bytes(out)


def unpack_ids(data: bytes) -> list[int]:
    """The sorted ids `pack_ids` packed."""
    ids: list[int] = []
    prev = -1
    gap = shift = 0
    for byte in data:
        gap |= (byte & 0x7F) << shift
        if byte & 0x80:
            shift += 7
            continue
        prev += gap + 1
        ids.append(prev)
        gap = shift = 0
    if shift:
        raise ValueError("a packed id list ends inside a number")
    return ids
