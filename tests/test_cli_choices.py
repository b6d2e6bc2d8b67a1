"""Every option with a fixed set of values refuses any other the same way on every command:
exit code 2 and the list of valid values (they are enums built from the modules that own them)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.export import exporters
from storyline.model import ACTOR_KINDS, STATUSES
from storyline.query.events import event_types
from storyline.query.story import TIMELINE_STATUSES
from storyline.story import compare, network, timeline

runner = CliRunner()

CASES = [
    (["events", "--status"], STATUSES),
    (["events", "--type"], ("VISIT", "CONSULT", "STATEMENT")),
    (["events", "--format"], ("table", "json", "csv")),
    (["quotes", "--format"], ("table", "json", "csv")),
    (["documents", "--format"], ("table", "json", "csv")),
    (["actors", "--format"], ("table", "json", "csv")),
    (["actors", "--kind"], ACTOR_KINDS),
    (["actor", "Lavrov", "--format"], ("table", "json")),
    (["timeline", "--status"], TIMELINE_STATUSES),
    (["timeline", "--type"], ("VISIT", "CONSULT")),
    (["timeline", "--format"], timeline.FORMATS),
    (["network", "--format"], network.FORMATS),
    (["network", "--level"], network.LEVELS),
    (["compare", "some-id", "--format"], compare.FORMATS),
    (["export", "--out", "x", "--format"], tuple(exporters())),
    (["extract", "a.txt", "--format"], ("eval", "json")),
]


@pytest.mark.parametrize(("args", "valid"), CASES, ids=[" ".join(a) for a, _ in CASES])
def test_an_unknown_value_is_refused_with_the_valid_ones(args: list[str], valid: tuple[str, ...], tmp_path) -> None:
    result = runner.invoke(app, [*args, "news", "--db", str(tmp_path / "none.duckdb")]
                           if args[0] != "extract" else [*args, "news"])
    assert result.exit_code == 2, result.output
    said = " ".join(result.stderr.replace("│", " ").split()).casefold()  # the message, unboxed
    assert "'news' is not one of" in said
    for value in valid:
        assert f"'{value.casefold()}'" in said, value


def test_a_known_value_passes_the_option_check(tmp_path) -> None:
    """The same options with a valid value get past argument parsing: the command runs and stops
    at the missing database (E033), not at the option."""
    result = runner.invoke(app, ["timeline", "--status", "background", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "E033" in result.stderr


def test_event_types_are_the_classes_and_plover_types() -> None:
    types = event_types()
    assert {"STATEMENT", "VISIT", "MEDIATE", "CONSULT", "ACCUSE", "AGREE"} <= set(types)
    assert list(types) == sorted(set(types))


def test_a_type_is_accepted_in_any_case(tmp_path) -> None:
    result = runner.invoke(app, ["events", "--type", "visit", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "E033" in result.stderr  # past the option check
