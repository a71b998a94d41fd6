"""Hostile and broken input: no rule may be super-linear.

Each input of benchmarks/hostile.py is cleaned by the command line in a
subprocess with a generous time limit (a quadratic rule takes minutes on
them); benchmarks/hostile.py reports the actual timings.  The inputs the
issue names are 1 MB; the others, found by fuzzing and by reading the rules,
are 250 KB.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import pytest

from .conftest import ROOT

_spec = importlib.util.spec_from_file_location("hostile_inputs", ROOT / "benchmarks" / "hostile.py")
hostile = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hostile)

NAMED = [
    "one character repeated",
    "'-\\n' repeated",
    "spaces",
    "one 1 MB line",
    "100,000 blank lines",
    "random bytes (--errors replace)",
    "all-caps credit lines repeated",
    "mixed-script words repeated",
    "paragraphs without closing punctuation",
]
OTHERS = [name for name in hostile.INPUTS if name not in NAMED]
LIMIT = 60  # seconds: generous; a super-linear rule needs minutes on these


def run_clean(tmp_path, data: str | bytes) -> subprocess.CompletedProcess[bytes]:
    path = tmp_path / "hostile.txt"
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass"))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONWARNINGS"}
    return subprocess.run(
        [sys.executable, "-m", "corpusclean", "--isolated", "--errors", "replace", "--jobs", "1", str(path)],
        capture_output=True, timeout=LIMIT, env=env,
    )


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMED)
def test_named_1mb_inputs_clean_in_time(tmp_path, name):
    data = hostile.INPUTS[name](hostile.MB)
    assert len(data) >= hostile.MB if name != "100,000 blank lines" else data.count("\n") >= 100_000
    proc = run_clean(tmp_path, data)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    assert b"Traceback" not in proc.stderr


@pytest.mark.slow
@pytest.mark.parametrize("name", OTHERS)
def test_other_hostile_inputs_clean_in_time(tmp_path, name):
    proc = run_clean(tmp_path, hostile.INPUTS[name](hostile.MB // 4))
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    assert b"Traceback" not in proc.stderr
