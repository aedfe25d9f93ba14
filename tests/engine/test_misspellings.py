from dyslexic_writer.engine.misspellings import load_misspellings, parse


def test_parse_keeps_the_files_order_and_skips_comments():
    text = "# a comment\n\nwus\twas\t3\nwus\tus\t1\na nuther\tanother\t2\n"
    assert parse(text) == {"wus": (("was", 3), ("us", 1)), "a nuther": (("another", 2),)}


def test_the_shipped_table_holds_only_words_apart_from_common_ones():
    table = load_misspellings()
    assert table and all(n >= 1 and meant for meanings in table.values() for meant, n in meanings)
    # The written side is never the meant one.
    assert all(w not in {m for m, _n in meanings} for w, meanings in table.items())


def test_without_takes_occurrences_off_each_pairs_count():
    table = parse("wus\twas\t3\nwus\tus\t1\nfing\tthing\t1\n")
    less = table.without({("wus", "was"): 1, ("wus", "us"): 1, ("fing", "thing"): 2, ("zz", "z"): 1})
    assert dict(less) == {"wus": (("was", 2),)}
    assert dict(table)["fing"] == (("thing", 1),)  # the table itself is unchanged


def test_use_misspellings_swaps_the_table_the_ranker_reads(lexicon):
    from dyslexic_writer.engine.candidates import rank_corrections
    from dyslexic_writer.engine.misspellings import KnownMisspellings, shipped_misspellings, use_misspellings

    try:
        use_misspellings(parse("korf\tcough\t2\n"))
        assert load_misspellings() != shipped_misspellings()
        assert rank_corrections(lexicon, "korf")[0].text == "cough"
        use_misspellings(KnownMisspellings({}))
        assert rank_corrections(lexicon, "korf")[0].text != "cough"
    finally:
        use_misspellings(None)
    assert load_misspellings() is shipped_misspellings()


def test_swapping_the_table_empties_the_rankers_cache(lexicon):
    from dyslexic_writer.engine.candidates import _ranked, rank_corrections
    from dyslexic_writer.engine.misspellings import use_misspellings

    try:
        rank_corrections(lexicon, "korf")
        assert _ranked.cache_info().currsize > 0
        use_misspellings(parse("korf\tcough\t2\n"))
        assert _ranked.cache_info().currsize == 0
    finally:
        use_misspellings(None)
