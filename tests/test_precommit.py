"""The pre-commit hooks, driven by the real pre-commit tool.

pre-commit installs a hook from a git commit of its repository, so these
tests commit a copy of this working tree (uncommitted changes included) to a
temporary repository and let pre-commit install corpusclean from it, with
pip, into an environment of its own.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from corpusclean import clean

from .conftest import ROOT

pytestmark = pytest.mark.slow

DIRTY = "The caf\u00c3\u00a9 reopened on Monday.  \n\n\n\nIt charged \\$4 for tea.\n"
CLEAN = "The caf\u00e9 reopened on Monday.\n\nIt charged $4 for tea.\n"
PRE_COMMIT = [sys.executable, "-m", "pre_commit"]


def git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(
        ["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
        cwd=cwd, env=env, check=True, capture_output=True, text=True,
    ).stdout


def _source_files() -> list[str]:
    """The files of this working tree that git would commit."""
    if (ROOT / ".git").exists() and shutil.which("git"):
        listed = git(ROOT, "ls-files", "--cached", "--others", "--exclude-standard", "-z")
        return [p for p in listed.split("\0") if p and (ROOT / p).is_file()]
    skip = {".venv", ".git", "build", "dist", "__pycache__", ".hypothesis", "data"}
    return [
        str(p.relative_to(ROOT)) for p in ROOT.rglob("*")
        if p.is_file() and not skip.intersection(p.relative_to(ROOT).parts)
    ]


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> tuple[Path, str]:
    """A commit of this working tree, and its hash."""
    repo = tmp_path_factory.mktemp("corpusclean-hooks")
    for rel in _source_files():
        target = repo / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, target)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "working tree")
    return repo, git(repo, "rev-parse", "HEAD").strip()


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def run_pre_commit(project: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    env.pop("PYTHONWARNINGS", None)
    return subprocess.run(
        [*PRE_COMMIT, *args], cwd=project, env=env, capture_output=True, text=True, timeout=600
    )


def make_project(path: Path) -> Path:
    (path / "seeds").mkdir(parents=True)
    (path / "seeds" / "new-seed.txt").write_text(DIRTY, encoding="utf-8")
    (path / "notes.txt").write_text(DIRTY, encoding="utf-8")  # outside seeds/
    git(path, "init", "-q")
    git(path, "add", "-A")
    return path


def test_fix_hook_from_config_fails_fixes_then_passes(tmp_path, hook_repo, pre_commit_home):
    repo, rev = hook_repo
    project = make_project(tmp_path / "project")
    # the .pre-commit-config.yaml that README shows, pointing at the commit
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo}\n    rev: {rev}\n    hooks:\n"
        "      - id: corpusclean-fix\n        files: ^seeds/\n",
        encoding="utf-8",
    )
    git(project, "add", "-A")
    first = run_pre_commit(project, pre_commit_home, "run", "--all-files")
    assert first.returncode == 1, first.stdout + first.stderr
    assert "corpusclean fix" in first.stdout and "Failed" in first.stdout
    assert "files were modified by this hook" in first.stdout
    assert (project / "seeds" / "new-seed.txt").read_text(encoding="utf-8") == CLEAN == clean(DIRTY)
    assert (project / "notes.txt").read_text(encoding="utf-8") == DIRTY  # not under seeds/
    git(project, "add", "-A")
    second = run_pre_commit(project, pre_commit_home, "run", "--all-files")
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Passed" in second.stdout


def test_try_repo_check_hook_lists_repairs_and_args_apply(tmp_path, hook_repo, pre_commit_home):
    repo, _ = hook_repo
    project = make_project(tmp_path / "project")
    seed = project / "seeds" / "new-seed.txt"
    seed.write_text(DIRTY + "\u201cQuoted,\u201d she said.\n", encoding="utf-8")
    git(project, "add", "-A")
    proc = run_pre_commit(project, pre_commit_home, "try-repo", str(repo), "corpusclean-check", "--files", "seeds/new-seed.txt")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "seeds/new-seed.txt:1:8: mojibake" in proc.stdout
    assert "seeds/new-seed.txt:1:" in proc.stdout and "escapes" in proc.stdout
    assert "quotes" not in proc.stdout
    assert seed.read_text(encoding="utf-8").startswith(DIRTY)  # check never writes
    # args configure the hook: curly quotes stay, straight ones are asked for
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo}\n    rev: {git(repo, 'rev-parse', 'HEAD').strip()}\n    hooks:\n"
        "      - id: corpusclean-check\n        args: [--quotes, straight, --select, quotes]\n",
        encoding="utf-8",
    )
    git(project, "add", "-A")
    proc = run_pre_commit(project, pre_commit_home, "run", "--files", "seeds/new-seed.txt")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "quotes:" in proc.stdout and "mojibake" not in proc.stdout
