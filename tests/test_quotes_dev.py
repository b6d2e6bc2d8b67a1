"""The quotes stage on the five dev articles, scored by the shared scorer, and the
``storyline quotes`` command reading them back from a real DuckDB file."""

from __future__ import annotations

import importlib.util
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.dates.values import period
from storyline.export.eval_format import to_eval
from storyline.model import Document
from storyline.pipeline import Context, process
from storyline.query.quotes import find_quotes
from storyline.read import read_paths
from storyline.store import Store

runner = CliRunner()


@pytest.fixture(scope="module")
def dev_docs(ctx: Context, shared: Path) -> list[Document]:
    files = sorted((shared / "eval" / "dev" / "articles").glob("*.txt"))
    outcomes = list(process(read_paths([str(f) for f in files]), ctx))
    assert all(o.error is None for o in outcomes), [o.error for o in outcomes]
    return [o.document for o in outcomes]


def _scorer(shared: Path) -> Any:
    spec = importlib.util.spec_from_file_location("eval_score", shared / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dev_quotes_reach_the_targets(dev_docs: list[Document], shared: Path) -> None:
    score = _scorer(shared)
    preds = {d.name: to_eval(d) for d in dev_docs}
    result, errors = score.score(preds, shared / "eval" / "dev" / "gold", shared / "eval" / "dev" / "articles", True)
    assert result["quotes"]["f1"] >= 0.95, [e for e in errors if "quote" in e]
    assert result["quotes_attributed"]["f1"] >= 0.92, [e for e in errors if "quote" in e]


def test_reported_statements_stay_out_of_the_eval_format(dev_docs: list[Document]) -> None:
    medvedev = next(d for d in dev_docs if d.name.startswith("000_"))
    reported = [q for q in medvedev.quotes if q.kind == "reported"]
    assert any(q.text.startswith("Russia will consult on these issues") for q in reported)  # "According to him, ..."
    texts = {q["text"] for q in to_eval(medvedev)["quotes"]}
    assert not texts & {q.text for q in reported}


def test_the_quotes_command_lists_by_speaker_and_date(tmp_path: Path, dev_docs: list[Document]) -> None:
    db = tmp_path / "q.duckdb"
    with Store(db) as store:
        for d in dev_docs:
            store.write_document(d)
        lavrov = find_quotes(store, speaker="lavrov")
        assert len(lavrov) >= 9 and all("Lavrov" in (r["speaker"] or "") for r in lavrov)
        april_2016 = find_quotes(store, date_from="2016-04", date_to="2016-04")
        assert april_2016 and all(r["doc"].startswith("002_") for r in april_2016)
        with_reported = find_quotes(store, reported=True)
        assert len(with_reported) > len(find_quotes(store))
    result = runner.invoke(app, ["quotes", "--db", str(db), "--speaker", "Zakharova", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 1 and rows[0]["text"].startswith("Russia as a mediating country")
    result = runner.invoke(app, ["quotes", "--db", str(db), "--speaker", "Lavrov"])
    assert result.exit_code == 0 and "[of the OSCE Minsk Group]" in result.stdout  # brackets are not markup
    result = runner.invoke(app, ["quotes", "--db", str(db), "--from", "2019-13"])
    assert result.exit_code == 2 and "[E070]" in result.stderr


def test_a_date_of_any_precision_is_a_period() -> None:
    assert period("2014") == (date(2014, 1, 1), date(2014, 12, 31))
    assert period("2016-02") == (date(2016, 2, 1), date(2016, 2, 29))
    assert period("2020-11-12") == (date(2020, 11, 12), date(2020, 11, 12))
    assert period("2019-10-06..2019-10-07") == (date(2019, 10, 6), date(2019, 10, 7))
    assert period("PAST_REF") is None and period("2019-13") is None

