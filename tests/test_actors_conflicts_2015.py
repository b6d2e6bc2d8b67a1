"""The knowledge base's coverage of the conflicts and mediations of 2015-2025: office holders with
dated roles (heads of state and government, foreign and defence ministers, commanders, envoys),
the armed groups and named forces of those wars, and their linking in sentences written for
these tests (a leader named with and without a title, a title alone on a date inside and outside
a term, a minister after a reshuffle, a group by its alias)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.actors.kb import KnowledgeBase, load_kb
from storyline.cli import app
from storyline.model import DateValue, Document, Mention, content_id
from storyline.pipeline import Context, run_stages

runner = CliRunner()


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.mark.parametrize(("office", "country", "date", "holder"), [
    # a defence ministry through two reshuffles
    ("defense_minister", "UKR", "2022-05-01", "oleksii-reznikov"),
    ("defense_minister", "UKR", "2024-05-01", "rustem-umerov"),
    ("defense_minister", "UKR", "2025-09-01", "denys-shmyhal"),
    # heads of state before and after a coup, an impeachment, an election
    ("head_of_state", "AFG", "2019-06-01", "ashraf-ghani"),
    ("head_of_state", "AFG", "2022-06-01", "hibatullah-akhundzada"),
    ("head_of_state", "BFA", "2022-03-01", "paul-henri-sandaogo-damiba"),
    ("head_of_state", "BFA", "2023-03-01", "ibrahim-traore"),
    ("head_of_state", "NER", "2022-03-01", "mohamed-bazoum"),
    ("head_of_state", "NER", "2024-03-01", "abdourahamane-tiani"),
    ("head_of_state", "MLI", "2019-03-01", "ibrahim-boubacar-keita"),
    ("head_of_state", "MLI", "2023-03-01", "assimi-goita"),
    ("head_of_state", "KOR", "2023-03-01", "yoon-suk-yeol"),
    ("head_of_state", "KOR", "2025-08-01", "lee-jae-myung"),
    ("head_of_state", "TWN", "2020-03-01", "tsai-ing-wen"),
    ("head_of_state", "TWN", "2025-03-01", "lai-ching-te"),
    ("head_of_state", "COD", "2017-03-01", "joseph-kabila"),
    ("head_of_state", "COD", "2024-03-01", "felix-tshisekedi"),
    ("head_of_state", "LBN", "2020-03-01", "michel-aoun"),
    ("head_of_state", "LBN", "2025-03-01", "joseph-aoun"),
    ("head_of_state", "COL", "2020-03-01", "ivan-duque"),
    ("head_of_state", "COL", "2023-03-01", "gustavo-petro"),
    ("head_of_state", "ARE", "2023-03-01", "mohamed-bin-zayed-al-nahyan"),
    ("head_of_state", "OMN", "2022-03-01", "haitham-bin-tariq"),
    ("head_of_state", "YEM", "2023-03-01", "rashad-al-alimi"),
    # heads of government and foreign ministers
    ("head_of_government", "SDN", "2020-03-01", "abdalla-hamdok"),
    ("head_of_government", "SDN", "2025-08-01", "kamil-idris"),
    ("head_of_government", "LBY", "2023-03-01", "abdul-hamid-dbeibah"),
    ("head_of_government", "PAK", "2023-03-01", "shehbaz-sharif"),
    ("foreign_minister", "PAK", "2019-03-01", "shah-mahmood-qureshi"),
    ("foreign_minister", "PAK", "2024-06-01", "ishaq-dar"),
    ("foreign_minister", "IND", "2017-03-01", "sushma-swaraj"),
    ("foreign_minister", "IND", "2023-03-01", "subrahmanyam-jaishankar"),
    ("foreign_minister", "SYR", "2022-03-01", "faisal-mekdad"),
    ("foreign_minister", "SYR", "2025-03-01", "asaad-al-shaibani"),
    ("foreign_minister", "RWA", "2022-03-01", "vincent-biruta"),
    ("foreign_minister", "RWA", "2025-03-01", "olivier-nduhungirehe"),
    ("foreign_minister", "AFG", "2022-03-01", "amir-khan-muttaqi"),
    ("foreign_minister", "OMN", "2023-03-01", "badr-albusaidi"),
])
def test_an_office_has_its_holder_on_a_date(kb: KnowledgeBase, office: str, country: str, date: str,
                                            holder: str) -> None:
    assert [a.id for a in kb.holders(office, country, date)] == [holder]


@pytest.mark.parametrize(("name", "date", "office", "country", "sector"), [
    ("Hamid Karzai", "2010-01-01", "head_of_state", "AFG", "GOV"),
    ("Hamid Karzai", "2019-01-01", None, None, None),       # PETRARCH2's open term ended in 2014
    ("Juan Manuel Santos", "2016-11-24", "head_of_state", "COL", "GOV"),
    ("Juan Manuel Santos", "2020-01-01", None, None, None),
    ("Nicolas Maduro", "2008-01-01", "foreign_minister", "VEN", "GOV"),
    ("Nicolas Maduro", "2019-01-01", "head_of_state", "VEN", "GOV"),
    ("Salva Kiir Mayardit", "2010-01-01", "vice_president", "SDN", "GOV"),
    ("Salva Kiir", "2015-01-01", "head_of_state", "SSD", "GOV"),
    ("Riek Machar", "2014-06-01", "party_leader", "SSD", "REB"),
    ("Riek Machar", "2021-06-01", "vice_president", "SSD", "GOV"),
    ("Valerii Zaluzhnyi", "2023-01-01", "military_commander", "UKR", "MIL"),
    ("Valery Zaluzhny", "2025-01-01", "ambassador", "UKR", "GOV"),
    ("Min Aung Hlaing", "2019-01-01", "military_commander", "MMR", "MIL"),
    ("Min Aung Hlaing", "2025-01-01", "head_of_state", "MMR", "GOV"),
    ("Aung San Suu Kyi", "2018-01-01", "head_of_government", "MMR", "GOV"),
    ("Ramtane Lamamra", "2022-01-01", "foreign_minister", "DZA", "GOV"),
    ("Ramtane Lamamra", "2024-01-01", "envoy", "UN", "IGO"),
    ("Mohamed Hamdan Dagalo", "2024-01-01", "military_commander", "SDN", "REB"),
    ("Abdul Rahim Dagalo", "2021-01-01", "military_commander", "SDN", "MIL"),
    ("Abdul Rahim Dagalo", "2024-01-01", "military_commander", "SDN", "REB"),
    ("Kim Jong-un", "2018-06-12", "head_of_state", "PRK", "GOV"),
    # PETRARCH2 spellings merged into the curated person, whose terms close the dictionary's open ones
    ("Yitzhak Herzog", "2023-01-01", "head_of_state", "ISR", "GOV"),
    ("Moshe Yaalon", "2015-01-01", "defense_minister", "ISR", "MIL"),
    ("Moshe Yaalon", "2019-01-01", None, None, None),
    ("Michel Suleiman", "2019-01-01", None, None, None),
    ("Sameh Hassan Shoukry", "2019-01-01", "foreign_minister", "EGY", "GOV"),
])
def test_a_person_s_role_depends_on_the_date(kb: KnowledgeBase, name: str, date: str, office: str | None,
                                            country: str | None, sector: str | None) -> None:
    found = kb.search(name)
    assert found, name
    role = found[0].role_on(date)
    got = (role.office, role.country, role.sector) if role else (None, None, None)
    assert got == (office, country, sector)


@pytest.mark.parametrize(("alias", "actor_id", "country", "sector"), [
    ("JNIM", "jamaat-nusrat-al-islam-wal-muslimin", "MLI", "REB"),
    ("ISWAP", "islamic-state-west-africa-province", "NGA", "REB"),
    ("ISIS-K", "islamic-state-khorasan-province", "AFG", "REB"),
    ("Fano", "fano", "ETH", "REB"),
    ("SPLM-N", "sudan-peoples-liberation-movement-north", "SDN", "REB"),
    ("Southern Transitional Council", "southern-transitional-council", "YEM", "SEP"),
    ("Kataib Hezbollah", "kataib-hezbollah", "IRQ", "REB"),
    ("IDF", "israel-defense-forces", "ISR", "MIL"),
    ("IRGC", "islamic-revolutionary-guard-corps", "IRN", "MIL"),
    ("SAF", "sudanese-armed-forces", "SDN", "MIL"),
    ("FDLR", "democratic-forces-for-the-liberation-of-rwanda", "RWA", "REB"),
    ("Gulf Clan", "clan-del-golfo", "COL", "CRM"),
    ("Africa Corps", "africa-corps", "RUS", "MIL"),
])
def test_a_group_is_found_by_its_alias_with_country_and_sector(kb: KnowledgeBase, alias: str, actor_id: str,
                                                                country: str, sector: str) -> None:
    a = kb.get(kb.lookup(alias)[0])
    assert (a.id, a.country, a.sector) == (actor_id, country, sector)


def test_wagner_and_the_africa_corps_are_two_actors_with_their_own_terms(kb: KnowledgeBase) -> None:
    wagner = kb.get(kb.lookup("Wagner Group")[0])
    corps = kb.get(kb.lookup("Africa Corps")[0])
    assert wagner.id != corps.id
    assert wagner.role_on("2022-01-01") is not None and corps.role_on("2022-01-01") is None
    assert corps.role_on("2024-06-01") is not None


def _mentions(ctx: Context, text: str, date: str) -> list[Mention]:
    doc = Document(id=content_id(text + date), name="t.txt", origin="t.txt", text=text,
                   published=DateValue(date, "day", "test"))
    out = run_stages([doc], ctx, ["parse", "dates", "actors"])[0]
    assert out.error is None, out.error
    return out.document.mentions


def _by_text(ms: list[Mention]) -> dict[str, Mention]:
    return {m.text: m for m in ms}


@pytest.mark.parametrize(("date", "holder"), [
    ("2022-05-01", "oleksii-reznikov"),
    ("2024-05-01", "rustem-umerov"),
    ("2025-09-01", "denys-shmyhal"),
])
def test_a_title_alone_is_the_minister_of_the_day_after_each_reshuffle(ctx: Context, date: str, holder: str) -> None:
    ms = _mentions(ctx, "Ukraine's defence minister asked the allies for more air defence.", date)
    m = _by_text(ms)["Ukraine's defence minister"]
    assert (m.actor_id, m.country, m.sector) == (holder, "UKR", "MIL")


@pytest.mark.parametrize(("date", "holder"), [("2020-03-10", "abdalla-hamdok"), ("2025-08-10", "kamil-idris")])
def test_a_head_of_government_by_title_inside_and_outside_a_term(ctx: Context, date: str, holder: str) -> None:
    ms = _mentions(ctx, "The Sudanese prime minister said the talks with the armed movements would resume.", date)
    assert _by_text(ms)["The Sudanese prime minister"].actor_id == holder


def test_a_leader_with_a_title_then_by_surname_alone(ctx: Context) -> None:
    ms = _mentions(ctx, "President Félix Tshisekedi met Rwandan President Paul Kagame in the capital. "
                        "Tshisekedi said the agreement would be respected.", "2025-06-27")
    by = _by_text(ms)
    assert (by["Félix Tshisekedi"].actor_id, by["Félix Tshisekedi"].country) == ("felix-tshisekedi", "COD")
    assert (by["Paul Kagame"].actor_id, by["Paul Kagame"].country) == ("paul-kagame", "RWA")
    assert by["Tshisekedi"].actor_id == "felix-tshisekedi" and by["Tshisekedi"].kind == "partial_name"


def test_a_leader_named_without_a_title_has_his_state(ctx: Context) -> None:
    ms = _mentions(ctx, "Kim Jong Un watched the launch from a command post.", "2024-01-05")
    m = _by_text(ms)["Kim Jong Un"]
    assert (m.actor_id, m.country, m.sector) == ("kim-jong-un", "PRK", "GOV")


def test_a_former_leader_keeps_his_state_after_his_term(ctx: Context) -> None:
    ms = _mentions(ctx, "Former president Hamid Karzai met the delegation in Kabul.", "2019-06-01")
    m = _by_text(ms)["Hamid Karzai"]
    assert (m.actor_id, m.country) == ("hamid-karzai", "AFG")


def test_groups_and_named_forces_by_alias_in_a_sentence(ctx: Context) -> None:
    ms = _mentions(ctx, "JNIM fighters attacked a military post, and the IDF said it struck positions. "
                        "The Southern Transitional Council condemned the attack.", "2024-03-15")
    by = _by_text(ms)
    assert (by["JNIM"].country, by["JNIM"].sector) == ("MLI", "REB")
    assert (by["IDF"].actor_id, by["IDF"].country, by["IDF"].sector) == ("israel-defense-forces", "ISR", "MIL")
    assert by["Southern Transitional Council"].country == "YEM"


@pytest.mark.parametrize(("name", "words"), [
    ("Rustem Umerov", ["country UKR", "2023-09-06", "2025-07-17", "defense minister",
                       "Secretary of the National Security and Defence Council"]),
    ("JNIM", ["Jama'at Nusrat al-Islam wal-Muslimin", "armed group; country MLI, sector REB", "2017-03-02"]),
])
def test_the_actor_command_shows_the_new_actors_over_time(tmp_path: Path, name: str, words: list[str]) -> None:
    result = runner.invoke(app, ["actor", name, "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    for w in words:
        assert w in flat, (w, result.output)


@pytest.mark.parametrize(("date", "sector", "office"), [
    ("2019-06-01", "REB", "party_leader"),   # leader of HTS in Idlib
    ("2025-06-01", "GOV", "head_of_state"),  # president after the fall of Assad
])
def test_a_rebel_leader_who_became_head_of_state_is_coded_by_date(kb: KnowledgeBase, date: str, sector: str,
                                                                    office: str) -> None:
    role = kb.search("Abu Mohammad al-Jolani")[0].role_on(date)
    assert role is not None and (role.country, role.sector, role.office) == ("SYR", sector, office)


@pytest.mark.parametrize(("name", "date", "mediator"), [
    ("Otty Patiño", "2024-06-01", False),         # the Colombian government's own peace commissioner
    ("Danilo Rueda", "2023-01-01", False),
    ("Humberto de la Calle", "2015-01-01", False),
    ("Abdullah Abdullah", "2021-01-01", False),   # chaired the Afghan government's side
    ("Uhuru Kenyatta", "2023-01-01", True),       # the EAC's facilitator between third parties
])
def test_a_party_s_own_negotiator_is_not_a_mediator(kb: KnowledgeBase, name: str, date: str, mediator: bool) -> None:
    person = kb.search(name)[0]
    assert any(r.office == "mediator" and r.holds_on(date) for r in person.roles) is mediator
