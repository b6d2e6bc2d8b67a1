"""An event's status on sentences of our own, for the classes of status error seen on unseen news
(issue 12): acts told about an earlier time, plans and wishes told in other words than "will",
and the status a governing clause lends its content.

The cases are a table (``status_cases.yaml``): one per rule, each beside a case the rule must
leave alone, the case's id naming its class. The real spaCy model and every stage run (the
``code`` fixture and ``status_of`` helper of test_event_status.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from test_event_status import code, status_of

__all__ = ["code", "status_of"]  # the fixture and helper this module's tests use

FRIDAY = "2020-05-15"
CASES: list[dict[str, str]] = yaml.safe_load((Path(__file__).parent / "status_cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_status(code, case: dict[str, str]) -> None:
    events = code(case["text"], case.get("published", FRIDAY))
    if "starts" in case:  # an event inside another's evidence: the one whose evidence starts so
        events = [e for e in events if e.evidence.startswith(case["starts"])]
    assert status_of(events, case["what"], case.get("words", "")) == case["status"]
