from dyslexic_writer.engine.candidates.misspellings import load_misspellings, parse


def test_parse_keeps_the_files_order_and_skips_comments():
    text = "# a comment\n\nwus\twas\t3\nwus\tus\t0.5\na nuther\tanother\t2\n"
    assert parse(text) == {"wus": (("was", 3), ("us", 0.5)), "a nuther": (("another", 2),)}


def test_the_shipped_table_holds_only_words_apart_from_common_ones():
    from dyslexic_writer.training.misspellings import MIN_SEEN

    table = load_misspellings()
    # times seen are weighed by source: at least the least evidence the stage lists
    assert table and all(n >= MIN_SEEN and meant for meanings in table.values() for meant, n in meanings)
    # The written side is never the meant one.
    assert all(w not in {m for m, _n in meanings} for w, meanings in table.items())


def test_use_misspellings_swaps_the_table_the_ranker_reads(lexicon):
    from dyslexic_writer.engine.candidates.search import rank_corrections
    from dyslexic_writer.engine.candidates.misspellings import KnownMisspellings, shipped_misspellings, use_misspellings

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
    from dyslexic_writer.engine.candidates.search import _ranked, rank_corrections
    from dyslexic_writer.engine.candidates.misspellings import use_misspellings

    try:
        rank_corrections(lexicon, "korf")
        assert _ranked.cache_info().currsize > 0
        use_misspellings(parse("korf\tcough\t2\n"))
        assert _ranked.cache_info().currsize == 0
    finally:
        use_misspellings(None)
