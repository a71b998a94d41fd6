"""Shared test helpers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import Phase, settings

# Property tests run the same examples on every run, so that a CI result can
# be reproduced (a failure is reported as found, unshrunk: shrinking a
# document can take minutes); HYPOTHESIS_PROFILE=explore searches new
# examples each run (more of them), shrinks failures and keeps them in the
# local example database.
settings.register_profile(
    "repeatable",
    derandomize=True,
    print_blob=True,
    phases=(Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.explain),
)
settings.register_profile("explore", derandomize=False, max_examples=500, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

# The atheris fuzz target is run as a program (tests/test_fuzz.py), not imported.
collect_ignore = ["fuzz_clean.py"]

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
PEER_TESTS = ROOT.parent / "shared" / "peer-tests"
BENCHMARKS = ROOT / "benchmarks"

# The ground-truth documents, the artifact injector and the metrics live in
# benchmarks/ (they measure corpusclean from outside and import nothing from
# it); the tests import them as top-level modules, as compare.py does.
if str(BENCHMARKS) not in sys.path:
    sys.path.insert(0, str(BENCHMARKS))


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


@pytest.fixture
def run_cli(tmp_path):
    """Run the command line as a subprocess; returns CompletedProcess (bytes)."""

    def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None):
        env = dict(os.environ)
        env.pop("PYTHONWARNINGS", None)
        return subprocess.run(
            [sys.executable, "-m", "corpusclean", *args],
            input=stdin,
            capture_output=True,
            cwd=cwd or tmp_path,
            env=env,
            timeout=120,
        )

    return run
