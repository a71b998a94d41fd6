"""`corpusclean names suggest`, the names options and the scripts option."""

import sys

import pytest

from corpusclean import clean
from corpusclean.names import Registry, canonicalize_names, parse_registry
from corpusclean.names.suggest import mine, suggest

from .conftest import SEEDS, seed_paths

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

# Our own corpus: one person spelled two ways, initials punctuated two ways,
# a surname with a variant spelling used alone, a place spelled two ways, and
# traps: two people sharing a surname, an inflected place name.
DOC_A = """\
The harbour commission met on Tuesday. Its chair, Teodor K. Brannigan, said the new quay would open in spring, and Mr. Brannigan repeated it twice.

Teodor K. Branigan, Annika Thorvald, Leopold Brandt

The engineer Anna Brandt, who is no relation of Leopold Brandt, disagreed. Ms. Brandt said the silt would return within a year unless the dredging went on.

The mayor, R.J. Okafor, travelled to Melitopol on Friday to sign the agreement with the port authority there.
"""

DOC_B = """\
A week later RJ Okafor was back from Mellitopol, where the port authority had agreed to share the cost of the dredging with the city.

Kovalenkoo said the harbour would not wait; critics of Mr. Kovalenko called the plan rushed. Meanwhile Dmytro Kovalenko, the deputy mayor, had already signed the contract in Melitopol, and Mr. Kovalenko said so.

Russian and Russia both appear here, in Russia and among the Russian crews, but neither is a variant of the other.
"""


def clusters_by_canonical():
    return {c.canonical: c for c in mine([DOC_A, DOC_B])}


def test_suggest_finds_people_and_places():
    found = clusters_by_canonical()
    brannigan = found["Teodor K. Brannigan"]
    assert brannigan.kind == "person" and brannigan.variants == ["Teodor K. Branigan"]
    assert brannigan.counts == {"Teodor K. Brannigan": 1, "Teodor K. Branigan": 1}
    okafor = [c for c in found.values() if "Okafor" in c.canonical]
    assert len(okafor) == 1 and set(okafor[0].counts) == {"R.J. Okafor", "RJ Okafor"}
    kovalenko = found["Dmytro Kovalenko"]
    assert kovalenko.variants == ["Kovalenkoo"] and kovalenko.counts["Kovalenkoo"] == 1
    assert kovalenko.references == 2  # Mr. Kovalenko
    melitopol = found["Melitopol"]
    assert melitopol.kind == "place" and melitopol.variants == ["Mellitopol"]
    assert melitopol.counts == {"Melitopol": 2, "Mellitopol": 1}


def test_suggest_never_merges_different_people_or_inflections():
    for cluster in mine([DOC_A, DOC_B]):
        forms = " ".join(cluster.counts)
        assert not ("Anna" in forms and "Leopold" in forms)
        assert "Russia" not in forms
    # people who share a surname get no cluster unless one of them is spelt
    # two ways, and their references by surname alone are nobody's
    assert not any("Brandt" in c.canonical for c in mine([DOC_A]))


def test_the_draft_is_a_registry_that_repairs_the_corpus():
    draft = suggest([DOC_A, DOC_B], ["a.txt", "b.txt"])
    tomllib.loads(draft)
    registry = parse_registry(draft, "draft.toml")
    assert isinstance(registry, Registry) and len(registry) == 4
    fixed = canonicalize_names(DOC_A + DOC_B, registry)
    assert "Branigan" not in fixed and "Mellitopol" not in fixed and "Kovalenkoo" not in fixed
    assert "Anna Brandt" in fixed and "Leopold Brandt" in fixed


