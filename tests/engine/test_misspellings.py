from dyslexic_writer.engine.misspellings import load_misspellings, parse


def test_parse_keeps_the_files_order_and_skips_comments():
    text = "# a comment\n\nwus\twas\t3\nwus\tus\t1\na nuther\tanother\t2\n"
    assert parse(text) == {"wus": (("was", 3), ("us", 1)), "a nuther": (("another", 2),)}


def test_the_shipped_table_holds_only_words_apart_from_common_ones():
    table = load_misspellings()
    assert table and all(n >= 1 and meant for meanings in table.values() for meant, n in meanings)
    # The written side is never the meant one.
    assert all(w not in {m for m, _n in meanings} for w, meanings in table.items())
