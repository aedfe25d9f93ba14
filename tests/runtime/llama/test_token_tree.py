"""The prefix tree that batches token sequences for llama.cpp (pure Python, no model)."""

from dyslexic_writer.runtime.llama import MAX_ROWS, TokenTree


def test_shared_beginnings_are_one_node_carrying_every_sequence():
    tree = TokenTree(max_nodes=512)
    a = tree.add([1, 2, 3, 4], 1, 3, "a")
    b = tree.add([1, 2, 5], 1, 2, "b")
    assert (a, b) == (0, 1)
    # A token after a path's last scored row is only that row's target, never decoded: 4 and 5.
    assert len(tree.nodes) == 3
    assert tree.nodes[0].seqs == [0, 1] and tree.nodes[1].seqs == [0, 1]
    assert tree.nodes[2].seqs == [0]
    assert [n.pos for n in tree.nodes] == [0, 1, 2]
    # Rows: depths 1 and 2 of the first; depth 1 of the second is the same node, so two in all.
    assert [n.want for n in tree.nodes] == [False, True, True]
    assert tree.rows == 2
    assert tree.paths[1][0] == (1, 2, 5)  # the target stays in the path's key


def test_a_repeated_sequence_gains_an_owner_not_a_path():
    tree = TokenTree(max_nodes=512)
    tree.add([1, 2, 3], 1, 2, "a")
    assert tree.add([1, 2, 3], 1, 2, "b") == 0
    assert tree.paths[0][4] == ["a", "b"]
    # Scored over other rows it is another path, through the same nodes.
    assert tree.add([1, 2, 3], 0, 2, "c") == 1
    assert len(tree.nodes) == 2


def test_sequences_grown_from_a_cached_prefix_start_at_its_end():
    tree = TokenTree(max_nodes=512, seq_base=4)
    seq = tree.add([7, 8, 9], 0, 2, "x", root=("prefix", 0), pos0=10)
    assert seq == 4
    assert [n.pos for n in tree.nodes] == [10, 11]


def test_fits_counts_new_rows():
    tree = TokenTree(max_nodes=512)
    tree.add(list(range(MAX_ROWS)), 0, MAX_ROWS, "a")
    assert not tree.fits([999, 1000], 0)
    assert tree.fits(list(range(MAX_ROWS)), 0)


def test_a_prefix_inside_a_longer_one_shares_its_sequence():
    # The slots of one sentence ask for rows inside one prefix: one sequence id serves them all.
    from dyslexic_writer.runtime.llama import MAX_SEQUENCES

    tree = TokenTree(max_nodes=512)
    assert tree.add([1, 2, 3, 4], 3, 4, "long", share=True) == 0
    assert tree.add([1, 2], 1, 2, "short", share=True) == 0
    assert tree.n_seqs == 1 and tree.seq_of == [0, 0]
    assert [n.want for n in tree.nodes] == [False, True, False, True]
    # a prefix that leaves the longer one needs an id of its own; without `share`, so does any
    assert tree.add([1, 5], 1, 2, "other", share=True) == 1
    assert tree.add([1, 2, 3], 2, 3, "plain") == 2
    # however many share, the ids given out are what `fits` counts
    full = TokenTree(max_nodes=512, seq_base=MAX_SEQUENCES - 1)
    full.add([1, 2, 3], 2, 3, "a", share=True)
    assert full.fits([1, 2], 1, share=True)
    assert not full.fits([1, 9], 1, share=True)
