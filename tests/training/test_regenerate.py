"""`train regenerate`: every learned resource from one tiny data folder, in order, each stamped."""

import json

from dyslexic_writer.training.provenance import fingerprint, recorded
from dyslexic_writer.training.regenerate import STAGES, generated_files, run

BIRKBECK = "".join(f"${right}\n{wrong}\n" for wrong, right in (
    ("recieve", "receive"), ("freind", "friend"), ("becuase", "because"), ("frend", "friend"),
    ("wen", "when"), ("woz", "was"), ("sed", "said"), ("peple", "people"), ("thay", "they"), ("cave", "gave"),
    ("cave", "gave"),
))


def test_every_stage_runs_in_order_and_records_its_inputs(tmp_path, pair_corpora):
    data = pair_corpora(BIRKBECK, extra="0,because,becos\n", github="teh,the,2\n")
    (data / "synthetic").mkdir()
    (data / "synthetic" / "synthetic_homophones_gemini3.json").write_text(
        json.dumps([{"original": "I went their.", "corrected": "I went there."}] * 2))
    out = tmp_path / "resources"
    log = []
    seconds = run(data, out, sample=50, log=log.append)
    assert list(seconds) == list(STAGES) == ["channel", "misspellings", "confusions", "ranker"]
    assert [line.split("]")[0] for line in log if line.startswith("[") and line.endswith(" ...")] == \
        ["[1/4", "[2/4", "[3/4", "[4/4"]
    for path in generated_files(out):
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# Written by `dyslexic-writer train regenerate`"), path.name
        files, digest = recorded(text)
        assert digest == fingerprint(data, files)
    confusions = (out / "real_words.yaml").read_text(encoding="utf-8")
    assert "synthetic/synthetic_homophones_gemini3.json" in recorded(confusions)[0]
    assert "their: [there]" in confusions
