"""The learned slip prices: a tiny inline table for exact checks, and the shipped one for sense."""

import math

from dyslexic_writer.engine.candidates.channel import FLOOR, KEEP, Channel, load_channel, parse


def test_an_unchanged_word_costs_only_its_kept_letters():
    channel = Channel({})
    assert math.isclose(channel.log_prob("cat", "cat"), 3 * KEEP)


def test_a_slip_no_rule_covers_costs_the_floor_per_letter():
    channel = Channel({})
    assert math.isclose(channel.log_prob("cot", "cat"), 2 * KEEP + FLOOR)
    assert math.isclose(channel.log_prob("ct", "cat"), 2 * KEEP + FLOOR)


def test_a_learned_rule_is_used_where_it_fits():
    channel = Channel(parse("# intended, written, log-probability\noa\to\t-2.0\n^k\t^\t-1.5\n"))
    assert math.isclose(channel.log_prob("sop", "soap"), 2 * KEEP - 2.0)
    assert math.isclose(channel.log_prob("nock", "knock"), -1.5 + 4 * KEEP)
    # a rule at the start of a word does not apply inside one
    assert math.isclose(channel.log_prob("ack", "akck"), 3 * KEEP + FLOOR)


def test_the_shipped_table_knows_weak_spellers_slips():
    channel = load_channel()
    # a silent letter dropped and a vowel sound respelled are likelier than unrelated changes
    assert channel.log_prob("nock", "knock") > channel.log_prob("nock", "neck")
    assert channel.log_prob("sope", "soap") > channel.log_prob("sope", "sole")


def test_rules_for_one_string_written_at_several_lengths_are_all_tried():
    channel = Channel(parse("a\t\t-3.0\na\te\t-1.0\na\tay\t-2.0\n"))
    assert math.isclose(channel.log_prob("cet", "cat"), 2 * KEEP - 1.0)
    assert math.isclose(channel.log_prob("cayt", "cat"), 2 * KEEP - 2.0)
    assert math.isclose(channel.log_prob("ct", "cat"), 2 * KEEP - 3.0)
    # a written string longer than what is left of the word is no match
    assert math.isclose(channel.log_prob("ca", "ca"), 2 * KEEP)
