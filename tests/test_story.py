"""The story layer on constructed cases, through the real Store on a real DuckDB file."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from story_cases import BACKGROUND, WIRE, Ev, article, person, state, store_with
from storyline.lexicons import load_lexicon
from storyline.model import ActorRef, DateValue
from storyline.options import Options, StorySettings
from storyline.story import compare as cmp
from storyline.story import storage
from storyline.story.dates import agreement, date_span, value_span
from storyline.story.duplicates import find_copies
from storyline.story.network import build, render, strongest
from storyline.story.timeline import Filters, select
from storyline.story.timeline import render as render_timeline

FILLER = [
    "Officials met on Monday to discuss the shipping of grain through the northern corridor and the tariffs.",
    "The ministry said the talks covered customs procedures, rail capacity and the timing of inspections.",
]

# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(("a", "b", "ok"), [
    ("1988", "1988-02", True),
    ("1988-02", "1988-02-20", True),
    ("1988-02", "1988-03", False),
    ("1988", "1991", False),
    ("1992..1994", "1994", True),
    ("2014-SU", "2014-07-04", True),
    ("2014-SU", "2014-10", False),
    ("198X", "1988-02-20", True),
    ("2016-W14", "2016-04-05", True),
])
def test_dates_of_any_precision_are_compatible_where_their_days_meet(a: str, b: str, ok: bool) -> None:
    got = agreement(value_span(a), value_span(b))
    assert (got is not None) is ok


def test_date_agreement_is_strongest_for_the_same_stated_date() -> None:
    same = agreement(value_span("1994"), value_span("1994"))
    finer = agreement(value_span("1994"), value_span("1994-05"))
    period = agreement(value_span("1992..1994"), value_span("1994"))
    assert same == 1.0 and finer is not None and period is not None and same > finer > period


def test_adjacent_days_meet_only_within_the_slack() -> None:
    a, b = value_span("2016-04-05"), value_span("2016-04-06")
    assert agreement(a, b, 0) is None and agreement(a, b, 1) is not None


def test_a_date_without_its_year_takes_the_latest_year_up_to_the_article() -> None:
    from datetime import date

    span = value_span("XXXX-11-09", "day", date(2020, 11, 12))
    assert span is not None and span.first == date(2020, 11, 9)
    assert value_span("XXXX-12-30", "day", date(2021, 1, 2)).first == date(2020, 12, 30)
    assert value_span("XXXX-11-09") is None


def test_candidates_widen_a_date_to_the_choice_it_was() -> None:
    span = date_span(DateValue("2010", "year", candidates=["2008", "2011"]))
    assert span is not None and span.first.year == 2008 and span.last.year == 2011


# ---------------------------------------------------------------- merging rules

BEGAN = [
    ("a.txt", "Trend", "2010-05-12", Ev("The dispute began in 1941 when Peru pressed territorial claims on Ecuador.",
                                         "REQUEST", [state("PER")], [state("ECU")], "1941", "historical")),
    ("b.txt", "Sputnik", "2018-07-27", Ev("The dispute started in July 1941 with the border province proclaiming its split from Ecuador.",
                                           "REJECT", [state("ZAM")], [state("ECU")], "1941-07", "historical")),
    ("c.txt", "TASS", "2016-04-06", Ev("The rivalry goes back to 1941, when the province announced its break with Ecuador.",
                                        "REJECT", [state("ZAM")], [state("ECU")], "1941", "historical")),
]


def _one_each(cases: list[tuple[str, str | None, str, Ev]]) -> list:
    return [article(n, o, p, [e], FILLER) for n, o, p, e in cases]


def test_one_happening_told_in_different_words_is_one_story_event(tmp_path: Path) -> None:
    store = store_with(tmp_path, _one_each(BEGAN))
    storage.update(store)
    events = storage.story_events(store)
    assert len(events) == 1
    s = events[0]
    assert s.source_count == 3 and len(s.sources) == 3
    assert s.outlets == ["Sputnik", "TASS", "Trend"]
    assert s.first_reported == "2010-05-12"
    assert s.date.value == "1941-07"  # the most precise date any source gives
    assert s.status == "historical" and s.background
    assert {src.doc for src in s.sources} == {"a.txt", "b.txt", "c.txt"}
    assert {r.country for r in s.target} == {"ECU"}


def test_events_in_different_years_stay_apart(tmp_path: Path) -> None:
    cases = BEGAN[:1] + [("d.txt", "Sputnik", "2018-07-27",
                          Ev("In 1944 the province declared itself independent of Ecuador.", "REJECT",
                             [state("ZAM")], [state("ECU")], "1944", "historical"))]
    store = store_with(tmp_path, _one_each(cases))
    storage.update(store)
    assert sorted(s.date.value for s in storage.story_events(store)) == ["1941", "1944"]


def test_cooperation_and_conflict_on_the_same_date_are_never_one_happening(tmp_path: Path) -> None:
    cases = [("a.txt", "Trend", "2010-05-12", Ev("Peru and Ecuador signed a peace accord in 1998.",
                                                  "AGREE", [state("PER"), state("ECU")], [], "1998", "historical")),
             ("b.txt", "TASS", "2016-04-06", Ev("Peru and Ecuador fought heavy battles along the river in 1998.",
                                                 "ASSAULT", [state("PER"), state("ECU")], [], "1998", "historical"))]
    store = store_with(tmp_path, _one_each(cases))
    storage.update(store)
    assert sorted(s.what for s in storage.story_events(store)) == ["AGREE", "ASSAULT"]


def test_a_ceasefire_told_three_ways_is_one_story_event(tmp_path: Path) -> None:
    cases = [("a.txt", "Trend", "2010-05-12", Ev("Peru and Ecuador signed a peace accord in 1998.",
                                                  "AGREE", [state("PER"), state("ECU")], [], "1998", "historical")),
             ("b.txt", "Sputnik", "2018-07-27", Ev("In 1998, the two armies agreed to a halt to the fighting.",
                                                    "AGREE", [], [], "1998", "historical")),
             ("c.txt", "Trend", "2014-06-18", Ev("The two neighbours signed a peace accord in 1998.",
                                                  "RETREAT", [state("PER"), state("ECU")], [], "1998", "historical"))]
    store = store_with(tmp_path, _one_each(cases))
    storage.update(store)
    (s,) = storage.story_events(store)
    assert s.source_count == 3 and s.what == "AGREE"


# a conflict's start as the event coder codes three retellings of it: a claim whose target it
# missed, a withdrawal (the coder's reading of "declared its withdrawal from" a state) and a
# secession, with different doers
STARTS = [
    ("a.txt", "Trend", "2010-05-12", Ev("The conflict between the two neighbours began in 1941 when Peru laid "
                                        "territorial claims to the eastern province of Ecuador.", "REQUEST", [state("PER")], [], "1941",
                                        "historical", named=[state("ECU")])),
    ("b.txt", "Sputnik", "2016-04-06", Ev("The rivalry between them dates from 1941, when the mostly Peruvian "
                                          "province of Zamora declared its withdrawal from Ecuador.",
                                          "RETREAT", [state("ZAM")], [state("ECU")], "1941", "historical")),
    ("c.txt", "TASS", "2018-07-27", Ev("The conflict over Zamora started in 1941 with the province proclaiming "
                                       "its secession from Ecuador.", "REJECT", [state("ZAM")], [state("ECU")], "1941",
                                       "historical")),
]


def _named(cases: list[tuple[str, str | None, str, Ev]]) -> list:
    return [article(n, o, p, [e], FILLER, mentions=True) for n, o, p, e in cases]


def test_a_conflicts_start_told_as_a_claim_a_withdrawal_and_a_secession_is_one_story_event(tmp_path: Path) -> None:
    store = store_with(tmp_path, _named(STARTS))
    storage.update(store)
    (s,) = storage.story_events(store)
    assert s.source_count == 3 and {src.what for src in s.sources} == {"REQUEST", "RETREAT", "REJECT"}


def test_cooperation_and_conflict_not_told_as_a_start_stay_apart(tmp_path: Path) -> None:
    plain = [("a.txt", "Trend", "2010-05-12", Ev("In 1941 Peru laid territorial claims to the east of Ecuador.",
                                                 "REQUEST", [state("PER")], [state("ECU")], "1941", "historical")),
             ("b.txt", "Sputnik", "2016-04-06", Ev("In 1941 the mostly Peruvian province declared its "
                                                   "withdrawal from Ecuador.", "RETREAT", [state("PER")],
                                                   [state("ECU")], "1941", "historical"))]
    store = store_with(tmp_path, _named(plain))
    storage.update(store)
    assert sorted(s.what for s in storage.story_events(store)) == ["REQUEST", "RETREAT"]


def test_starts_of_conflicts_without_a_shared_actor_stay_apart(tmp_path: Path) -> None:
    other = ("d.txt", "Reuters", "2018-07-27", Ev("The war in the north began in 1941 when Turkey shelled villages "
                                                  "across the border with Russia.", "ASSAULT", [state("TUR")],
                                                  [state("RUS")], "1941", "historical"))
    store = store_with(tmp_path, _named(STARTS[:1] + [other]))
    storage.update(store)
    assert len(storage.story_events(store)) == 2


def test_events_a_day_apart_are_one_only_if_their_words_agree(tmp_path: Path) -> None:
    sdf = ActorRef("Syrian Democratic Forces", "SDF", "SYR")
    cases = [("a.txt", "AP", "2019-10-09", Ev("The Syrian Democratic Forces opposed the withdrawal of the troops.",
                                              "ACCUSE", [sdf], [state("USA")], "2019-10-08")),
             ("b.txt", "BBC", "2019-10-10", Ev("The Syrian Democratic Forces condemned the air strikes on the towns.",
                                               "ACCUSE", [sdf], [state("USA")], "2019-10-09")),
             ("c.txt", "DW", "2019-10-10", Ev("The Syrian Democratic Forces condemned the air strikes on their towns.",
                                              "ACCUSE", [sdf], [state("USA")], "2019-10-09"))]
    store = store_with(tmp_path, _named(cases))
    storage.update(store)
    assert sorted(len(s.sources) for s in storage.story_events(store)) == [1, 2]


def test_events_of_different_classes_are_one_only_if_their_words_agree(tmp_path: Path) -> None:
    cases = [("a.txt", "AP", "2019-09-30", Ev("Lately, the United States announced a maritime task force to escort "
                                              "tankers in the Red Sea.", "COOPERATE", [state("USA")], [], "2019")),
             ("b.txt", "BBC", "2019-10-14", Ev("The United States on Sunday announced a full pullout of its soldiers "
                                               "from the area.", "RETREAT", [state("USA")], [], "2019-10-13"))]
    store = store_with(tmp_path, _named(cases))
    storage.update(store)
    assert len(storage.story_events(store)) == 2


def test_a_shared_name_is_no_shared_words(tmp_path: Path) -> None:
    pm = person("abdul-mahdi", "Adil Abdul-Mahdi", "IRQ")
    persons = {"abdul-mahdi": "person"}
    a = article("a.txt", "AP", "2020-01-05", [Ev("Adil Abdul-Mahdi spoke out against the attack.", "ACCUSE", [pm], [state("USA")], "2020-01-05")],
                FILLER, persons, mentions=True)
    b = article("b.txt", "BBC", "2020-01-07", [Ev("Adil Abdul-Mahdi recommended that the troops leave.", "REQUEST", [pm], [state("USA")], "2020-01-06")],
                FILLER, persons, mentions=True)
    store = store_with(tmp_path, [a, b])
    storage.update(store)
    assert len(storage.story_events(store)) == 2


def test_statements_of_one_article_by_different_speakers_in_one_place_stay_apart(tmp_path: Path) -> None:
    a = article("a.txt", "AP", "2019-09-23", [
        Ev("The raid on the fuel depot was claimed by the rebel front.", "STATEMENT", [ActorRef("Rebel Front")], [],
           "2019-09-23", location="Lamu"),
        Ev("The Kenyan government said the raid on the fuel depot came from the north.", "STATEMENT", [state("KEN")],
           [], "2019-09-23", location="Lamu")], FILLER)
    store = store_with(tmp_path, [a])
    storage.update(store)
    assert len(storage.story_events(store)) == 2


def test_two_persons_doing_the_same_thing_on_the_same_day_are_two_events(tmp_path: Path) -> None:
    dahl, berg = person("ingrid-dahl", "Ingrid Dahl", "NOR"), person("lars-berg", "Lars Berg", "NOR")
    persons = {"ingrid-dahl": "person", "lars-berg": "person"}
    a = article("a.txt", "NTB", "2016-04-06", [Ev("Ingrid Dahl called on the two sides to honour the truce.", "REQUEST",
                                                  [dahl], [state("PER"), state("ECU")], "2016-04-06")], FILLER, persons)
    b = article("b.txt", "Aftenposten", "2016-04-06", [Ev("Lars Berg called on the two sides to honour the truce.",
                                                          "REQUEST", [berg], [state("PER"), state("ECU")], "2016-04-06")],
                FILLER, persons)
    store = store_with(tmp_path, [a, b])
    storage.update(store)
    assert len(storage.story_events(store)) == 2


def test_accusations_with_the_roles_reversed_are_two_events(tmp_path: Path) -> None:
    a = article("a.txt", "TASS", "2016-04-03", [
        Ev("Armenia accused Azerbaijan of violating the ceasefire along the border.", "ACCUSE", [state("ARM")],
           [state("AZE")], "2016-04-02")], FILLER)
    b = article("b.txt", "Trend", "2016-04-03", [
        Ev("Azerbaijan accused Armenia of violating the ceasefire along the border.", "ACCUSE", [state("AZE")],
           [state("ARM")], "2016-04-02")], FILLER)
    store = store_with(tmp_path, [a, b])
    storage.update(store)
    assert len(storage.story_events(store)) == 2


def test_distinct_events_of_one_article_are_not_merged_by_its_date(tmp_path: Path) -> None:
    a = article("a.txt", "Trend", "2014-06-18", [
        Ev("Lavrov met his Azerbaijani counterpart in Baku.", "CONSULT", [state("RUS")], [state("AZE")], "2014-06-18"),
        Ev("Russia and Azerbaijan agreed to expand their cooperation in international organizations.", "AGREE",
           [state("RUS"), state("AZE")], [], "2014-06-18")], FILLER)
    store = store_with(tmp_path, [a])
    storage.update(store)
    assert len(storage.story_events(store)) == 2


def test_a_planned_event_is_linked_to_the_later_report_of_it_not_merged(tmp_path: Path) -> None:
    plan = article("a.txt", "Trend", "2010-05-12", [Ev(
        "Soon the foreign ministers of Russia, Azerbaijan and Armenia will hold a meeting in Moscow.", "CONSULT",
        [state("RUS"), state("AZE"), state("ARM")], [], None, "planned")], FILLER)
    done = article("b.txt", "TASS", "2010-06-18", [Ev(
        "The foreign ministers of Russia, Azerbaijan and Armenia held a meeting in Moscow on Friday.", "CONSULT",
        [state("RUS"), state("AZE"), state("ARM")], [], "2010-06-18")], FILLER)
    earlier = article("c.txt", "TASS", "2010-05-12", [Ev(
        "The foreign ministers of Russia, Azerbaijan and Armenia held a meeting in Moscow.", "CONSULT",
        [state("RUS"), state("AZE"), state("ARM")], [], "2010-05-12")], FILLER)
    store = store_with(tmp_path, [plan, done, earlier])
    storage.update(store)
    events = {s.status: s for s in storage.story_events(store) if s.status == "planned"}
    held = [s for s in storage.story_events(store) if s.status == "reported"]
    assert len(held) == 2  # the May meeting and the June one are two happenings
    june = next(s for s in held if s.date.value == "2010-06-18")
    may = next(s for s in held if s.date.value == "2010-05-12")
    # not the meeting on the day the plan was announced: that is the talks that made the plan
    assert events["planned"].happened_as == [june.id]
    assert june.planned_as == [events["planned"].id] and may.planned_as == []


# ---------------------------------------------------------------- copies and background

def test_a_syndicated_copy_is_linked_to_the_first_published_and_counted_once(tmp_path: Path) -> None:
    ev = Ev("On March 1, the heads of government of Norway, Iceland and Denmark signed a joint declaration on a fishing truce.",
            "AGREE", [state("NOR"), state("ISL"), state("DNK")], [], "2021-03-01")
    original = article("ntb.txt", "NTB", "2021-03-04", [ev], [WIRE])
    copy = article("copy.txt", "Daily Wire Digest", "2021-03-05", [ev], [WIRE.replace("OSLO, March 4. ", "")])
    other = article("other.txt", "Trend", "2021-03-07", [Ev(
        "The prime ministers of Norway and Iceland and the premier of Denmark signed a text on March 1 ending the fish war.",
        "AGREE", [state("NOR"), state("ISL"), state("DNK")], [], "2021-03-01")], FILLER)
    copies = find_copies([copy, original, other], StorySettings())
    assert [(c.doc_id, c.canonical_id) for c in copies] == [(copy.id, original.id)]
    store = store_with(tmp_path, [copy, original, other])
    storage.update(store)
    (s,) = storage.story_events(store)
    assert len(s.sources) == 3 and s.source_count == 2  # the copy is no independent source
    assert {src.duplicate_of for src in s.sources} == {None, original.id}
    rows = store.query("SELECT doc_id, canonical_id FROM story_copies")
    assert rows == [{"doc_id": copy.id, "canonical_id": original.id}]
    # a copy repeating its original's sentences does not make them background
    assert store.query("SELECT count(*) AS n FROM sentences WHERE background")[0]["n"] == 0


def test_a_background_paragraph_repeated_from_story_to_story_is_marked(tmp_path: Path) -> None:
    a = article("a.txt", "Andina", "2010-05-12", [Ev("The president said Peru will consult with Brazil on the dispute.", "CONSULT",
                                                     [state("PER")], [state("BRA")], "2010-05-12")],
                ["President Rosa Mera spoke to reporters in Brasilia about river trade and the coming harvest.", BACKGROUND])
    b = article("b.txt", "Andina", "2014-06-18", [Ev("The Peruvian minister met his Ecuadorian counterpart in Quito on Wednesday.",
                                                     "CONSULT", [state("PER")], [state("ECU")], "2014-06-18")],
                ["Trade between Peru and Ecuador keeps growing year on year, the Peruvian minister said.", BACKGROUND])
    store = store_with(tmp_path, [a, b])
    report = storage.update(store)
    assert report.background_sentences == 2
    for d in (a, b):
        marked = [r["idx"] for r in store.query("SELECT idx FROM sentences WHERE doc_id = ? AND background ORDER BY idx", [d.id])]
        assert marked == [1]
        assert store.document(d.id).sentences[1].background is True


# ---------------------------------------------------------------- incremental and idempotent


def _dump(store) -> list[dict]:
    return [s.to_dict() for s in storage.story_events(store)]


def test_incremental_updates_equal_a_rebuild_and_repeat_without_change(tmp_path: Path) -> None:
    docs = _one_each(BEGAN) + [
        article("p.txt", "Trend", "2010-05-12", [Ev("Soon Russia, Azerbaijan and Armenia will hold a meeting of foreign ministers.",
                                                    "CONSULT", [state("RUS"), state("AZE"), state("ARM")], [], None, "planned")], FILLER),
        article("q.txt", "TASS", "2010-07-17", [Ev("Russia, Azerbaijan and Armenia held a meeting of foreign ministers in Almaty.",
                                                   "CONSULT", [state("RUS"), state("AZE"), state("ARM")], [], "2010-07-17")], FILLER)]
    store = store_with(tmp_path, docs[:2])
    storage.update(store)
    for d in docs[2:]:
        store.write_document(d)
        storage.update(store)
    incremental = _dump(store)
    assert storage.update(store).documents == 0 and _dump(store) == incremental
    events_before = store.count("events")
    storage.rebuild(store)
    assert _dump(store) == incremental
    assert store.count("events") == events_before == 5  # nothing in the core tables is deleted
    assert any(s["happened_as"] for s in incremental)


# ---------------------------------------------------------------- outputs


def _dev_like_store(tmp_path: Path):
    mediation = [Ev("Russia mediated talks between Azerbaijan and Armenia on the ceasefire.", "MEDIATE", [state("RUS")],
                    [state("AZE"), state("ARM")], "2016-04-05"),
                 Ev("Russia accused Turkey of arming one side in the war.", "ACCUSE", [state("RUS")],
                    [state("TUR")], "2016-04-06")]
    docs = _one_each(BEGAN) + [article("m.txt", "TASS", "2016-04-06", mediation, FILLER)]
    store = store_with(tmp_path, docs)
    storage.update(store)
    return store


def test_timeline_json_is_one_story_event_per_line_with_its_sources(tmp_path: Path) -> None:
    store = _dev_like_store(tmp_path)
    lines = render_timeline(storage.story_events(store), "json").splitlines()
    rows = [json.loads(line) for line in lines]
    assert len(rows) == 3
    first = rows[0]
    assert first["date"] == "1941-07" and first["status"] == "historical" and first["background"] is True
    assert {"date", "what", "status", "actors", "sources"} <= set(first)
    assert [s["document"] for s in first["sources"]] == ["a.txt", "c.txt", "b.txt"]
    assert all(s["outlet"] and s["text"] for s in first["sources"])


def test_timeline_filters(tmp_path: Path) -> None:
    events = storage.story_events(_dev_like_store(tmp_path))
    assert [s.what for s in select(events, Filters(actor="TUR"))] == ["ACCUSE"]
    assert [s.what for s in select(events, Filters(type="mediate"))] == ["MEDIATE"]
    assert len(select(events, Filters(status="background"))) == 1
    assert len(select(events, Filters(start="2000", end="2016-04-05"))) == 1
    assert len(select(events, Filters(outlet="Sputnik"))) == 1
    with pytest.raises(Exception, match="E070"):
        select(events, Filters(start="last year"))


def test_timeline_html_is_one_self_contained_page_showing_background(tmp_path: Path) -> None:
    events = storage.story_events(_dev_like_store(tmp_path))
    page = render_timeline(events, "html")
    assert page.startswith("<!doctype html>") and "<script" not in page and "//" not in page  # no URL
    assert 'class="entry background"' in page and "territorial claims" in page
    for fmt in ("table", "markdown", "csv"):
        assert "background" in render_timeline(events, fmt)


def test_timeline_table_shows_each_story_event_id_and_wraps_at_80_columns(tmp_path: Path) -> None:
    from storyline.story.timeline import render_table

    events = storage.story_events(_dev_like_store(tmp_path))
    for width in (80, 120):
        table = render_table(events, width=width)
        assert max(len(line) for line in table.splitlines()) <= width
        assert all(s.id in table for s in events)  # whole, on one line: 'storyline compare ID' takes it
        assert "Azerbaijan" in table  # words wrap at their ends, not inside


def test_network_is_weighted_by_story_events_and_signed_by_quad_class(tmp_path: Path) -> None:
    store = _dev_like_store(tmp_path)
    g = build(storage.story_events(store), load_lexicon("story"))
    assert g["RUS"]["AZE"]["weight"] == 1 and g["RUS"]["AZE"]["sign"] == 1
    assert g["RUS"]["TUR"]["sign"] == -1 and g["RUS"]["TUR"]["verbal_conflict"] == 1
    assert g["ZAM"]["ECU"]["weight"] == 1  # three articles telling 1941 count once
    assert "mediated for" in g["RUS"]["ARM"]["relations"]
    top = strongest(g, 1)[0]
    assert top[2]["weight"] == 1
    parsed = nx.parse_graphml(render(g, "graphml"))
    assert parsed.number_of_edges() == g.number_of_edges()
    data = json.loads(render(g, "json"))
    assert {e["source"] for e in data["edges"]} >= {"RUS", "ZAM"}


def test_network_as_an_edge_list_and_a_table(tmp_path: Path) -> None:
    import csv
    import io

    g = build(storage.story_events(_dev_like_store(tmp_path)), load_lexicon("story"))
    rows = list(csv.DictReader(io.StringIO(render(g, "csv"))))
    assert len(rows) == g.number_of_edges()
    tur = next(r for r in rows if (r["source"], r["target"]) == ("RUS", "TUR"))
    assert tur["weight"] == "1" and tur["sign"] == "-1" and tur["verbal_conflict"] == "1" and tur["story_events"]
    table = render(g, "table")
    assert "RUS" in table and "TUR" in table and f"{g.number_of_edges()} ties" in table


def test_compare_shows_each_outlets_own_words(tmp_path: Path) -> None:
    store = _dev_like_store(tmp_path)
    story = next(s for s in storage.story_events(store) if s.source_count == 3)
    assert cmp.find(storage.story_events(store), story.id[:8]).id == story.id
    tellings = cmp.compare(story)
    assert [t.outlet for t in tellings] == ["Trend", "TASS", "Sputnik"]
    trend = tellings[0]
    assert "territorial" in trend.own_words and "ecuador" not in trend.own_words
    assert "Trend" in cmp.render(story, tellings, "table")
    with pytest.raises(Exception, match="E074"):
        cmp.find(storage.story_events(store), "se-nothing")


def test_settings_come_from_options(tmp_path: Path) -> None:
    store = store_with(tmp_path, _one_each(BEGAN))
    strict = Options()
    strict.story.merge_threshold = 0.99
    storage.update(store, strict)
    assert len(storage.story_events(store)) == 3


def test_story_commands_end_to_end(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from storyline.cli import app

    store = _dev_like_store(tmp_path)
    store.close()
    db = str(tmp_path / "story.duckdb")
    runner = CliRunner()
    result = runner.invoke(app, ["timeline", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["what"] for r in rows] == ["REJECT", "MEDIATE", "ACCUSE"]
    result = runner.invoke(app, ["network", "--db", db, "--format", "graphml"])
    assert result.exit_code == 0 and "<graphml" in result.stdout
    result = runner.invoke(app, ["compare", rows[0]["id"], "--db", db, "--format", "json"])
    assert result.exit_code == 0 and len(json.loads(result.stdout)["outlets"]) == 3
    result = runner.invoke(app, ["timeline", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "E033" in result.stderr


def test_ingest_brings_the_story_tables_up_to_date(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from conftest import EXAMPLES
    from storyline.cli import app
    from storyline.store import Store

    db = tmp_path / "ingest.duckdb"
    result = CliRunner().invoke(app, ["ingest", *map(str, EXAMPLES[:2]), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        seen = {r["doc_id"] for r in store.query("SELECT doc_id FROM story_documents")}
        members = store.count("story_event_members")
        assert seen == {r["id"] for r in store.query("SELECT id FROM documents")} and len(seen) == 2
        assert members == store.query("SELECT count(*) AS n FROM events WHERE NOT coalesce(negated, false)")[0]["n"] > 0
        assert storage.update(store).documents == 0  # nothing left for the story commands to take in


def test_unnamed_groups_are_nodes_by_state_and_sector_and_never_by_letter_case() -> None:
    from storyline.story.merge import _dedupe_refs
    from storyline.story.network import node_key

    police = ActorRef("Police", None, "IRQ", "COP")
    protesters = ActorRef("protesters", None, "IRQ", "OPP")
    army = ActorRef("Armed forces of Iraq", "IRQMIL", "IRQ", "MIL")
    assert [node_key(r, "actor") for r in (police, protesters, army)] == ["IRQCOP", "IRQOPP", "IRQMIL"]
    assert {node_key(r, "country") for r in (police, protesters, army)} == {"IRQ"}  # states count at country level
    assert node_key(ActorRef("Police"), "actor") == node_key(ActorRef("police "), "actor") == "police"
    assert [r.name for r in _dedupe_refs([police, protesters, ActorRef("policemen", None, "IRQ", "COP")])] \
        == ["Police", "protesters"]
