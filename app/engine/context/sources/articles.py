"""An article where no noun can follow it ("the was" -> there, "a said" -> and;
`agreement.article_slips`)."""

from __future__ import annotations

from typing import Iterator

from ...agreement import article_slips
from ...types import Kind
from ..source import Offer, Source, Written


def propose(word: Written) -> Iterator[Offer]:
    if word.after is not None:
        for alt in article_slips(word.low, word.after.group(1)):
            yield alt, ARTICLE.name


ARTICLE = Source("article", Kind.SPELLING, propose=propose)
