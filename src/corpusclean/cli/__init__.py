"""The command line, apart from the library: ``corpusclean``, ``check``, ``fix``."""

from .main import main

__all__ = ["main"]
