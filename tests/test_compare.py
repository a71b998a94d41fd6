"""benchmarks/compare.py end to end on tiny corpora: tables, JSON, a tool that is missing."""

import json
import re

import compare
from compare import Peer, run, update_readme


def _missing():
    import corpusclean_no_such_tool  # noqa: F401

    raise AssertionError("unreachable")


def test_a_missing_tool_is_reported_and_skipped(tmp_path):
    peers = [compare.PEERS[0], compare.PEERS[1], Peer("ghost", "ghost-dist", "ghost.clean(text)", _missing)]
    lines = []
    table = run(peers, [0.02], 1, 4, 1, tmp_path, None, False, "python benchmarks/compare.py --test", lines.append)

    assert "| ghost | - | **skipped**: not installed (ModuleNotFoundError" in table
    assert any("ghost" in line and "skipped" in line for line in lines)
    assert (tmp_path / "compare.md").read_text(encoding="utf-8") == table
    assert not (tmp_path / "compare.png").exists()
    data = json.loads((tmp_path / "compare.json").read_text(encoding="utf-8"))
    assert data["tools"]["ghost"]["skipped"].startswith("not installed")
    assert set(data["quality"]["tools"]) == {compare.UNREPAIRED, "corpusclean", "ftfy"}
    speed = data["speed"]["sizes"]["0.02"]["mb_per_s"]
    assert set(speed) == {"corpusclean", "ftfy"}
    assert re.search(r"\| corpusclean \| [\d.]+ \(1\.00×\) \|", table)
    # the character rules repair what they repair, whatever the document
    by_type = data["quality"]["tools"]["corpusclean"]["repaired_by_type"]
    assert by_type["escapes"] == 1.0 and by_type["mojibake"] == 1.0
    assert data["quality"]["tools"][compare.UNREPAIRED]["repaired"] == 0.0
    assert data["machine"]["cores"] >= 1


def test_readme_section_is_replaced_not_repeated(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("# title\n\nintro\n", encoding="utf-8")
    update_readme(readme, "first table\n")
    update_readme(readme, "second table\n")
    text = readme.read_text(encoding="utf-8")
    assert text.count(compare.BEGIN) == 1 and text.count("## Compared with other tools") == 1
    assert "second table" in text and "first table" not in text
    assert text.startswith("# title\n\nintro\n")
