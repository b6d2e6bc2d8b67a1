"""The error catalogue (errors.CATALOGUE): every code listed once with one message template, no
two codes for one message, every code raised somewhere and every raise filling exactly the
fields of its code's template. Read from the source with ``ast``, so a code typed into a raise
and missing from the catalogue fails here, not in front of a user."""

from __future__ import annotations

import ast
import re
import string
from collections import Counter
from pathlib import Path

import pytest

from storyline.errors import CATALOGUE, InputError, StorylineError, error_text

SRC = Path(__file__).resolve().parents[1] / "src" / "storyline"


def _catalogue_keys() -> list[str]:
    tree = ast.parse((SRC / "errors.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", None) == "CATALOGUE":
            assert isinstance(node.value, ast.Dict)
            return [k.value for k in node.value.keys if isinstance(k, ast.Constant)]
    raise AssertionError("no CATALOGUE in errors.py")


def _raises() -> list[tuple[str, str, set[str]]]:
    """(code, where, keyword names) of every StorylineError, InputError and error_text call."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("StorylineError", "InputError", "error_text")):
                continue
            pos = 1 if node.func.id == "InputError" else 0
            if len(node.args) <= pos or not isinstance(node.args[pos], ast.Constant):
                continue
            found.append((node.args[pos].value, f"{path.relative_to(SRC)}:{node.lineno}",
                          {k.arg for k in node.keywords if k.arg}))
    return found


def test_every_code_is_listed_once() -> None:
    keys = _catalogue_keys()
    assert [k for k, n in Counter(keys).items() if n > 1] == []
    assert len(keys) == len(CATALOGUE) > 50


def test_no_two_codes_share_a_message() -> None:
    by_text = Counter(CATALOGUE.values())
    assert [t for t, n in by_text.items() if n > 1] == []


def test_every_raise_names_a_catalogued_code_and_fills_its_fields() -> None:
    raises = _raises()
    assert len(raises) > 60
    for code, where, given in raises:
        assert code in CATALOGUE, f"{where}: {code} is not in errors.CATALOGUE"
        wanted = {f for _, f, _, _ in string.Formatter().parse(CATALOGUE[code]) if f}
        assert given == wanted, f"{where}: {code} fills {sorted(given)}, its template wants {sorted(wanted)}"


def _codes_named_outside_the_catalogue() -> set[str]:
    """Every code literal in the source but errors.py (raised directly, or handed to a helper
    that raises it, like query.sql.where_one_of)."""
    found = set()
    for path in sorted(SRC.rglob("*.py")):
        if path.name == "errors.py" and path.parent == SRC:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and re.fullmatch(r"E\d{3}", node.value):
                found.add(node.value)
    return found


def test_every_catalogued_code_is_raised() -> None:
    named = _codes_named_outside_the_catalogue() | {"E100"}  # E100: InputError's default code
    assert sorted(set(CATALOGUE) - named) == []
    assert sorted(named - set(CATALOGUE)) == []


def test_a_raise_reads_as_its_template() -> None:
    e = StorylineError("E033", path="s.duckdb")
    assert str(e) == ("[E033] no database at s.duckdb: run 'storyline ingest FILES --db s.duckdb' first "
                      "(or give --db the file you ingested into)")
    assert e.code == "E033" and e.fields == {"path": "s.duckdb"}
    bad = InputError("a.jsonl:3", "E135", msg="Expecting value", colno=1)
    assert str(bad).startswith("[E135] a.jsonl:3: not valid JSON (Expecting value at column 1)")
    assert error_text("E010", path="x.yaml", error="line 1\nline 2") == "[E010] x.yaml: not valid YAML: line 1"


def test_an_unknown_code_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        StorylineError("E999")
