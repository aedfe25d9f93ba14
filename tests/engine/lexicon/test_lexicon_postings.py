"""Packing the id lists filed under an index key."""

import pytest

from dyslexic_writer.engine.lexicon.postings import pack_ids, unpack_ids


def test_round_trip_sorts_and_drops_repeats():
    ids = [300, 0, 5, 5, 1, 2**20 + 7, 128, 127]
    assert unpack_ids(pack_ids(ids)) == sorted(set(ids))


def test_small_gaps_take_one_byte():
    assert pack_ids([0, 1, 2]) == b"\x00\x00\x00"
    assert pack_ids([0, 128]) == b"\x00\x7f"
    assert pack_ids([129]) == b"\x81\x01"  # a gap of 129 needs two bytes
    assert unpack_ids(b"") == []


def test_bad_input_is_refused():
    with pytest.raises(ValueError):
        pack_ids([-1])
    with pytest.raises(ValueError):
        unpack_ids(b"\x81")
