"""The second stage of the pipeline: from a written word to the words it may stand for.

`search` finds and ranks corrections (the close and wide searches over the dictionary index),
`error_model` and `channel` price a slip (by hand-set letter costs, and as learned from weak
spellers' own misspellings), `ranker` weighs a pool of candidates, `misspellings` knows the
misspellings weak spellers often make, and `respell` runs the learned slips backwards for spellings
that share no letters with their word.
"""
