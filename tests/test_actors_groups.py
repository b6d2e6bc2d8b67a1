"""Actors beyond states and officials (issue 12, class 5): non-state armed groups, movements,
ethnic communities and international bodies in the knowledge base, the conversion of the
PETRARCH2 non-state file, and their linking in sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.actors.convert_petrarch import convert_groups
from storyline.actors.kb import load_kb
from storyline.cli import app
from storyline.model import DateValue, Document, content_id
from storyline.pipeline import Context, run_stages

runner = CliRunner()


@pytest.mark.parametrize(("name", "kind", "country", "sector"), [
    ("Hamas", "movement", "PSE", "REB"),
    ("Hezbollah", "armed group", "LBN", "REB"),
    ("the Houthis", "movement", "YEM", "REB"),
    ("Ansar Allah", "movement", "YEM", "REB"),
    ("TPLF", "movement", "ETH", "PTY"),
    ("M23", "armed group", "COD", "REB"),
    ("FARC-EP", "armed group", "COL", "REB"),
    ("ELN", "armed group", "COL", "REB"),
    ("al-Shabaab", "armed group", "SOM", "REB"),
    ("Wagner Group", "armed group", "RUS", "MIL"),
    ("Karabakh Armenians", "ethnic community", "NKR", "CVL"),
])
def test_each_group_has_its_kind_country_and_sector(name: str, kind: str, country: str, sector: str) -> None:
    found = load_kb().search(name)
    assert found, name
    a = found[0]
    assert (a.kind, a.country, a.sector) == (kind, country, sector)


def test_a_transnational_group_has_its_own_code_and_no_state() -> None:
    a = load_kb().search("Daesh")[0]
    assert (a.id, a.kind, a.country) == ("ISIL", "armed group", None)


def test_dated_roles_say_what_a_group_was_when() -> None:
    taliban = load_kb().search("Taliban")[0]
    assert taliban.role_on("2010-06-01").sector == "REB"
    assert taliban.role_on("2023-06-01").sector == "GOV"
    assert taliban.role_on("1999-01-01").country == "AFG"


@pytest.mark.parametrize(("name", "words"), [
    ("Hamas", ["movement; country PSE, sector REB"]),
    ("TPLF", ["Tigray People's Liberation Front", "movement; country ETH", "2020-11-04"]),
    ("African Union", ["organization; scope AU, sector IGO"]),
])
def test_the_actor_command_shows_kind_and_country_or_scope(tmp_path: Path, name: str, words: list[str]) -> None:
    result = runner.invoke(app, ["actor", name, "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 0, result.output
    for w in words:
        assert w in result.stdout


TABARI = """\
# a constructed file in the TABARI format of the PETRARCH2 non-state dictionary

NORTHERN_VALLEY_LIBERATION_FRONT_ [XYZREB] # a group in no ISO state
+VALLEY_FRONT_FOR_LIBERATION_
+JOHN_EXAMPLEMAN

MOUNTAIN_PEOPLES_ARMY_(OSTRAVIA)_ [ARMREB]
+MPA

TIGERS_ [GRCREB]

NATIONAL_FRONT_ [FRAREB]

