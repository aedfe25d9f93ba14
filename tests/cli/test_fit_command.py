"""`bench-cv --from-results`: the choice and the report from saved per-writer counts, no model."""

import json

import yaml

from dyslexic_writer.bench.cv import tallies_to_json
from dyslexic_writer.bench.errors import ErrorTally
from dyslexic_writer.cli import main
from dyslexic_writer.engine.context.fitted import FIT_FILE, grid, neutral, parse_params
from dyslexic_writer.engine.context.tuning import hand_tuning
from dyslexic_writer.package_data import load_yaml


def _counts(recalled: int, false_alarms: int) -> ErrorTally:
    return ErrorTally(gold=10, recalled=recalled, correct=recalled, made=recalled + false_alarms,
                      false_alarms=false_alarms, words=1000, lines=5)


def test_chooses_within_the_false_alarm_ceiling_and_writes_the_values(tmp_path, capsys):
    params = parse_params(load_yaml(FIT_FILE))
    settings = grid(params)
    start = neutral(params, hand_tuning())
    loose = settings[0] if settings[0] != start else settings[1]
    other = settings[-1]
    results = []
    for s in settings:
        if s == loose:  # the most recall, with false alarms far past the ceiling
            results.append({w: _counts(9, 6) for w in ("w1", "w2", "w3")})
        elif s == other:  # better than the hand-set values, within the ceiling
            results.append({w: _counts(7, 1) for w in ("w1", "w2", "w3")})
        else:
            results.append({w: _counts(5, 1) for w in ("w1", "w2", "w3")})
    saved = tmp_path / "results.json"
    saved.write_text(json.dumps({"settings": settings, "results": tallies_to_json(results)}))
    out = tmp_path / "fitted.yaml"
    assert main(["bench-cv", "unused.tsv", "--from-results", str(saved), "--json", "--write", str(out)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["chosen"] == other
    assert all(w["fold_choice"] == other for w in report["per_writer"])
    assert report["before"]["recall"] == 0.5 and report["cross_validated"]["recall"] == 0.7
    written = yaml.safe_load(out.read_text())
    assert written["values"] == other and written["cross_validated"]["recall"] == 0.7
    assert written["objective"] == {"max_false_alarms_per_1000": 1.8, "min_precision": 0.0}


def test_another_objective_can_be_tried_on_saved_results(tmp_path, capsys):
    params = parse_params(load_yaml(FIT_FILE))
    settings = grid(params)
    start = neutral(params, hand_tuning())
    loose, precise = [s for s in settings if s != start][:2]
    results = []
    for s in settings:
        if s == loose:  # the most recall, but half its changes are wrong
            results.append({w: _counts(8, 8) for w in ("w1", "w2")})
        elif s == precise:
            results.append({w: _counts(6, 0) for w in ("w1", "w2")})
        else:
            results.append({w: _counts(4, 1) for w in ("w1", "w2")})
    saved = tmp_path / "results.json"
    saved.write_text(json.dumps({"settings": settings, "results": tallies_to_json(results)}))
    args = ["bench-cv", "unused.tsv", "--from-results", str(saved), "--json"]
    assert main(args + ["--max-false-alarms", "10"]) == 0
    assert json.loads(capsys.readouterr().out)["chosen"] == loose
    assert main(args + ["--max-false-alarms", "10", "--min-precision", "0.8"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["chosen"] == precise and report["cross_validated"]["precision"] == 1.0


def test_results_from_another_grid_are_refused(tmp_path):
    saved = tmp_path / "results.json"
    saved.write_text(json.dumps({"settings": [{"x": 1.0}], "results": [{}]}))
    try:
        main(["bench-cv", "unused.tsv", "--from-results", str(saved)])
    except SystemExit as exc:
        assert "another grid" in str(exc)
    else:
        raise AssertionError("a mismatched grid was accepted")
