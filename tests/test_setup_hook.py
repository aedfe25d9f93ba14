"""setup.py's build hook compiles the dictionary index into the package a wheel installs, so a
source install's first start does not build it (issue 32)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_a_built_package_carries_a_current_dictionary_index(tmp_path):
    lib = tmp_path / "lib"
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    env.pop("DW_SKIP_INDEX_BUILD", None)
    done = subprocess.run([sys.executable, "setup.py", "-q", "build_py", "--build-lib", str(lib)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "was not built" not in done.stderr
    index = lib / "dyslexic_writer" / "resources" / "index"
    files = list(index.glob("lexicon-v*.sqlite"))
    assert len(files) == 1
    from dyslexic_writer.engine.lexicon import is_current
    from dyslexic_writer.engine.lexicon.index import index_name

    assert files[0].name == index_name() and is_current(files[0])
    # the staged package is the one the index lookup finds there
    assert (lib / "dyslexic_writer" / "engine" / "lexicon" / "index.py").is_file()
