"""--jsonl: one field of each record cleaned, nothing else touched or dropped."""

import json

from corpusclean import Config, clean, repair
from corpusclean.cli.jsonl import JsonlOptions, clean_record

DIRTY = "The caf\u00c3\u00a9 charged \\$4.  \n\n\n\nThen it closed."


def lines(stdout: bytes) -> list[str]:
    return stdout.decode("utf-8", "surrogateescape").splitlines(keepends=True)


def test_cleans_text_field_keeps_other_fields_and_order(run_cli):
    records = [
        {"id": k, "text": DIRTY if k % 2 else clean(DIRTY), "meta": {"source": f"s{k}", "score": 0.5 + k}}
        for k in range(6)
    ]
    data = "".join(json.dumps(r) + "\n" for r in records).encode()
    proc = run_cli("--jsonl", stdin=data)
    assert proc.returncode == 0
    out = [json.loads(line) for line in lines(proc.stdout)]
    assert [r["id"] for r in out] == list(range(6))
    for before, after in zip(records, out):
        assert after["text"] == clean(before["text"])
        assert after["meta"] == before["meta"] and list(after) == list(before)
    # records that needed nothing are passed through byte for byte
    assert lines(proc.stdout)[0] == json.dumps(records[0]) + "\n"


def test_malformed_and_odd_lines_pass_through_with_line_numbers(run_cli):
    data = (
        json.dumps({"text": DIRTY}) + "\n"
        + '{"text": "unterminated\n'
        + json.dumps({"body": DIRTY}) + "\n"
        + json.dumps({"text": 42}) + "\n"
        + "\n"
        + "[1, 2]\n"
        + json.dumps({"text": None}) + "\n"
    ).encode() + b'{"text": "bad \xff byte"}\n' + json.dumps({"text": DIRTY}).encode()
    proc = run_cli("--jsonl", stdin=data)
    assert proc.returncode == 2  # a malformed line is an error, but nothing stops
    out = lines(proc.stdout)
    src = data.decode("utf-8", "surrogateescape").splitlines(keepends=True)
    assert len(out) == len(src) == 9
    assert json.loads(out[0])["text"] == clean(DIRTY) and json.loads(out[8])["text"] == clean(DIRTY)
    assert out[1:7] == src[1:7]  # passed through unchanged
    assert proc.stdout.splitlines()[7] == b'{"text": "bad \xff byte"}'
    err = proc.stderr.decode()
    assert "<stdin>:2: malformed JSON" in err
    assert "<stdin>:3: no 'text' field" in err
    assert "<stdin>:4: field 'text' is int" in err
    assert "<stdin>:6: not a JSON object" in err
    assert "<stdin>:7: field 'text' is NoneType" in err
    assert "<stdin>:8: invalid UTF-8 at byte 14" in err
    assert ":5:" not in err  # a blank line is kept quietly
    assert not out[8].endswith("\n")  # the last line keeps its missing newline


def test_text_field_and_edits_field(run_cli, tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({"body": DIRTY, "text": "keep\\$"}) + "\r\n", encoding="utf-8")
    proc = run_cli("--jsonl", "--text-field", "body", "--edits-field", "repairs", "docs.jsonl")
    assert proc.returncode == 0
    assert proc.stdout.endswith(b"\r\n")
    (record,) = [json.loads(line) for line in lines(proc.stdout)]
    assert record["body"] == clean(DIRTY) and record["text"] == "keep\\$"
    expected = repair(DIRTY)
    assert record["repairs"] == [
        {"rule": e.rule, "start": e.start, "end": e.end, "replacement": e.replacement, "message": e.message}
        for e in expected.edits
    ]
    assert {r["rule"] for r in record["repairs"]} == {"mojibake", "escapes", "whitespace"}


def test_jobs_batches_keep_order(run_cli, tmp_path):
    records = [{"n": k, "text": f"line {k}\\! " + ("caf\u00c3\u00a9  " if k % 3 else "")} for k in range(3000)]
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()
    one = run_cli("--jsonl", "--jobs", "1", stdin=data)
    two = run_cli("--jsonl", "--jobs", "2", stdin=data)
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout
    out = [json.loads(line) for line in lines(two.stdout)]
    assert [r["n"] for r in out] == list(range(3000))
    assert all(r["text"] == clean(s["text"]) for r, s in zip(out, records))


def test_check_and_fix_jsonl_files(run_cli, tmp_path):
    path = tmp_path / "docs.jsonl"
    original = json.dumps({"id": 1, "text": "ok"}) + "\n" + json.dumps({"id": 2, "text": DIRTY}) + "\n"
    path.write_text(original, encoding="utf-8")
    proc = run_cli("check", "--jsonl", "docs.jsonl")
    assert proc.returncode == 1
    report = proc.stdout.decode().splitlines()
    assert report[0] == "docs.jsonl:2: mojibake: mojibake repaired (ftfy) (text[7:9])"
    assert all(line.startswith("docs.jsonl:2: ") for line in report)
    assert path.read_text(encoding="utf-8") == original
    proc = run_cli("fix", "--jsonl", "docs.jsonl")
    assert proc.returncode == 1
    first, second = path.read_text(encoding="utf-8").splitlines()
    assert first == json.dumps({"id": 1, "text": "ok"})
    assert json.loads(second) == {"id": 2, "text": clean(DIRTY)}
    assert run_cli("fix", "--jsonl", "docs.jsonl").returncode == 0


def test_jsonl_options_need_jsonl(run_cli):
    proc = run_cli("--edits-field", "e", stdin=b"x")
    assert proc.returncode == 2 and "--jsonl" in proc.stderr.decode()


def test_clean_record_uses_the_config():
    opts = JsonlOptions("clean", "x.jsonl")
    line = json.dumps({"text": '"Hi," I said.'}).encode() + b"\n"
    out = clean_record(line, 1, opts, Config(quotes="curly")).line
    assert json.loads(out)["text"] == "\u201cHi,\u201d I said."
