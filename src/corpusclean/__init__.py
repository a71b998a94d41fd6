"""corpusclean: repair what text extraction leaves behind.

>>> import corpusclean
>>> corpusclean.clean("The Mona Lisa doesnÃ¢â‚¬â„¢t have eyebrows.  \\n")
'The Mona Lisa doesn’t have eyebrows.\\n'

``repair`` returns the text with a record of every edit; each repair is also
a function of its own (``fix_mojibake``, ``remove_controls``, ...).
"""

from .config import Config, ConfigError
from .controls import remove_controls
from .edits import Edit, Note, apply_edits
from .encoding import fix_mojibake
from .escapes import unescape_markdown
from .names import canonicalize_names
from .pipeline import RULES, Caption, Result, clean, repair
from .quotes import curl_quotes, straighten_quotes
from .scripts import to_latin, unify_scripts
from .whitespace import fix_whitespace

__all__ = [
    "Caption",
    "Config",
    "ConfigError",
    "Edit",
    "Note",
    "RULES",
    "Result",
    "apply_edits",
    "canonicalize_names",
    "clean",
    "curl_quotes",
    "fix_mojibake",
    "fix_whitespace",
    "remove_controls",
    "repair",
    "straighten_quotes",
    "to_latin",
    "unescape_markdown",
    "unify_scripts",
]

try:
    from importlib.metadata import version as _version

    __version__ = _version("corpusclean")
except Exception:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"
