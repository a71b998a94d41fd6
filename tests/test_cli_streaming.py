"""Big inputs: streamed a chunk at a time, same output as cleaning whole."""

import io
import json
import shutil
import subprocess
import sys

import pytest

from corpusclean import Config, clean
from corpusclean.chunking import chunk_spans
from corpusclean.cli import console as console_module
from corpusclean.cli.console import Console

PARAGRAPHS = [
    "The caf\u00c3\u00a9 by the weir reopened on Monday after the flood, its owner said.  ",
    "Tickets for the river festival cost \\$12 this year, up from \\$9, and sold out.",
    "\u201cWe waited for the water to go down,\u201d she said, \u201cand then we painted.\u201d",
    "The board did not say when the new pumps would arrive, or who would pay for them",
    "JANE DOE/RIVER PHOTO COOPERATIVE",
    "Residents along the lower bank said the pumps had failed twice since January.\t",
]


def big_text(megabytes: float, blank: str = "\n\n") -> str:
    parts = []
    size = 0
    k = 0
    while size < megabytes * 1_000_000:
        para = PARAGRAPHS[k % len(PARAGRAPHS)] + f" ({k})"
        parts.append(para)
        size += len(para) + len(blank)
        k += 1
    return blank.join(parts) + "\n"


SIZE = "60000"


@pytest.fixture(scope="module")
def text():
    return big_text(2.5, blank="\n\n\n")  # larger than one read block (1 MiB)


def test_streamed_file_and_stdin_equal_whole_clean(run_cli, tmp_path, text):
    (tmp_path / "big.txt").write_text(text, encoding="utf-8")
    config = Config(chunk_size=int(SIZE))
    assert len(chunk_spans(text, int(SIZE))) > 20
    expected = clean(text, config)
    from_file = run_cli("--chunk-size", SIZE, "big.txt")
    from_stdin = run_cli("--chunk-size", SIZE, stdin=text.encode())
    assert from_file.returncode == from_stdin.returncode == 0
    assert from_file.stdout.decode() == expected
    assert from_stdin.stdout.decode() == expected
    # and at safe boundaries, chunking changed nothing
    assert expected == clean(text)


def test_fix_streams_into_the_replacement_file(run_cli, tmp_path, text):
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8")
    proc = run_cli("fix", "--chunk-size", SIZE, "big.txt")
    assert proc.returncode == 1
    assert path.read_text(encoding="utf-8") == clean(text, Config(chunk_size=int(SIZE)))
    assert [p.name for p in tmp_path.iterdir()] == ["big.txt"]
    again = run_cli("fix", "--chunk-size", SIZE, "big.txt")
    assert again.returncode == 0


def test_check_reports_whole_file_positions_when_chunked(run_cli, tmp_path):
    text = big_text(1.5)  # one blank line between paragraphs: the same edits either way
    (tmp_path / "big.txt").write_text(text, encoding="utf-8")
    chunked = run_cli("check", "--chunk-size", SIZE, "big.txt")
    whole = run_cli("check", "big.txt")
    assert chunked.returncode == whole.returncode == 1
    assert chunked.stdout == whole.stdout
    lines = chunked.stdout.decode().splitlines()
    assert len(lines) > 1000 and lines[-1].startswith("big.txt:")
    chunked = run_cli("check", "--format", "json", "--chunk-size", SIZE, "big.txt")
    whole = run_cli("check", "--format", "json", "big.txt")
    assert json.loads(chunked.stdout) == json.loads(whole.stdout)


@pytest.mark.skipif(shutil.which("patch") is None, reason="needs patch(1)")
def test_chunked_diff_applies_with_patch(run_cli, tmp_path):
    text = big_text(0.3, blank="\n\n\n")
    (tmp_path / "big.txt").write_text(text, encoding="utf-8")
    proc = run_cli("check", "--diff", "--chunk-size", "20000", "big.txt")
    assert proc.returncode == 1
    (tmp_path / "big.diff").write_bytes(proc.stdout)
    subprocess.run(["patch", "-s", "-p1", "-i", "big.diff"], cwd=tmp_path, check=True)
    assert (tmp_path / "big.txt").read_text(encoding="utf-8") == clean(text, Config(chunk_size=20000))


