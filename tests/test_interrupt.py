"""Ctrl-C in the middle of `fix`: every file is old or new, never half-written."""

import os
import signal
import subprocess
import sys
import time

import pytest

from corpusclean import clean

PARAGRAPH = "The caf\u00c3\u00a9 by the weir charged \\$4 for tea.  \n\n\n"


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigint_mid_run_leaves_every_file_old_or_new(tmp_path, jobs):
    old = {}
    for k in range(300):
        text = PARAGRAPH * (400 + k) + f"file {k}\n"
        path = tmp_path / f"doc{k:03d}.txt"
        path.write_text(text, encoding="utf-8")
        old[path] = text
    new = {path: clean(text) for path, text in old.items()}
    env = {k: v for k, v in os.environ.items() if k != "PYTHONWARNINGS"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "corpusclean", "fix", "--jobs", jobs, *sorted(p.name for p in old)],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
        # a shell's background job starts with SIGINT ignored, and a program
        # rightly keeps it so; Ctrl-C reaches a program that has the default
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 120
    paths = sorted(old)
    while time.monotonic() < deadline and proc.poll() is None:
        if paths[10].read_text(encoding="utf-8") == new[paths[10]]:
            break  # the run is well under way
        time.sleep(0.02)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    err = err.decode()
    assert proc.returncode == 130, err
    assert "corpusclean: interrupted" in err
    assert "Traceback" not in err
    states = []
    for path in paths:
        data = path.read_text(encoding="utf-8")
        assert data in (old[path], new[path]), f"{path.name} is neither old nor new"
        states.append(data == new[path])
    assert any(states) and not all(states)  # interrupted in the middle
    assert sorted(tmp_path.iterdir()) == paths  # no temporary file left behind
