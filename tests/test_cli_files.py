"""Many files: --jobs keeps the order, --recursive and --exclude, symlinks."""

import os

from corpusclean import clean

DIRTY = "Price: \\$6.00  \n\n\n\nThe caf\u00c3\u00a9 opened.\n"


def make_docs(folder, n):
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(n):
        path = folder / f"doc{k:03d}.txt"
        # every other file is already clean; sizes differ so workers finish out of order
        text = (DIRTY if k % 2 else clean(DIRTY)) * (1 + (7 * k) % 13) + f"number {k}\n"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_jobs_keep_input_order_for_stdout_check_and_fix(run_cli, tmp_path):
    paths = make_docs(tmp_path / "docs", 40)
    names = [str(p.relative_to(tmp_path)) for p in paths]
    expected = "".join(clean(p.read_text(encoding="utf-8")) for p in paths)
    one = run_cli("--jobs", "1", *names)
    two = run_cli("--jobs", "2", *names)
    assert one.returncode == two.returncode == 0
    assert one.stdout.decode() == two.stdout.decode() == expected
    check1 = run_cli("check", "-j", "1", *names)
    check2 = run_cli("check", "-j", "2", *names)
    assert check1.returncode == check2.returncode == 1
    assert check1.stdout == check2.stdout
    reported = [line.split(":")[0] for line in check2.stdout.decode().splitlines()]
    assert reported == sorted(reported) and len(set(reported)) == 20
    fixed = run_cli("fix", "--jobs", "2", *names)
    assert fixed.returncode == 1
    messages = [line for line in fixed.stderr.decode().splitlines() if line.startswith("fixed ")]
    assert [m.split()[1] for m in messages] == names[1::2]  # in input order
    assert "20 of 40 files changed" in fixed.stderr.decode()
    assert "".join(p.read_text(encoding="utf-8") for p in paths) == expected


def test_errors_in_parallel_runs_do_not_stop_the_others(run_cli, tmp_path):
    paths = make_docs(tmp_path, 6)
    (tmp_path / "bad.txt").write_bytes(b"ok \xff no\n")
    names = [p.name for p in paths[:3]] + ["bad.txt", "missing.txt"] + [p.name for p in paths[3:]]
    proc = run_cli("fix", "--jobs", "2", *names)
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert "bad.txt: invalid UTF-8 at byte 3" in err and "missing.txt: no such file" in err
    assert all(p.read_text(encoding="utf-8") == clean(p.read_text(encoding="utf-8")) for p in paths)
    assert (tmp_path / "bad.txt").read_bytes() == b"ok \xff no\n"


def test_bad_jobs_value_is_a_usage_error(run_cli):
    proc = run_cli("--jobs", "0", stdin=b"x")
    assert proc.returncode == 2 and "positive whole number" in proc.stderr.decode()


def build_tree(root):
    (root / "corpus" / "sub").mkdir(parents=True)
    (root / "corpus" / "drafts").mkdir()
    (root / "corpus" / ".git").mkdir()
    (root / "corpus" / "a.txt").write_text(DIRTY)
    (root / "corpus" / "sub" / "b.md").write_text(DIRTY)
    (root / "corpus" / "drafts" / "c.txt").write_text(DIRTY)
    (root / "corpus" / "sub" / "notes.log").write_text(DIRTY)
    (root / "corpus" / ".git" / "HEAD").write_text(DIRTY)
    (root / "corpus" / ".hidden.txt").write_text(DIRTY)
    (root / "corpus" / "photo.jpg").write_bytes(b"\xff\xd8\xff\x00\x10JFIF")
    os.symlink("a.txt", root / "corpus" / "link.txt")
    os.symlink("sub", root / "corpus" / "linked-folder")


def test_recursive_walks_skips_hidden_symlinks_binary(run_cli, tmp_path):
    build_tree(tmp_path)
    proc = run_cli("fix", "-r", "corpus")
    assert proc.returncode == 1
    err = proc.stderr.decode()
    changed = {"a.txt", "sub/b.md", "drafts/c.txt", "sub/notes.log"}
    for rel in changed:
        assert (tmp_path / "corpus" / rel).read_text() == clean(DIRTY), rel
    assert (tmp_path / "corpus" / ".git" / "HEAD").read_text() == DIRTY
    assert (tmp_path / "corpus" / ".hidden.txt").read_text() == DIRTY
    assert "corpus/photo.jpg: binary file" in err
    assert "corpus/link.txt: symbolic link, skipped" in err
    assert "corpus/linked-folder: symbolic link, skipped" in err
    assert "4 of 4 files changed" in err  # the binary file is only reported


def test_exclude_from_option_and_config(run_cli, tmp_path):
    build_tree(tmp_path)
    proc = run_cli("check", "-r", "corpus", "--exclude", "drafts,*.log")
    listed = {line.split(":")[0] for line in proc.stdout.decode().splitlines()}
    assert listed == {"corpus/a.txt", "corpus/sub/b.md"}
    (tmp_path / "pyproject.toml").write_text('[tool.corpusclean]\nexclude = ["sub"]\n')
    proc = run_cli("check", "-r", "corpus", "--exclude", "*.log")
    listed = {line.split(":")[0] for line in proc.stdout.decode().splitlines()}
    assert listed == {"corpus/a.txt", "corpus/drafts/c.txt"}


def test_symlink_named_on_command_line_is_skipped_not_followed(run_cli, tmp_path):
    (tmp_path / "real.txt").write_text(DIRTY)
    os.symlink("real.txt", tmp_path / "link.txt")
    proc = run_cli("fix", "link.txt")
    assert proc.returncode == 0
    assert "link.txt: symbolic link, skipped" in proc.stderr.decode()
    assert (tmp_path / "real.txt").read_text() == DIRTY
    assert os.path.islink(tmp_path / "link.txt")


def test_fix_without_permission_keeps_file_and_names_it(tmp_path, monkeypatch, capsys):
    """A folder we may not write to (simulated: root may write anywhere)."""
    import errno

    from corpusclean.cli import files
    from corpusclean.cli.main import main

    path = tmp_path / "doc.txt"
    path.write_text(DIRTY)
    other = tmp_path / "other.txt"
    other.write_text(DIRTY)

    def refuse(*args, dir=None, **kwargs):
        if str(dir) == str(tmp_path) and not refuse.once:
            refuse.once = True
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_mkstemp(*args, dir=dir, **kwargs)

    refuse.once = False
    real_mkstemp = files.tempfile.mkstemp
    monkeypatch.setattr(files.tempfile, "mkstemp", refuse)
    status = main(["fix", "--jobs", "1", str(path), str(other)])
    err = capsys.readouterr().err
    assert status == 2
    assert f"{path}: cannot write, file left unchanged: Permission denied" in err
    assert path.read_text() == DIRTY
    assert other.read_text() == clean(DIRTY)  # the error did not stop the next file


def test_help_explains_the_new_options(run_cli):
    for command in ([], ["check"], ["fix"]):
        out = " ".join(run_cli(*command, "--help").stdout.decode().split())
        for option in ("--jobs", "--recursive", "--exclude", "--jsonl", "--text-field", "--chunk-size", "-q"):
            assert option in out, (command, option)
        assert ("--edits-field" in out) is (command != ["check"])
        assert "progress bar" in out and "worker processes" in out
