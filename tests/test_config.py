"""Config: options, files, errors that name the key and the file."""

import pickle

import pytest

from corpusclean import Config, ConfigError, clean


def test_keyword_options():
    config = Config(quotes="curly", ignore=["whitespace"])
    assert config.quotes == "curly"
    assert "whitespace" not in config.rule_names()


def test_select_runs_one_rule():
    assert Config(select=["mojibake"]).rule_names() == ("mojibake",)
    assert clean("caf\u00c3\u00a9  \n", select=["mojibake"]) == "caf\u00e9  \n"


def test_bad_values_are_errors():
    with pytest.raises(ConfigError, match="quotes"):
        Config(quotes="fancy")
    with pytest.raises(ConfigError, match="unknown rule 'nope'"):
        Config(select=["nope"])


def test_pyproject_table(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "x"\n\n[tool.corpusclean]\nquotes = "straight"\nignore = ["escapes"]\n')
    config = Config.from_file(path)
    assert config.quotes == "straight"
    assert config.ignore == ("escapes",)


def test_corpusclean_toml(tmp_path):
    path = tmp_path / "corpusclean.toml"
    path.write_text('quotes = "curly"\n')
    assert Config.from_file(path).quotes == "curly"


def test_unknown_key_names_key_and_file(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text("[tool.corpusclean]\nquotez = 'curly'\n")
    with pytest.raises(ConfigError) as info:
        Config.from_file(path)
    assert "quotez" in str(info.value)
    assert str(path) in str(info.value)


def test_invalid_toml_names_file(tmp_path):
    path = tmp_path / "corpusclean.toml"
    path.write_text("quotes = \n")
    with pytest.raises(ConfigError, match="corpusclean.toml"):
        Config.from_file(path)


def test_discover_walks_up(tmp_path):
    (tmp_path / "corpusclean.toml").write_text('quotes = "straight"\n')
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert Config.discover(deep).quotes == "straight"


def test_config_is_frozen_and_picklable():
    config = Config(quotes="curly")
    with pytest.raises(Exception):
        config.quotes = "keep"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(config)) == config
