"""The command line, run as a subprocess: outputs, exit codes, bad input."""

import json
import os
import stat

import pytest

DIRTY = "Price: \\$6.00  \n\n\n\nThe caf\u00c3\u00a9 opened.\n"
CLEAN = "Price: $6.00\n\nThe caf\u00e9 opened.\n"


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def test_stdin_to_stdout(run_cli):
    proc = run_cli(stdin=DIRTY.encode())
    assert proc.returncode == 0
    assert proc.stdout.decode() == CLEAN


def test_dash_reads_stdin(run_cli):
    proc = run_cli("-", stdin=DIRTY.encode())
    assert proc.returncode == 0 and proc.stdout.decode() == CLEAN


def test_paths_to_stdout_in_order(run_cli, tmp_path):
    a = write(tmp_path / "a.txt", "first  \n")
    b = write(tmp_path / "b.txt", "second\\!\n")
    proc = run_cli(str(a), str(b))
    assert proc.returncode == 0
    assert proc.stdout.decode() == "first\nsecond!\n"


def test_empty_input_gives_empty_output(run_cli):
    proc = run_cli(stdin=b"")
    assert proc.returncode == 0 and proc.stdout == b""


def test_check_lines_and_exit_1(run_cli, tmp_path):
    path = write(tmp_path / "doc.txt", DIRTY)
    proc = run_cli("check", "doc.txt")
    assert proc.returncode == 1
    lines = proc.stdout.decode().splitlines()
    assert lines == [
        "doc.txt:1:8: escapes: markdown escape '\\$' -> '$'",
        "doc.txt:1:14: whitespace: trailing whitespace removed",
        "doc.txt:1:16: whitespace: 3 blank lines -> 1",
        "doc.txt:5:8: mojibake: mojibake repaired (ftfy)",
    ]
    assert path.read_text() == DIRTY  # check never writes


def test_check_clean_file_exit_0(run_cli, tmp_path):
    write(tmp_path / "ok.txt", CLEAN)
    proc = run_cli("check", "ok.txt")
    assert proc.returncode == 0
    assert proc.stdout == b""


def test_check_positions_in_crlf_file(run_cli, tmp_path):
    write(tmp_path / "dos.txt", "one\r\ntwo  \r\nthree \\#4\r\n")
    proc = run_cli("check", "dos.txt")
    assert proc.returncode == 1
    assert proc.stdout.decode().splitlines() == [
        "dos.txt:2:4: whitespace: trailing whitespace removed",
        "dos.txt:3:7: escapes: markdown escape '\\#' -> '#'",
    ]


def test_check_json(run_cli, tmp_path):
    write(tmp_path / "doc.txt", DIRTY)
    proc = run_cli("check", "--format", "json", "doc.txt")
    assert proc.returncode == 1
    records = json.loads(proc.stdout)
    assert [r["rule"] for r in records] == ["escapes", "whitespace", "whitespace", "mojibake"]
    first = records[0]
    assert (first["path"], first["line"], first["column"]) == ("doc.txt", 1, 8)
    assert (first["original"], first["replacement"]) == ("\\", "")


def test_check_diff(run_cli, tmp_path):
    write(tmp_path / "doc.txt", DIRTY)
    proc = run_cli("check", "--diff", "doc.txt")
    assert proc.returncode == 1
    out = proc.stdout.decode()
    assert out.startswith("--- a/doc.txt\n+++ b/doc.txt\n")
    assert "-Price: \\$6.00  \n+Price: $6.00\n" in out
    write(tmp_path / "ok.txt", CLEAN)
    proc = run_cli("check", "--diff", "ok.txt")
    assert proc.returncode == 0 and proc.stdout == b""


def test_fix_rewrites_in_place_keeps_mode(run_cli, tmp_path):
    path = write(tmp_path / "doc.txt", DIRTY)
    os.chmod(path, 0o640)
    proc = run_cli("fix", "doc.txt")
    assert proc.returncode == 1
    assert path.read_text() == CLEAN
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".doc.txt.")]
    again = run_cli("fix", "doc.txt")
    assert again.returncode == 0
    assert path.read_text() == CLEAN


def test_fix_keeps_crlf(run_cli, tmp_path):
    path = write(tmp_path / "dos.txt", "a  \r\n\r\n\r\nb\r\n")
    assert run_cli("fix", "dos.txt").returncode == 1
    assert path.read_bytes() == b"a\r\n\r\nb\r\n"


def test_invalid_utf8_names_file_and_byte_and_leaves_it(run_cli, tmp_path):
    raw = b"good line\nbad \xff byte  \n"
    path = write(tmp_path / "bad.txt", raw)
    for cmd in ("check", "fix"):
        proc = run_cli(cmd, "bad.txt")
        assert proc.returncode == 2
        err = proc.stderr.decode()
        assert "bad.txt" in err and "byte 14" in err
        assert "Traceback" not in err
        assert path.read_bytes() == raw


