import pytest


@pytest.fixture
def pair_corpora(tmp_path):
    """A data folder holding tiny Birkbeck and Holbrook files (`$word` groups); returns the folder."""

    def make(birkbeck: str, holbrook: str):
        corpora = tmp_path / "corpora"
        corpora.mkdir()
        (corpora / "birkbeck.dat").write_text(birkbeck, encoding="utf-8")
        (corpora / "holbrook.dat").write_text(holbrook, encoding="utf-8")
        return tmp_path

    return make
