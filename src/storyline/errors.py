"""Errors with codes, so a message can be looked up and a test can pin which error it saw."""

from __future__ import annotations


class StorylineError(Exception):
    """A problem the user can fix, reported as one line: ``[E010] file.yaml: not valid YAML``."""

    def __init__(self, code: str, message: str):
        self.code = code
        self.message = message
        super().__init__(f"[{code}] {message}")


class InputError(StorylineError):
    """A file (or a line of one) that cannot be read as an article. ``origin`` names it."""

    def __init__(self, origin: str, message: str, code: str = "E100"):
        self.origin = origin
        super().__init__(code, f"{origin}: {message}")