def test_errors_replace_goes_on(run_cli, tmp_path):
    path = write(tmp_path / "bad.txt", b"bad \xff byte  \n")
    proc = run_cli("fix", "--errors", "replace", "bad.txt")
    assert proc.returncode == 1
    assert path.read_text() == "bad \ufffd byte\n"


def test_invalid_utf8_on_stdin(run_cli):
    proc = run_cli(stdin=b"ok \xc3\x28 no")
    assert proc.returncode == 2
    assert "<stdin>" in proc.stderr.decode() and "byte 3" in proc.stderr.decode()
    assert proc.stdout == b""


def test_binary_file_skipped(run_cli, tmp_path):
    write(tmp_path / "img.bin", b"\x89PNG\x00\x00\x01")
    write(tmp_path / "doc.txt", DIRTY)
    proc = run_cli("check", "img.bin", "doc.txt")
    assert proc.returncode == 1  # the text file would change; the binary is only skipped
    assert "img.bin" in proc.stderr.decode() and "binary" in proc.stderr.decode()
    assert "doc.txt:1:8" in proc.stdout.decode()


def test_missing_file_is_error_but_others_processed(run_cli, tmp_path):
    path = write(tmp_path / "doc.txt", DIRTY)
    proc = run_cli("fix", "missing.txt", "doc.txt")
    assert proc.returncode == 2
    assert "missing.txt: no such file" in proc.stderr.decode()
    assert path.read_text() == CLEAN
    assert "Traceback" not in proc.stderr.decode()


def test_directory_without_recursive_is_error(run_cli, tmp_path):
    (tmp_path / "folder").mkdir()
    proc = run_cli("check", "folder")
    assert proc.returncode == 2
    assert "is a directory" in proc.stderr.decode()


def test_select_ignore_quotes_options(run_cli):
    proc = run_cli("--select", "escapes", stdin=DIRTY.encode())
    assert proc.stdout.decode() == DIRTY.replace("\\$", "$")
    proc = run_cli("--ignore", "escapes,mojibake", stdin=DIRTY.encode())
    assert "\\$" in proc.stdout.decode() and "caf\u00c3\u00a9" in proc.stdout.decode()
    proc = run_cli("--quotes", "curly", stdin=b'"Hi," I said.\n')
    assert proc.stdout.decode() == "\u201cHi,\u201d I said.\n"


def test_unknown_rule_is_a_usage_error(run_cli):
    proc = run_cli("--select", "nonsense", stdin=b"x")
    assert proc.returncode == 2
    assert "unknown rule 'nonsense'" in proc.stderr.decode()
    assert "Traceback" not in proc.stderr.decode()


def test_config_from_pyproject(run_cli, tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.corpusclean]\nquotes = "straight"\n')
    proc = run_cli(stdin="\u201cHi\u201d\n".encode())
    assert proc.stdout.decode() == '"Hi"\n'
    proc = run_cli("--isolated", stdin="\u201cHi\u201d\n".encode())
    assert proc.stdout.decode() == "\u201cHi\u201d\n"


def test_bad_config_names_key_and_file(run_cli, tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.corpusclean]\nquote = 'curly'\n")
    proc = run_cli(stdin=b"x")
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert "pyproject.toml" in err and "'quote'" in err
    assert "Traceback" not in err


def test_explicit_config_file(run_cli, tmp_path):
    cfg = write(tmp_path / "cc.toml", 'ignore = ["whitespace"]\n')
    proc = run_cli("--config", str(cfg), stdin=b"a  \n")
    assert proc.stdout == b"a  \n"


def test_quiet_silences_summary(run_cli, tmp_path):
    write(tmp_path / "doc.txt", DIRTY)
    proc = run_cli("fix", "-q", "doc.txt")
    assert proc.returncode == 1 and proc.stderr == b""


def test_help_explains(run_cli):
    for args in ([], ["check"], ["fix"]):
        proc = run_cli(*args, "--help")
        assert proc.returncode == 0
        out = proc.stdout.decode()
        assert "exit codes" in out and "--select" in out


def test_rules_lists_pipeline(run_cli):
    proc = run_cli("rules")
    assert proc.returncode == 0
    names = [line.split()[0] for line in proc.stdout.decode().splitlines()]
    assert names[:2] == ["controls", "mojibake"]


def test_fix_write_failure_leaves_file_and_names_it(tmp_path, monkeypatch, capsys):
    """A full disk (simulated: the write raises ENOSPC) loses nothing."""
    import errno

    from corpusclean.cli import files
    from corpusclean.cli.main import main

    path = write(tmp_path / "doc.txt", DIRTY)
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, fd, mode):
            self._fh = real_fdopen(fd, mode)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self._fh.close()

        def __getattr__(self, name):  # close, flush, fileno: the real file's
            return getattr(self._fh, name)

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fdopen", FullDisk)
    status = main(["fix", str(path)])
    err = capsys.readouterr().err
    assert status == 2
    assert str(path) in err and "No space left" in err
    assert path.read_text() == DIRTY
    assert [p.name for p in tmp_path.iterdir()] == ["doc.txt"]  # no temporary file left
