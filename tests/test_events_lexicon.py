"""The event lexicon and class tables: the data files load, the converted files are what the
conversion scripts make of the shared sources, and codes map to the classes eval/FORMAT.md names."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
import yaml

from storyline.errors import StorylineError
from storyline.events.lexicon import load_event_lexicon
from storyline.events.plover import load_plover_map
from storyline.lexicons import data_path

REPO = Path(__file__).resolve().parents[1]


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_converted_verb_dictionary_is_what_the_script_makes(shared):
    build = _script("build_event_lexicon")
    made = build.convert(shared / "data" / "petrarch2-dictionaries" / "CAMEO.2.0.txt")
    committed = json.loads(data_path("events", "cameo_verbs.json").read_text(encoding="utf-8"))
    assert made == committed
    assert committed["about"]["licence"] == "MIT" and "Open Event Data Alliance" in committed["about"]["copyright"]


def test_converted_plover_table_is_what_the_script_makes(shared, tmp_path):
    build = _script("build_plover_map")
    out = tmp_path / "t.tsv"
    rows = build.convert(shared / "data" / "cameo" / "CAMEO2PLOVER-2021.txt")
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(build.HEADER + "cameo\tplover_type\tmode\tcontext\tlabel\n")
        fh.writelines("\t".join(r) + "\n" for r in rows)
    committed = data_path("events", "cameo_plover.tsv").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == committed
    assert "CC BY-SA 4.0" in committed


def test_lexicon_indexes_dictionary_and_curated_verbs():
    lex = load_event_lexicon()
    sign = lex.entries("sign")
    assert any(p.code == "057" for e in sign for p in e.patterns)
    urge = lex.entries("urge")  # absent from the dictionary, added by the curated file
    assert urge and urge[0].origin == "curated" and urge[0].code == "020"
    count_on = [e for e in lex.entries("count") if e.rest == ("on",)]
    assert count_on and count_on[0].status == "hoped"
    assert lex.nouns["talks"].code == "046"
    assert "hold" in lex.light_verbs


def test_user_lexicon_extends_the_curated_one(tmp_path):
    user = tmp_path / "mine.yaml"
    user.write_text(yaml.safe_dump({"event_patterns": {
        "verbs": {"rebuke": {"code": "111"}},
        "patterns": [{"verbs": ["hand"], "pattern": "* over prisoners", "code": "0841"}]}}))
    lex = load_event_lexicon([user])
    assert lex.entries("rebuke")[0].code == "111"
    assert any(p.code == "0841" for e in lex.entries("hand") for p in e.patterns)


def test_a_pattern_without_the_verb_marker_is_refused(tmp_path):
    user = tmp_path / "bad.yaml"
    user.write_text(yaml.safe_dump({"event_patterns": {"patterns": [{"verbs": ["hand"], "pattern": "over"}]}}))
    with pytest.raises(StorylineError) as err:
        load_event_lexicon([user])
    assert err.value.code == "E602"


@pytest.mark.parametrize("code,what,ptype,mode,intent", [
    ("010", "STATEMENT", None, None, False),
    ("015", "STATEMENT", None, None, False),
    ("020", "REQUEST", "REQUEST", None, False),
    ("041", "CONSULT", "CONSULT", "phone", False),
    ("042", "VISIT", "CONSULT", "visit", False),
    ("043", "VISIT", "CONSULT", "visit", False),
    ("045", "MEDIATE", "CONSULT", None, False),
    ("039", "MEDIATE", "AGREE", None, True),
    ("036", "CONSULT", "AGREE", None, True),
    ("057", "AGREE", "SUPPORT", None, False),
    ("0871", "RETREAT", "RETREAT", "ceasefire", False),
    ("0841", "RETREAT", "RETREAT", "release", False),
    ("163", "SANCTION", "COERCE", "restrict", False),
    ("112", "ACCUSE", "ACCUSE", "disapprove", False),
    ("192", "COERCE", "COERCE", "seize", False),
    ("190", "ASSAULT", "ASSAULT", None, False),
])
def test_cameo_codes_map_to_plover_and_the_evaluation_classes(code, what, ptype, mode, intent):
    cls = load_plover_map().classify(code)
    assert (cls.what, cls.plover_type, cls.plover_mode, cls.intent) == (what, ptype, mode, intent)
