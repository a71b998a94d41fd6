"""Fuzzing, run briefly: hypothesis with large repetitive inputs, and the
atheris target in tests/fuzz_clean.py.

Repetition is what makes a regular expression or a scan super-linear, so
the large inputs repeat a short unit (with a prefix and a suffix) up to
200,000 characters; each must be cleaned within a generous deadline.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpusclean import apply_edits, clean, repair

from .conftest import ROOT
from .strategies import _PIECES

unit = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), min_size=1, max_size=6).map("".join)
large = st.tuples(st.text(max_size=20), unit.filter(bool), st.integers(10_000, 200_000), st.text(max_size=20)).map(
    lambda t: t[0] + (t[1] * (t[2] // len(t[1]) + 1))[: t[2]] + t[3]
)


@pytest.mark.slow
@settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "25")),
    deadline=timedelta(seconds=20),  # a budget, not a speed: quadratic takes minutes
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(large, st.sampled_from(["keep", "curly", "straight"]))
def test_large_repetitive_inputs(text, quotes):
    result = repair(text, quotes=quotes)
    assert apply_edits(text, result.edits) == result.text
    assert clean(text, quotes=quotes) == result.text


@pytest.mark.slow
def test_atheris_target_runs_briefly(tmp_path):
    pytest.importorskip("atheris")  # in the test extra on Linux x86-64, where .ci/run runs
    env = {k: v for k, v in os.environ.items() if k != "PYTHONWARNINGS"}
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "fuzz_clean.py"), "-runs=3000", "-max_len=8192",
         "-timeout=20", "-seed=1", f"-artifact_prefix={tmp_path}/"],
        capture_output=True, timeout=300, env=env, cwd=tmp_path,
    )
    log = proc.stderr.decode(errors="replace")
    assert proc.returncode == 0, log[-3000:]
    assert "Done 3000 runs" in log