def test_invalid_utf8_late_in_a_big_file_writes_nothing(run_cli, tmp_path, text):
    raw = text.encode() + b"tail \xff\n"
    path = tmp_path / "big.txt"
    path.write_bytes(raw)
    proc = run_cli("--chunk-size", SIZE, "big.txt")
    assert proc.returncode == 2 and proc.stdout == b""
    assert f"big.txt: invalid UTF-8 at byte {len(text.encode()) + 5}" in proc.stderr.decode()
    proc = run_cli("fix", "--chunk-size", SIZE, "big.txt")
    assert proc.returncode == 2 and path.read_bytes() == raw
    proc = run_cli("--errors", "replace", "--chunk-size", SIZE, "big.txt")
    assert proc.returncode == 0 and proc.stdout.decode().endswith("tail \ufffd\n")


def test_invalid_utf8_late_on_stdin_names_the_byte(run_cli, text):
    raw = text.encode() + b"tail \xff\n"
    proc = run_cli("--chunk-size", SIZE, stdin=raw)
    assert proc.returncode == 2
    assert f"<stdin>: invalid UTF-8 at byte {len(text.encode()) + 5}" in proc.stderr.decode()


def test_nul_late_in_a_big_file_is_skipped(run_cli, tmp_path, text):
    (tmp_path / "big.bin").write_bytes(text.encode() + b"\x00")
    proc = run_cli("--chunk-size", SIZE, "big.bin")
    assert proc.returncode == 0 and proc.stdout == b""
    assert "big.bin: binary file" in proc.stderr.decode()


@pytest.mark.slow
def test_memory_stays_bounded(tmp_path):
    """60 MB through stdin with 1 MB chunks: far less memory than the input."""
    plain = "".join(f"The board met again on day {k} and spoke about the weir. " * 3 + "\n\n" for k in range(20))
    text = (plain * (60_000_000 // len(plain))) + big_text(1)
    data = text.encode()
    # VmHWM: the peak resident memory of this process image (getrusage's
    # ru_maxrss would count the forked copy of the test runner too)
    proc = subprocess.run(
        [sys.executable, "-c",
         "import re, sys\n"
         "from corpusclean.cli.main import main\n"
         "status = main(['--isolated', '--chunk-size', '1000000'])\n"
         "status_file = open('/proc/self/status').read()\n"
         "sys.stderr.write(re.search(r'VmHWM:\\s+(\\d+)', status_file).group(1))\n"
         "sys.exit(status)\n"],
        input=data, capture_output=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    peak_mb = int(proc.stderr.decode().strip().splitlines()[-1]) / 1024
    assert peak_mb < 150, f"peak memory {peak_mb:.0f} MB for a {len(data) / 1e6:.0f} MB input"
    assert proc.stdout == clean(text, Config(chunk_size=1_000_000)).encode()


class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_only_on_a_terminal_and_not_quiet(monkeypatch):
    monkeypatch.setattr(console_module, "BAR_DELAY", 0)
    shown = FakeTerminal()
    console = Console(stream=shown)
    console.start(1000)
    console.advance(500)
    console.info("a message above the bar")
    console.advance(500)
    console.close()
    out = shown.getvalue()
    assert "corpusclean:" in out and "50%" in out and "a message above the bar" in out
    for quiet, stream in ((True, FakeTerminal()), (False, io.StringIO())):
        console = Console(quiet=quiet, stream=stream)
        console.start(1000)
        console.advance(1000)
        console.close()
        assert "%" not in stream.getvalue()


def test_no_progress_bar_in_a_pipe(run_cli, tmp_path):
    (tmp_path / "big.txt").write_text(big_text(0.5), encoding="utf-8")
    proc = run_cli("check", "big.txt", "big.txt")
    assert "%" not in proc.stderr.decode() and "\r" not in proc.stderr.decode()
