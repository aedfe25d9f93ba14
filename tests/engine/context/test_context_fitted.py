import math

import pytest

from dyslexic_writer.engine.context.fitted import FIT_FILE, FitParam, apply, grid, neutral, parse_params
from dyslexic_writer.engine.context.tuning import hand_tuning, shipped_tuning
from dyslexic_writer.package_data import load_yaml

SAMPLE = {"params": {
    "realword_offset": {"margins": ["slip", "common"], "values": [-1, 0], "note": "slips"},
    "prior_discount": {"setting": "prior_discount", "values": [0.25, 0.5], "note": "prior"},
}}


def test_parse_and_grid():
    params = parse_params(SAMPLE)
    assert params[0] == FitParam("realword_offset", (-1.0, 0.0), ("slip", "common"), "", "slips")
    assert grid(params) == [{"realword_offset": a, "prior_discount": b} for a in (-1.0, 0.0) for b in (0.25, 0.5)]


def test_a_parameter_names_margins_or_a_setting_not_both():
    with pytest.raises(ValueError, match="either margins or one setting"):
        parse_params({"params": {"x": {"margins": ["slip"], "setting": "prior_discount", "values": [0]}}})


def test_offsets_move_a_group_and_keep_its_spacing():
    base, params = hand_tuning(), parse_params(SAMPLE)
    t = apply(base, params, {"realword_offset": -1.0, "prior_discount": 0.25})
    assert t.margins["slip"] == base.margins["slip"] - 1 and t.margins["common"] == base.margins["common"] - 1
    assert t.margins["common"] - t.margins["slip"] == base.margins["common"] - base.margins["slip"]
    assert t.margins["homophone"] == base.margins["homophone"] and t.prior_discount == 0.25
    assert apply(base, params, neutral(params, base)) == base


def test_unknown_names_are_errors():
    base = hand_tuning()
    with pytest.raises(ValueError, match="unknown margin"):
        apply(base, (FitParam("x", (0.0,), margins=("nope",)),), {"x": 1.0})
    with pytest.raises(ValueError, match="unknown setting"):
        apply(base, (FitParam("x", (0.0,), setting="nope"),), {"x": 1.0})


def test_the_shipped_fit_file_is_valid_and_its_grid_holds_the_hand_set_values():
    params = parse_params(load_yaml(FIT_FILE))
    assert params and all(p.note for p in params)
    assert neutral(params, hand_tuning()) in grid(params)
    # whatever was fitted applies cleanly, and non-word corrections stay unconditional
    assert shipped_tuning().margins["nonword"] == -math.inf


def test_a_whole_number_setting_stays_whole():
    t = apply(hand_tuning(), (FitParam("w", (3.0, 6.0), setting="window_words"),), {"w": 6.0})
    assert t.window_words == 6 and isinstance(t.window_words, int)
