import pytest


@pytest.fixture
def pair_corpora(tmp_path):
    """A data folder holding tiny pair corpora: Birkbeck's `$word` groups, the extra lists'
    `,label,input` rows and the GitHub `misspelling,correct,edit_distance` rows; returns the folder."""

    def make(birkbeck: str, extra: str = "", github: str = ""):
        corpora = tmp_path / "corpora"
        corpora.mkdir()
        (corpora / "birkbeck.dat").write_text(birkbeck, encoding="utf-8")
        (corpora / "extra_misspellings.csv").write_text(",label,input\n" + extra, encoding="utf-8")
        (corpora / "github_typos_pairs.csv").write_text("misspelling,correct,edit_distance\n" + github, encoding="utf-8")
        return tmp_path

    return make
