"""Rule packs: shipped inside the wheel, schema errors name file, line and key."""

import subprocess
import sys

import pytest

from corpusclean import Config, ConfigError
from corpusclean.packs import PackError, builtin_pack, builtin_pack_names, load_pack


def test_builtin_packs_load():
    assert {"generic", "newspaper"} <= set(builtin_pack_names())
    generic = builtin_pack("generic")
    assert generic.get("furniture.jump_lines")
    assert "REUTERS" in generic.get("captions.agencies")


def test_generic_is_always_on_and_newspaper_is_opt_in():
    assert [p.name for p in Config().packs] == ["generic"]
    assert [p.name for p in Config(rules=["newspaper"]).packs] == ["generic", "newspaper"]


def test_user_pack_adds_values(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('[captions]\nagencies = ["RIVER PHOTO COOPERATIVE"]\n')
    config = Config(rules=[str(path)])
    assert "RIVER PHOTO COOPERATIVE" in config.pack("captions.agencies")
    assert "REUTERS" in config.pack("captions.agencies")


@pytest.mark.parametrize(
    "text, line, words",
    [
        ('[captions]\nagencies = ["A"]\nlead_in = ["Left"]\n', 3, ["captions.lead_in", "unknown key"]),
        ('[furnitur]\njump_lines = []\n', 1, ["[furnitur]", "unknown section"]),
        ('[captions]\n\nagencies = "REUTERS"\n', 3, ["captions.agencies", "list of strings"]),
        ('[furniture]\njump_lines = ["(unclosed"]\n', 2, ["furniture.jump_lines", "bad pattern"]),
    ],
)
def test_schema_errors_name_file_line_key(tmp_path, text, line, words):
    path = tmp_path / "bad.toml"
    path.write_text(text)
    with pytest.raises(PackError) as info:
        load_pack(path)
    message = str(info.value)
    assert message.startswith(f"{path}:{line}:")
    for word in words:
        assert word in message


def test_syntax_error_names_file_and_line(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text('[captions]\nagencies = ["A",\n')
    with pytest.raises(PackError) as info:
        load_pack(path)
    assert str(info.value).startswith(f"{path}:2: invalid TOML")


def test_missing_pack_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        Config(rules=[str(tmp_path / "nope.toml")])
    with pytest.raises(ConfigError, match="no built-in rule pack 'magazine'"):
        Config(rules=["magazine"])


def test_pack_paths_in_config_are_relative_to_the_config(tmp_path):
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "local.toml").write_text('[captions]\nlead_ins = ["Overleaf"]\n')
    (tmp_path / "corpusclean.toml").write_text('rules = ["packs/local.toml"]\n')
    assert "Overleaf" in Config.from_file(tmp_path / "corpusclean.toml").pack("captions.lead_ins")


def test_wheel_ships_rule_packs(tmp_path):
    """A wheel installed apart from the source tree finds its packs."""
    root = __import__("pathlib").Path(__file__).resolve().parent.parent
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels), str(root)],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("corpusclean-*.whl")
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    probe = (
        "import corpusclean, corpusclean.packs as p;"
        "print(corpusclean.__file__);"
        "print(','.join(p.builtin_pack_names()))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert out[0].startswith(str(target))
    assert {"generic", "newspaper"} <= set(out[1].split(","))
