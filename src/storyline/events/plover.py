"""CAMEO codes to PLOVER type and mode, and to storyline's event class (``what``).

Why a separate class from the PLOVER type: PLOVER drops CAMEO 01 statements and folds visits and
mediation into CONSULT, which diplomacy needs apart; the evaluation format names those classes
(STATEMENT, VISIT, MEDIATE). The tables are data: ``data/events/cameo_plover.tsv`` (converted
from PLOVER's CAMEO2PLOVER-2021, CC BY-SA 4.0) and ``data/lexicons/event_classes.yaml``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..lexicons import data_path, load_lexicon


@dataclass(frozen=True)
class EventClass:
    plover_type: str | None
    plover_mode: str | None
    what: str | None
    intent: bool = False  # CAMEO 03: the intended action, to be reported with status planned


def _longest(table: dict[str, object], code: str) -> object | None:
    for n in range(len(code), 0, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


class PloverMap:
    def __init__(self, extra_files: tuple[Path, ...] = ()):
        self.rows: dict[str, tuple[str, str]] = {}
        with open(data_path("events", "cameo_plover.tsv"), encoding="utf-8") as fh:
            lines = [ln for ln in fh if not ln.startswith("#")]
        for row in csv.DictReader(lines, delimiter="\t"):
            self.rows[row["cameo"]] = (row["plover_type"] or "", row["mode"] or "")
        classes = load_lexicon("event_classes", list(extra_files)) or {}
        self.extra = {str(k): v for k, v in (classes.get("extra_plover") or {}).items()}
        self.what = {str(k): str(v) for k, v in (classes.get("what") or {}).items()}
        self.intent = {str(k): str(v) for k, v in (classes.get("intent") or {}).items()}

    def plover(self, code: str) -> tuple[str | None, str | None]:
        """PLOVER type and mode: the code itself, else its nearest listed parent (0231 -> 023)."""
        for n in range(len(code), 1, -1):
            if code[:n] in self.rows:
                t, m = self.rows[code[:n]]
                return t or None, m or None
            if code[:n] in self.extra:
                e = self.extra[code[:n]] or {}
                return e.get("type"), e.get("mode")
        return None, None

    def classify(self, code: str) -> EventClass:
        ptype, mode = self.plover(code)
        what = _longest(self.what, code)
        intent = False
        if code.startswith("03"):
            target = _longest(self.intent, code)
            if target is not None:
                what, intent = target, True
        return EventClass(ptype, mode, str(what) if what else ptype, intent)


@lru_cache(maxsize=8)
def load_plover_map(extra_files: tuple[Path, ...] = ()) -> PloverMap:
    return PloverMap(extra_files)
