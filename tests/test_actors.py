"""The actor layer with the real model: knowledge base, file format, ruler, linking, resolution.

The dev-article checks are issue 3's acceptance: each of twelve people is one actor with its
country; "the president" closing Medvedev's quotation, "his Azerbaijani counterpart" (Lavrov,
June 2014) and "Armenian armed forces" link to Medvedev, Mammadyarov and Armenia's military.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from storyline.actors import names as N
from storyline.actors.build import COMPILED, sources_digest
from storyline.actors.kb import KnowledgeBase, load_kb, offices
from storyline.actors.kbfile import read_data
from storyline.actors.resolve import actor_at, collective_refs, mention_ref
from storyline.actors.ruler import MATCHES
from storyline.errors import StorylineError
from storyline.lexicons import data_path
from storyline.model import DateValue, Document, Role, content_id
from storyline.pipeline import run_stages

DEV = {"000": "2010-05-12", "001": "2018-07-27", "002": "2016-04-06", "003": "2014-06-18", "004": "2020-11-12"}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def _docs(shared: Path, dated: bool) -> dict[str, Document]:
    out = {}
    for f in sorted((shared / "eval" / "dev" / "articles").glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        d = Document(id=content_id(text), name=f.name, origin=str(f), text=text)
        if dated:
            d.published = DateValue(DEV[f.name[:3]])
        out[f.name[:3]] = d
    return out


def _linked(ctx, docs: dict[str, Document]) -> dict[str, Document]:
    outcomes = run_stages(list(docs.values()), ctx, ["parse", "actors"])
    assert all(o.error is None for o in outcomes), [o.error for o in outcomes]
    return {k: o.document for k, o in zip(docs, outcomes, strict=True)}


@pytest.fixture(scope="module")
def dev(ctx, shared) -> dict[str, Document]:
    return _linked(ctx, _docs(shared, dated=True))


@pytest.fixture(scope="module")
def dev_undated(ctx, shared) -> dict[str, Document]:
    return _linked(ctx, _docs(shared, dated=False))


def _mention(doc: Document, text: str, after: str | None = None):
    start = doc.text.index(after) if after else 0
    i = doc.text.index(text, start)
    m = actor_at(doc, i, i + len(text))
    assert m is not None, f"no mention at {text!r}"
    return m


def _through(doc: Document, first: str, last: str) -> str:
    """The text of doc from the words `first` through the next `last` (a long name located
    without copying the article's words into the test)."""
    i = doc.text.index(first)
    return doc.text[i:doc.text.index(last, i) + len(last)]


# ---------------------------------------------------------------- knowledge base


def test_the_compiled_knowledge_base_is_built_from_the_current_sources() -> None:
    with gzip.open(data_path("actors", COMPILED), "rt", encoding="utf-8") as fh:
        digest = json.load(fh)["digest"]
    assert digest == sources_digest(), "data/actors changed: run 'python -m storyline.actors.build'"


def test_at_least_5000_people_have_dated_roles(kb) -> None:
    assert kb.count("person", dated=True) >= 5000


def test_names_find_people_across_spellings(kb) -> None:
    for name in ("Sergei Lavrov", "Sergey Lavrov", "Lavrov", "Sergey Viktorovich Lavrov"):
        assert [a.id for a in kb.search(name)][:1] == ["sergey-lavrov"], name
    assert kb.search("Hikmat Hajiev")[0].id == "hikmet-hajiyev"
    assert kb.search("Dmitri Medvedev")[0].id == "dmitry-medvedev"
    assert kb.search("Recep Tayyip Erdogan")[0].country == "TUR"
    assert kb.search("Aliyev", date="2010-05-12")[0].name == "Ilham Aliyev"
    assert kb.search("Aliyev", date="1999")[0].name == "Heydar Aliyev"


def test_office_holders_by_date(kb) -> None:
    assert [a.name for a in kb.holders("head_of_state", "RUS", "2010-05-12")] == ["Dmitry Medvedev"]
    assert [a.name for a in kb.holders("head_of_state", "RUS", "2013")] == ["Vladimir Putin"]
    assert [a.name for a in kb.holders("foreign_minister", "AZE", "2014-06-18")] == ["Elmar Mammadyarov"]
    assert [a.name for a in kb.holders("head_of_government", "ARM", "2020-11-12")] == ["Nikol Pashinyan"]
    assert "Maria Zakharova" in [a.name for a in kb.holders("spokesperson", "RUS", "2016-04-06")]
    assert [a.name for a in kb.holders("foreign_minister", "ARM", "2019")] == ["Zohrab Mnatsakanyan"]
    assert kb.executive_office("ARM", "2020-11-12") == "head_of_government"
    assert kb.executive_office("ARM", "2016-04-06") == "head_of_state"


def test_roles_carry_offices_and_terms(kb) -> None:
    lavrov = kb.get("sergey-lavrov")
    fm = [r for r in lavrov.roles if r.office == "foreign_minister"]
    assert fm and fm[0].start == "2004-03-09" and fm[0].end is None
    baer = kb.get("daniel-baer")
    assert baer.country == "USA" and baer.role_on("2016-04-06").office == "ambassador"
    assert "Hikmet Hajiyev" in [a.name for a in kb.holders("foreign_ministry_spokesperson", "AZE", "2018-07-27")]
    assert kb.get("hikmet-hajiyev").role_on("2020").office == "presidential_aide"


def test_states_capitals_seats_and_demonyms(kb) -> None:
    assert kb.state("Baku").id == "AZE"
    assert kb.state("Armenian").id == "ARM"
    assert kb.demonym("Azerbaijani") == "AZE"
    assert [(m.actor_id, m.sector) for m in kb.metonym("the Kremlin")] == [("RUS", "GOV")]
    assert kb.metonym("the Pentagon")[0].sector == "MIL"
    assert kb.metonym("Brussels")[0].actor_id == "EU"  # a seat of the EU before Belgium's capital
    assert kb.members("OSCEMG") == ["RUS", "FRA", "USA"]
    assert kb.sector_actor("ARM", "MIL").id == "ARMMIL"
    assert kb.get("ARMMIL").country == "ARM"


def test_name_keys_fold_case_accents_and_transliteration() -> None:
    assert N.name_key("U.S.") == "us"
    assert N.name_key("Nagorno-Karabakh") == "nagorno karabakh"
    assert N.name_key("Erdoğan") == "erdogan"
    assert N.loose_key("Aliyev") == N.loose_key("Aliev")
    assert N.surname_words(["bashar", "al", "assad"]) == ["assad", "al assad"]


def test_role_dates_of_any_precision() -> None:
    r = Role(start="2004-03-09", end="2014")
    assert r.holds_on("2014-06-18") and r.holds_on("2004") and not r.holds_on("2004-03-01")
    assert not r.holds_on("2015")


# ---------------------------------------------------------------- the file format


def test_a_user_file_adds_people_states_and_bodies(kb, tmp_path) -> None:
    data = {
        "people": [{"name": "Arayik Harutyunyan", "aliases": ["Arayik Harutiunian"], "country": "NKR",
                    "roles": ["head_of_state 2020-05-21..2023-09-01 | President",
                              {"office": "head_of_government", "start": "2017-09", "end": "2018-09"}]},
                   {"name": "Jane Example", "country": "FRA", "roles": ["envoy 2024-01.. | Special Envoy"]}],
        "states": {"XYZ": {"name": "Exampleland", "capital": ["Examplegrad"], "demonyms": ["Examplish"]}},
        "bodies": [{"code": "EXG", "name": "Example Group", "aliases": ["ExG"], "members": ["FRA", "XYZ"]}],
    }
    base = load_kb()
    base.add_file(read_data(data, "mine.yaml", offices()))
    assert base.holders("envoy", "FRA", "2025")[0].name == "Jane Example"
    assert base.state("Examplegrad").name == "Exampleland" and base.demonym("Examplish") == "XYZ"
    assert base.members("EXG") == ["FRA", "XYZ"]
    harut = base.search("Arayik Harutiunian")
    assert len(harut) == 1 and {r.office for r in harut[0].roles} >= {"head_of_state", "head_of_government"}
    assert "Jane Example" not in [a.name for a in kb.search("Jane Example")]  # the shipped one is untouched


@pytest.mark.parametrize("entry, says", [
    ({"people": [{"name": "X", "roles": ["prezident 2010..2012"]}]}, "office 'prezident' is not known"),
    ({"people": [{"name": "X", "roles": ["head_of_state 2010/01/01..2012"]}]}, "is not YYYY, YYYY-MM or YYYY-MM-DD"),
    ({"people": [{"name": "X", "country": "russia"}]}, "is not an upper-case code"),
    ({"people": [{"name": "X", "sector": "ARMY"}]}, "is not a CAMEO sector"),
    ({"persons": []}, "unknown sections ['persons']"),
])
def test_a_bad_file_is_refused_with_where_and_what_is_valid(entry, says) -> None:
    with pytest.raises(StorylineError) as e:
        read_data(entry, "bad.yaml", offices())
    assert "bad.yaml" in str(e.value) and says in str(e.value)


def test_the_shipped_curated_file_reads_as_a_user_file() -> None:
    from storyline.actors.kbfile import read_file

    kbf = read_file(data_path("actors", "people.yaml"), offices())
    assert len(kbf.people) > 400


# ---------------------------------------------------------------- the ruler


def test_the_ruler_puts_knowledge_before_the_model(ctx) -> None:
    doc = ctx.nlp("The US Ambassador to the OSCE Daniel Baer spoke. Armenia and Yerevan replied, and Baer left.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Daniel Baer", "PERSON") in ents and ("OSCE", "ORG") in ents
    assert ("Armenia", "GPE") in ents and ("Yerevan", "GPE") in ents and ("Baer", "PERSON") in ents
    assert any(m.kind == "surname" for m in doc.user_data[MATCHES])


# ---------------------------------------------------------------- linking the dev articles


def _people(docs: dict[str, Document]) -> dict[str, set]:
    found: dict[str, set] = {}
    for d in docs.values():
        for a in d.actors:
            if a.kind == "person":
                found.setdefault(a.name, set()).add((a.id, a.country))
    return found


EXPECTED = {"Dmitry Medvedev": "RUS", "Vladimir Putin": "RUS", "Sergey Lavrov": "RUS", "Maria Zakharova": "RUS",
            "Alexander Lukashevich": "RUS", "Ilham Aliyev": "AZE", "Elmar Mammadyarov": "AZE",
            "Hikmet Hajiyev": "AZE", "Serzh Sargsyan": "ARM", "Nikol Pashinyan": "ARM",
            "Zohrab Mnatsakanyan": "ARM", "Daniel Baer": "USA"}


def test_each_dev_person_is_one_actor_with_its_country(dev) -> None:
    people = _people(dev)
    for name, country in EXPECTED.items():
        assert people.get(name) and len(people[name]) == 1, (name, people.get(name))
        assert next(iter(people[name]))[1] == country, name


def test_the_president_closing_the_quotation_is_medvedev(dev, dev_undated) -> None:
    for docs in (dev, dev_undated):  # by the date, and by "President Dmitry Medvedev" in the text
        m = _mention(docs["000"], "the president", after="I have repeatedly offered mediation")
        assert m.actor_id == "dmitry-medvedev" and m.kind == "role"


def test_his_azerbaijani_counterpart_is_mammadyarov(dev) -> None:
    m = _mention(dev["003"], "his Azerbaijani counterpart")
    assert m.actor_id == "elmar-mammadyarov" and m.country == "AZE"


def test_armenian_armed_forces_are_armenias_military(dev) -> None:
    for key in ("000", "003"):
        m = _mention(dev[key], "Armenian armed forces")
        assert (m.country, m.sector, m.actor_id) == ("ARM", "MIL", "ARMMIL")


def test_titles_and_appositions(dev) -> None:
    z = _mention(dev["001"], "Russian Foreign Ministry spokeswoman")
    assert z.actor_id == "maria-zakharova" and z.kind == "role"
    assert _mention(dev["002"], "Russia’s permanent representative to the OSCE").actor_id == "alexander-lukashevich"
    assert _mention(dev["003"], "Russian FM").actor_id == "sergey-lavrov"
    assert _mention(dev["004"], "The Russian leader").actor_id == "vladimir-putin"
    assert _mention(dev["004"], "the minister").actor_id == "sergey-lavrov"
    baer = _mention(dev["002"], "the official")
    assert baer.actor_id == "daniel-baer"


def test_metonyms_act_and_places_stay_places(dev) -> None:
    baku = _mention(dev["002"], "Baku insist")
    assert (baku.kind, baku.country, baku.sector) == ("metonym", "AZE", "GOV")
    assert _mention(dev["002"], "the Kremlin", after="At the end").kind == "metonym"  # "explained in the Kremlin"
    assert _mention(dev["001"], "Brussels").kind == "place"  # "held negotiations in Brussels"
    assert _mention(dev["001"], "Yerevan").kind == "metonym"
    assert _mention(dev["003"], "Baku", after="capital of").kind == "place"


def test_groups_of_a_state(dev) -> None:
    m = _mention(dev["002"], "the armed forces of Azerbaijan")
    assert (m.country, m.sector) == ("AZE", "MIL")
    m = _mention(dev["002"], _through(dev["002"], "the armed forces of the unrecognized", "Republic"))
    assert (m.country, m.sector) == ("NKR", "MIL")


def test_a_person_introduced_with_a_role_is_learned(ctx, dev) -> None:
    m = _mention(dev["002"], "Senor Hasratyan")
    actor = next(a for a in dev["002"].actors if a.id == m.actor_id)
    assert actor.country == "NKR" and actor.source.startswith("learned:")
    role = actor.roles[0]
    assert (role.office, role.sector, role.start) == ("defense_ministry_spokesperson", "MIL", "2016-04-06")
    assert _mention(dev["002"], "Hasratyan said").actor_id == m.actor_id
    # another article of the same run does not depend on having come after this one (later
    # ingests know him from the store: test_actors_cli)
    text = "Senor Hasratyan said on Monday that the shelling had stopped."
    alone = Document(id=content_id(text), name="later", origin="t", text=text)
    (o,) = run_stages([alone], ctx, ["parse", "actors"])
    assert _mention(o.document, "Senor Hasratyan").actor_id != m.actor_id
    assert m.actor_id not in ctx.kb


def test_pronouns_point_at_the_previous_speaker(dev) -> None:
    he = _mention(dev["002"], "he said, adding")
    assert he.kind == "pronoun" and he.actor_id == "alexander-lukashevich"
    ref = mention_ref(dev["002"], he)
    assert ref.name == "Alexander Lukashevich" and ref.country == "RUS"
    him = _mention(dev["000"], "him", after="According to")
    assert him.actor_id == "dmitry-medvedev"
    source = _mention(dev["002"], "he explained")
    assert source.actor_id is None and source.country == "ARM"  # the Interfax source in Armenian circles


def test_collectives_stand_for_the_parties(dev) -> None:
    sides = _mention(dev["000"], "the sides meet")
    assert sorted(sides.refs) == ["ARM", "AZE"]
    co = _mention(dev["003"], "The co-chairs of the OSCE Minsk Group")
    assert co.refs == ["RUS", "FRA", "USA"]
    assert [r.country for r in collective_refs(dev["003"], co)] == ["RUS", "FRA", "USA"]
    two = _mention(dev["001"], "two parties were satisfied")
    assert sorted(two.refs) == ["AZE", "RUS"]
    leaders = _mention(dev["002"], "the leaders of Azerbaijan and Armenia")
    assert leaders.refs == ["ilham-aliyev", "serzh-sargsyan"]


def test_every_mention_points_at_its_words(dev) -> None:
    for d in dev.values():
        for m in d.mentions:
            assert d.text[m.start:m.end] == m.text
            if m.antecedent is not None and m.actor_id:  # a title's antecedent may be the name after it
                assert d.mentions[m.antecedent].actor_id == m.actor_id
        ids = {a.id for a in d.actors}
        assert {m.actor_id for m in d.mentions if m.actor_id} <= ids


# ---------------------------------------------------------------- territories and conflict parties


def _link_text(ctx, text: str) -> Document:
    d = Document(id=content_id(text), name="constructed", origin="t", text=text)
    (o,) = run_stages([d], ctx, ["parse", "actors"])
    assert o.error is None, o.error
    return o.document


def test_a_definite_description_of_a_territory_is_the_territory_just_named(ctx) -> None:
    d = _link_text(ctx, "Fighting over Abkhazia began in 1992, when the breakaway region declared independence "
                        "from Georgia. Two years later the Russia-backed region signed a truce with Tbilisi.")
    breakaway = _mention(d, "the breakaway region")
    assert breakaway.actor_id == "XAB" and breakaway.kind == "name"
    assert _mention(d, "the Russia-backed region").actor_id == "XAB"
    assert _mention(d, "Russia", after="Two years").actor_id == "RUS"  # the backer stays a mention of its own


def test_a_region_with_a_name_of_its_own_or_no_territory_before_it_stays_unlinked(ctx) -> None:
    d = _link_text(ctx, "Russia and Turkey want stability in the Caucasus region. The region needs investment.")
    assert all(m.actor_id not in ("XAB", "NKR") for m in d.mentions)
    assert not any(m.text.lower() == "the region" for m in d.mentions)


def test_the_warring_sides_are_the_fighting_states_not_the_mediator(ctx) -> None:
    d = _link_text(ctx, "France, as a mediator in the conflict, welcomed the talks between Chad and Sudan. "
                        "French and Chadian diplomats met in Paris, and the two parties were satisfied. "
                        "French and Chadian officials will meet again. "
                        "In 2010, the warring sides agreed to a truce.")
    assert sorted(_mention(d, "warring sides").refs) == ["SDN", "TCD"]


def test_a_definite_organ_without_a_state_is_the_one_named_before(ctx) -> None:
    d = _link_text(ctx, "The Parliament of Georgia passed the bill on Monday. The opposition walked out. "
                        "Critics said the Parliament had ignored them, and the army stayed silent.")
    later = _mention(d, "the Parliament had")
    assert later.actor_id == "GEOLEG" and later.kind == "group"
    assert d.mentions[later.antecedent].actor_id == "GEOLEG"
    army = actor_at(d, d.text.index("the army"), d.text.index("the army") + 8)
    assert army is None or army.actor_id is None  # no army was named before: not guessed


def test_they_after_a_coordination_stands_for_every_conjunct(ctx) -> None:
    d = _link_text(ctx, "Russian Foreign Minister Sergey Lavrov and his Turkish and Iranian counterparts, Mevlut "
                        "Cavusoglu and Javad Zarif, met in Sochi on Monday. They called on the parties to respect "
                        "the truce.")
    they = _mention(d, "They")
    names = ("Sergey Lavrov", "Mevlut Cavusoglu", "Javad Zarif")
    assert they.kind == "pronoun" and they.refs == [_mention(d, n).actor_id for n in names]
    # a conjunct nobody could be named for leaves "they" to its antecedent alone, not a partial list
    vague = _link_text(ctx, "Turkish Foreign Minister Mevlut Cavusoglu and unnamed officials met in Sochi. "
                            "They called on the parties to respect the truce.")
    assert _mention(vague, "They").refs == []


def test_plural_counterparts_are_each_countrys_holder_of_the_office(ctx) -> None:
    text = ("Turkish Foreign Minister Mevlut Cavusoglu and his Russian and Iranian counterparts met in Sochi "
            "on Monday. They called for calm.")
    d = Document(id=content_id(text), name="sochi", origin="t", text=text, published=DateValue("2019-05-13"))
    (o,) = run_stages([d], ctx, ["parse", "actors"])
    counterparts = _mention(o.document, "his Russian and Iranian counterparts")
    assert counterparts.kind == "collective"
    assert counterparts.refs == ["sergey-lavrov", "mohammad-javad-zarif"]
    assert _mention(o.document, "They").refs == ["mevlut-cavusoglu", "sergey-lavrov", "mohammad-javad-zarif"]
    single = _link_text(ctx, "The two parties met in Geneva. They agreed to meet again.")
    assert _mention(single, "They").refs == _mention(single, "two parties").refs
