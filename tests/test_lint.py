"""The code passes ruff with the project's configuration (pyproject.toml), so a plain pytest run catches
what `make test` would refuse."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_ruff_is_clean():
    ruff = Path(sys.executable).parent / "ruff"
    assert ruff.exists(), "ruff is pinned in requirements-dev.txt: pip install -r requirements-dev.txt"
    done = subprocess.run([str(ruff), "check", "--no-cache", "--output-format", "concise", "."], cwd=REPO,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
