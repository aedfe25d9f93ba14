"""The context engine's tuning (`context.tuning`): the shipped file, its notes, and its errors."""

import math
from dataclasses import fields, replace

import pytest
import yaml
from context_fakes import MARGINS, FakeScorer

from dyslexic_writer.engine.context import ContextEngine, Tuning, shipped_tuning, tuning_from
from dyslexic_writer.engine.context.tuning import hand_tuning
from dyslexic_writer.engine.context.registry import SOURCES
from dyslexic_writer.package_data import read_text


def _shipped_file():
    return yaml.safe_load(read_text("dyslexic_writer.resources", "tuning.yaml"))


def test_margins_order():
    # Where the written word is least likely meant, the bar is lowest.
    assert MARGINS["nonword"] == -math.inf
    assert MARGINS["contraction_cued"] < MARGINS["homophone"] < MARGINS["rare"]


def test_the_shipped_file_sets_every_value_with_a_note():
    data = _shipped_file()
    assert set(data) == {f.name for f in fields(Tuning)}
    assert set(data["margins"]) == set(SOURCES)
    entries = [v for k, v in data.items() if k != "margins"] + list(data["margins"].values())
    assert all(set(e) == {"value", "note"} and e["note"].strip() for e in entries)


def test_the_dataclass_defaults_are_the_hand_set_values():
    # a setting left out of the file keeps the same number
    assert Tuning() == hand_tuning()


def test_the_shipped_tuning_is_the_hand_set_values_with_the_fitted_parameters():
    from dyslexic_writer.engine.context.fitted import FIT_FILE, FITTED_FILE, apply, parse_params
    from dyslexic_writer.package_data import load_yaml

    fitted = load_yaml(FITTED_FILE)["values"]
    assert shipped_tuning() == apply(hand_tuning(), parse_params(load_yaml(FIT_FILE)), fitted)


def test_a_missing_setting_keeps_its_default():
    data = _shipped_file()
    del data["slip_options"], data["margins"]["slip"]
    tuning = tuning_from(data)
    assert tuning.slip_options == Tuning().slip_options and tuning.margins["slip"] == Tuning().margins["slip"]


@pytest.mark.parametrize("change, message", [
    ({"slip_optoins": {"value": 5, "note": "a typo"}}, "unknown setting 'slip_optoins'"),
    ({"margins": {"homophones": {"value": 2.0, "note": "a typo"}}}, "unknown source 'homophones'"),
    ({"slip_options": 5}, "slip_options must be {value"),
    ({"slip_options": {"value": 5, "note": ""}}, "one-line note"),
    ({"slip_options": {"value": 5.5, "note": "not whole"}}, "slip_options must be a whole number"),
    ({"prior_discount": {"value": "half", "note": "words"}}, "prior_discount must be a number"),
])
def test_a_bad_setting_is_an_error_that_names_it(change, message):
    with pytest.raises(ValueError, match=message.replace("{", r"\{").replace("(", r"\(")):
        tuning_from(change)


def test_margins_must_name_every_source():
    with pytest.raises(ValueError, match="missing"):
        replace(shipped_tuning(), margins={"slip": 1.0})


def test_the_engine_decides_by_the_tuning_it_was_given(engine):
    text = "I went their yesterday."
    assert ContextEngine(engine, FakeScorer(liked=["there"])).check(text).corrected == "I went there yesterday."
    # margins far above the fake model's preference keep the written word
    strict = replace(shipped_tuning(), margins={k: v + 20 for k, v in MARGINS.items()}, slip_clear_margin=math.inf)
    assert ContextEngine(engine, FakeScorer(liked=["there"]), tuning=strict).check(text).suggestions == ()
