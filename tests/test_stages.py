"""Stage contracts: the registry refuses an order that breaks one, and the README's stage table
says what the registry says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from storyline.errors import StorylineError
from storyline.options import Options
from storyline.pipeline import STAGE_MODULES, check_order, get_stage

README = Path(__file__).resolve().parents[1] / "README.md"


def _fields(cell: str) -> tuple[str, ...]:
    return tuple(f.strip() for f in cell.split(",") if f.strip())


def _readme_table() -> dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]]:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## The stages"):]
    section = section[:section.index("\n## ", 3)]
    rows = {}
    for line in section.splitlines():
        m = re.fullmatch(r"\| (\w+) \|([^|]*)\|([^|]*)\|([^|]*)\|[^|]*\|", line)
        if m and m[1] != "stage":
            rows[m[1]] = (_fields(m[2]), _fields(m[3]), _fields(m[4]))
    return rows


def test_the_readme_table_is_the_registry() -> None:
    table = _readme_table()
    assert list(table) == list(Options().stages) == list(STAGE_MODULES)
    for name, (needs, reads, adds) in table.items():
        s = get_stage(name)
        assert (s.needs, s.reads, s.adds) == (needs, reads, adds), name


def test_the_default_order_keeps_every_contract() -> None:
    assert [s.name for s in check_order(Options().stages)] == list(Options().stages)


def test_the_events_stage_says_it_reads_mentions_quotes_and_timexes() -> None:
    assert {"mentions", "quotes", "timexes"} <= set(get_stage("events").reads)


@pytest.mark.parametrize(("order", "code"), [
    (["dates"], "E003"),  # before the parse it needs
    (["parse", "events", "quotes"], "E005"),  # events read the quotations added after them
    (["parse", "quotes", "actors"], "E005"),  # quotes read the mentions
    (["parse", "actors", "dates"], "E005"),  # actors read the date the dates stage resolves
])
def test_an_order_that_breaks_a_contract_is_refused(order: list[str], code: str) -> None:
    with pytest.raises(StorylineError) as err:
        check_order(order)
    assert err.value.code == code


@pytest.mark.parametrize("order", [["parse"], ["parse", "dates"], ["parse", "actors"], ["parse", "events"],
                                   ["parse", "dates", "actors", "quotes"]])
def test_an_order_that_leaves_a_stage_out_is_kept(order: list[str]) -> None:
    """A stage run without the stages whose additions it only reads finds none of them."""
    assert [s.name for s in check_order(order)] == order