KLMN [TURREB]
"""


def test_the_non_state_file_converts_to_groups_without_persons_or_common_words(tmp_path: Path) -> None:
    src = tmp_path / "groups.txt"
    src.write_text(TABARI, encoding="utf-8")
    groups = {g["name"]: g for g in convert_groups(src)}
    assert set(groups) == {"Northern Valley Liberation Front", "Mountain Peoples Army", "KLMN"}
    valley = groups["Northern Valley Liberation Front"]
    assert valley["aliases"] == ["Valley Front for Liberation"]  # the member's name is not an alias
    assert (valley["country"], valley["sector"]) == (None, "REB")  # XYZ is no state
    mountain = groups["Mountain Peoples Army"]
    assert (mountain["country"], mountain["aliases"]) == ("ARM", ["MPA"])


def _mentions(ctx: Context, text: str) -> list:
    doc = Document(id=content_id(text), name="t.txt", origin="t.txt", text=text,
                   published=DateValue("2023-06-20", "day", "test"))
    out = run_stages([doc], ctx, ["parse", "dates", "actors"])[0]
    assert out.error is None, out.error
    return out.document.mentions


def test_a_group_in_a_sentence_is_linked_with_its_codes(ctx: Context) -> None:
    ms = _mentions(ctx, "Hamas and the Palestinian Islamic Jihad rejected the proposal on Tuesday.")
    by_text = {m.text: m for m in ms if m.actor_id}
    assert by_text["Hamas"].actor_id == "hamas"
    assert (by_text["Hamas"].country, by_text["Hamas"].sector) == ("PSE", "REB")
    assert any(m.actor_id == "palestinian-islamic-jihad" for m in ms)


def test_karabakh_armenians_are_not_the_state_of_armenia(ctx: Context) -> None:
    ms = _mentions(ctx, "Karabakh Armenians crossed the bridge into Armenia on Sunday.")
    first = next(m for m in ms if m.text.startswith("Karabakh"))
    assert first.actor_id == "karabakh-armenians"
    assert first.country == "NKR"


@pytest.mark.parametrize("text", [
    "Ethnic Armenians in Nagorno-Karabakh have been without fuel for weeks.",
    "The Armenians of Nagorno-Karabakh have been without fuel for weeks.",
    "Many ethnic Armenians from Nagorno-Karabakh have reached Goris.",
])
def test_a_people_in_a_place_is_its_community_not_its_state(ctx: Context, text: str) -> None:
    ms = _mentions(ctx, text)
    first = ms[0]
    assert first.actor_id == "karabakh-armenians"
    assert "Armenians" in first.text and "Nagorno-Karabakh" in first.text
    assert not any(m.actor_id == "ARM" for m in ms)


def test_an_ethnic_people_in_a_place_the_kb_has_no_community_for_is_that_place_s_civilians(ctx: Context) -> None:
    ms = _mentions(ctx, "Ethnic Russians in Moldova voted in large numbers on Sunday.")
    first = ms[0]
    assert (first.actor_id, first.country, first.sector) == (None, "MDA", "CVL")


def test_a_people_alone_is_still_its_state(ctx: Context) -> None:
    ms = _mentions(ctx, "Armenians voted in large numbers on Sunday.")
    assert ms[0].actor_id == "ARM"


def test_a_group_named_in_the_plural_is_they(ctx: Context) -> None:
    ms = _mentions(ctx, "Karabakh Armenians left the region in September. "
                        "The Houthis said they would release the crew of the ship.")
    they = next(m for m in ms if m.text == "they")
    assert they.actor_id == "houthis"


def test_a_corridor_is_a_place_never_an_actor(ctx: Context) -> None:
    text = "The Lachin corridor has been blocked since December, Foreign Minister Anna Kovac said on Tuesday."
    ms = _mentions(ctx, text)
    corridor = next(m for m in ms if "corridor" in m.text)
    assert (corridor.kind, corridor.actor_id, corridor.country) == ("place", None, "AZE")


@pytest.mark.parametrize(("name", "country", "sector", "date", "title"), [
    ("Ismail Haniyeh", "PSE", "REB", "2020-01-01", "Head of the Hamas Political Bureau"),
    ("Hemedti", "SDN", "REB", "2024-01-01", "Commander of the Rapid Support Forces"),
    ("Hans Grundberg", "UN", "IGO", "2023-01-01", "UN Special Envoy for Yemen"),
    ("Heidi Tagliavini", "OSCE", "IGO", "2014-09-05", "Special Representative of the OSCE Chairperson-in-Office"),
])
def test_group_leaders_and_envoys_have_dated_roles(name: str, country: str, sector: str, date: str, title: str) -> None:
    person = load_kb().search(name)[0]
    role = person.role_on(date)
    assert (role.country, role.sector) == (country, sector)
    assert role.title.startswith(title)


def test_a_body_name_with_in_is_found_whole(ctx: Context) -> None:
    ms = _mentions(ctx, "The 57-nation Organization for Security and Co-operation in Europe voted on Monday to shut "
                        "its mission.")
    assert ms[0].actor_id == "OSCE"
    assert ms[0].text == "Organization for Security and Co-operation in Europe"  # "in", and "Co-" + "operation"


@pytest.mark.parametrize(("name", "code", "parent"), [
    ("UNIFIL", "UNIFIL", "UN"),
    ("UN Interim Administration Mission in Kosovo", "UNMIK", "UN"),
    ("EULEX", "EULEX", "EU"),
    ("EU Mission in Armenia", "EUMA", "EU"),
    ("KFOR", "KFOR", "NATO"),
    ("OSCE Mission to Moldova", "OSCEMD", "OSCE"),
    ("AMISOM", "AMISOM", "AU"),
])
def test_missions_in_the_field_are_bodies_of_their_own(name: str, code: str, parent: str) -> None:
    """A peacekeeping force or an observer mission is its own actor (monitor, mediator,
    peacekeeper), not the organisation that sent it."""
    kb = load_kb()
    a = kb.search(name)[0]
    assert (a.id, a.country, a.sector) == (code, code, "IGO")
    assert kb.bodies[code]["parent"] == parent


@pytest.mark.parametrize(("text", "code"), [
    ("The truce was brokered by the UN mission in Libya on Friday.", "UNSMIL"),
    ("The UN Assistance Mission in Afghanistan condemned the attack on Monday.", "UNAMA"),
    ("EULEX officers arrested two suspects near Mitrovica on Monday.", "EULEX"),
])
def test_a_mission_in_a_sentence_is_linked_as_itself_not_as_its_parent(ctx: Context, text: str, code: str) -> None:
    ms = _mentions(ctx, text)
    assert any(m.actor_id == code and m.country == code for m in ms), [(m.text, m.actor_id) for m in ms]
    assert not any(m.actor_id in ("UN", "EU") for m in ms)


def test_a_transnistrian_demonym_in_either_spelling_is_transnistria(ctx: Context) -> None:
    ms = _mentions(ctx, "Moldovan and Transdniestrian negotiators met in Bender on Monday.")
    assert "XTR" in {m.country for m in ms}


@pytest.mark.parametrize(("name", "country", "date"), [
    ("Vadim Krasnoselsky", "XTR", "2024-02-01"),
    ("Alexander Zakharchenko", "XDP", "2014-09-05"),
    ("Andrei Purgin", "XDP", "2014-09-05"),
    ("Igor Plotnitsky", "XLP", "2015-02-12"),
    ("Anatoly Bibilov", "XSO", "2020-01-01"),
    ("Raul Khajimba", "XAB", "2016-01-01"),
])
def test_leaders_of_unrecognized_states_act_for_them(name: str, country: str, date: str) -> None:
    """A breakaway's leader acts for the breakaway, not for the state it left nor its patron,
    and holds a role on the days of the talks he attended (an article's date is read from them)."""
    person = load_kb().search(name)[0]
    assert person.country == country
    assert person.role_on(date) is not None and person.role_on(date).country == country
