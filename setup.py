"""Build hook: compile the dictionary index into the wheel, so a source install's first start
does not spend half a minute building it (issue 32). All metadata lives in pyproject.toml.

The index is built by the app's own code (`python -m dyslexic_writer.engine.lexicon`), run from
the freshly staged build folder in a child process, with the word-list packages that
pyproject.toml's [build-system] lists. An editable install (`pip install -e`) skips it: the app
then builds the index into the cache on first use, as before. A failed build only warns, for the
same reason: the app can always build the index itself.
"""

import os
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithIndex(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False) or os.environ.get("DW_SKIP_INDEX_BUILD"):
            return
        build_lib = str(Path(self.build_lib).resolve())
        env = {**os.environ, "PYTHONPATH": build_lib + os.pathsep + os.environ.get("PYTHONPATH", "")}
        self.announce("building the dictionary index (about 30 s, once per install)", level=2)
        folder = Path(build_lib, "dyslexic_writer", "resources", "index")  # engine/lexicon/index.py's FOLDER
        done = subprocess.run([sys.executable, "-m", "dyslexic_writer.engine.lexicon", str(folder)], env=env,
                              capture_output=True, text=True)
        if done.returncode != 0:
            tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
            print("warning: the dictionary index was not built into the package; the app will build it on "
                  "first start instead.\n  " + "\n  ".join(tail), file=sys.stderr)


setup(cmdclass={"build_py": BuildPyWithIndex})
