"""Contractions (`sources.apostrophes`)."""


def test_cued_contraction_is_kept_unless_the_model_objects(make):
    assert make().check("Wont be long.").corrected == "Won't be long."
    assert make(disliked=["won't"]).check("Wont be long.").corrected == "Wont be long."


def test_a_misplaced_apostrophe_keeps_its_own_explanation(make):
    (s,) = make(liked=["doesn't"]).check("It does'nt matter.").suggestions
    assert (s.best, s.explanation) == ("doesn't", "apostrophe in the wrong place: doesn't")
    (s,) = make(liked=["meant"]).check("He mean't it.").suggestions
    assert (s.best, s.explanation) == ("meant", "no apostrophe here: meant")