def test_cli_suggest_writes_a_draft(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text(DOC_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(DOC_B, encoding="utf-8")
    proc = run_cli("names", "suggest", "a.txt", "b.txt")
    assert proc.returncode == 0, proc.stderr
    draft = proc.stdout.decode()
    assert 'canonical = "Teodor K. Brannigan"' in draft
    assert "4 clusters" in proc.stderr.decode()
    proc = run_cli("names", "suggest", "a.txt", "b.txt", "-o", "draft.toml", "-q")
    assert proc.returncode == 0 and proc.stdout == b"" and proc.stderr == b""
    assert (tmp_path / "draft.toml").read_text(encoding="utf-8") == draft
    # and the draft is used as it is
    proc = run_cli("--names", "draft.toml", "b.txt")
    assert proc.returncode == 0
    assert "Melitopol, where" in proc.stdout.decode()


def test_cli_names_help_and_errors(run_cli):
    proc = run_cli("names", "suggest", "--help")
    assert proc.returncode == 0
    text = proc.stdout.decode()
    assert "draft names registry" in text and "different people" in text
    assert run_cli("names").returncode == 2
    assert run_cli("names", "guess", "x").returncode == 2
    assert run_cli("names", "suggest").returncode == 2  # PATH is required
    proc = run_cli("names", "suggest", "missing.txt")
    assert proc.returncode == 2 and b"missing.txt" in proc.stderr
    assert "names suggest" in run_cli("--help").stdout.decode()


def test_cli_options_are_documented(run_cli):
    text = run_cli("check", "--help").stdout.decode()
    for option in ("--scripts", "--names", "--name-threshold"):
        assert option in text


def test_check_says_once_that_there_is_no_registry(run_cli, tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Zelenskyy went to Odessa.\nZelenskyy came back.\n", encoding="utf-8")
    proc = run_cli("check", "--isolated", "a.txt", "b.txt")
    assert proc.stderr.decode().count("no names registry") == 1
    proc = run_cli("check", "--isolated", "-q", "a.txt", "b.txt")
    assert b"no names registry" not in proc.stderr
    proc = run_cli("check", "--isolated", "--names", "seeds", "a.txt", "b.txt")
    assert b"no names registry" not in proc.stderr
    lines = [l for l in proc.stdout.decode().splitlines() if ": names: " in l]
    assert len(lines) == 6  # Zelenskyy twice and Odessa once, in each file


def test_cli_names_and_threshold_options(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text("The premier, Olexandr Petrenko, spoke.\n", encoding="utf-8")
    proc = run_cli("--isolated", "--names", "seeds", "a.txt")
    assert proc.stdout.decode() == "The premier, Oleksandr Petrenko, spoke.\n"
    (tmp_path / "b.txt").write_text("The premier, Olexandr Petrenkko, spoke.\n", encoding="utf-8")
    proc = run_cli("--isolated", "--names", "seeds", "--name-threshold", "99", "b.txt")
    assert proc.stdout.decode() == "The premier, Olexandr Petrenkko, spoke.\n"
    proc = run_cli("--isolated", "--names", "seeds", "--name-threshold", "150", "b.txt")
    assert proc.returncode == 2 and b"name_threshold" in proc.stderr
    proc = run_cli("--isolated", "--names", "nowhere.toml", "b.txt")
    assert proc.returncode == 2 and b"nowhere.toml" in proc.stderr


def test_cli_scripts_option(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text("Rустем Умеров met the c\u043euncil.\n", encoding="utf-8")
    assert run_cli("--isolated", "a.txt").stdout.decode() == "Рустем Умеров met the council.\n"
    assert run_cli("--isolated", "--scripts", "latin", "a.txt").stdout.decode() == "Rustem Umerov met the council.\n"
    assert run_cli("--isolated", "--scripts", "keep", "a.txt").stdout.decode() == "Rустем Умеров met the c\u043euncil.\n"


@pytest.mark.skipif(not seed_paths(), reason="shared seeds not present")
def test_suggest_on_the_seeds():
    texts = [clean(p.read_text(encoding="utf-8"), ignore=["names"]) for p in seed_paths()]
    clusters = mine(texts)
    forms = [set(c.counts) | {c.canonical} for c in clusters]

    def has(*names):
        return any(all(n in f for n in names) for f in forms)

    assert has("Elbridge A. Colby", "Eldridge A. Colby")
    assert has("Zelenskyy") and any("Zelensky" in n for f in forms for n in f if "Zelenskyy" not in n)
    assert has("Odesa", "Odessa")
    assert has("J.D. Vance", "JD Vance")
    for f in forms:  # no cluster merges different people
        joined = " ".join(f)
        assert not ("William" in joined and "Elbridge" in joined)
        assert not ("Hunter" in joined and "Joseph" in joined)
        assert len({n.split()[0] for n in f if len(n.split()) > 1 and not n.split()[0].endswith(".")}) <= 2
    assert SEEDS.is_dir()
