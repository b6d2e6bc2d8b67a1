"""The document date (stated, from the container, or inferred without its year) and the dates
that quotes and events get from ``date_for_clause``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from storyline.dates.anchor import date_for_clause, frame_date, measured_back
from storyline.dates.document import infer_year
from storyline.dates.find import find
from storyline.dates.rules import rules_for
from storyline.model import Actor, DateValue, Document, Role, content_id
from storyline.options import Options
from storyline.pipeline import Context, extract, run_stages
from storyline.read import read_paths


def parsed(ctx: Context, text: str, **fields) -> Document:
    doc = Document(id=content_id(text), name="t", origin="t", text=text, **fields)
    (outcome,) = run_stages([doc], ctx, ["parse", "dates"])
    assert outcome.error is None, outcome.error
    return outcome.document  # type: ignore[return-value]


# ------------------------------------------------------------------ stated and given dates

def test_a_full_published_date_from_cleaning_is_kept(ctx: Context) -> None:
    given = DateValue("2014-06-18", "day", "text:timestamp", 0.95, "18 June 2014 14:32")
    doc = parsed(ctx, "Lavrov spoke on Friday.", published=given)
    assert doc.published == given


@pytest.mark.parametrize(("raw", "value", "precision"), [
    ("2019-01-23", "2019-01-23", "day"),
    ("2019-01-23T10:00:00Z", "2019-01-23", "day"),
    ("Jan 23, 2019", "2019-01-23", "day"),
])
def test_the_containers_date_dates_the_document(ctx: Context, raw: str, value: str, precision: str) -> None:
    doc = parsed(ctx, "Germany on Monday banned the airline.", metadata={"date": raw})
    assert doc.published is not None
    assert (doc.published.value, doc.published.precision, doc.published.method) == (value, precision, "metadata:date")
    monday = next(t for t in doc.timexes if t.text == "Monday")
    assert monday.value == "2019-01-21"


def test_a_dateline_with_nothing_else_leaves_the_year_unknown(ctx: Context) -> None:
    doc = parsed(ctx, "Talks went on in the capital.", dateline_date="November 12")
    assert doc.published is not None
    assert (doc.published.value, doc.published.confidence) == ("XXXX-11-12", 0.0)


def test_weekday_and_past_years_choose_the_year(ctx: Context) -> None:
    text = ("Russia welcomes the meetings, the spokeswoman said on Friday. "
            "The violence escalated again in 2016.")
    doc = parsed(ctx, text, dateline_date="July 27")
    assert doc.published is not None
    # 27 July was a Friday in 2001, 2007, 2012 and 2018; only 2018 is not before 2016
    assert doc.published.value == "2018-07-27"
    assert doc.published.method == "inferred:dateline+weekday"
    assert "Friday" in doc.published.evidence


# ------------------------------------------------------------------ office holders (weighing)
# The weighing on a few records written here (real model records: the terms are the real ones);
# the dev articles below go through the real knowledge base.

MEDVEDEV = Actor("medvedev", "Dmitry Medvedev", roles=[
    Role("RUS", "GOV", "President", "head_of_state", "2008-05-07", "2012-05-07"),
    Role("RUS", "GOV", "Prime Minister", "head_of_government", "2012-05-08", "2020-01-16")])
SARGSYAN = Actor("sargsyan", "Serzh Sargsyan", roles=[
    Role("ARM", "GOV", "President", "head_of_state", "2008-04-09", "2018-04-09")])


def lookup_in(actors: list[Actor]):
    def lookup(name: str) -> list[Actor]:
        return [a for a in actors if name.lower() in a.name.lower()]
    return lookup


def test_titled_office_holders_bound_the_year_and_ties_stay_open(ctx: Context) -> None:
    text = ("Trade with Norway keeps growing, President Dmitry Medvedev told journalists today in Oslo. "
            "Moscow has long urged presidents Aliyev and Sargsyan to keep talking. "
            "A truce between the two neighbours was signed in 1994.")
    doc = parsed(ctx, text)
    rules = rules_for(ctx)
    found = find(doc.text, rules, doc.spacy)
    dv = infer_year(doc, found, rules, ctx, 5, 12, "dateline 'May 12'", today=date(2026, 11, 25),
                    lookup=lookup_in([MEDVEDEV, SARGSYAN]))
    # Medvedev as president (not as prime minister) and Sargsyan as president: 2008 to 2011
    assert [c[:4] for c in dv.candidates] == ["2008", "2009", "2010", "2011"]
    assert dv.value in dv.candidates and dv.confidence < 0.5
    assert "years left open: 2008, 2009, 2010, 2011" in dv.evidence


def test_a_former_office_holder_is_no_bound(ctx: Context) -> None:
    doc = parsed(ctx, "Former President Dmitry Medvedev said on Friday that talks go on.")
    rules = rules_for(ctx)
    dv = infer_year(doc, find(doc.text, rules, doc.spacy), rules, ctx, 7, 27, "dateline 'July 27'",
                    today=date(2026, 11, 25), lookup=lookup_in([MEDVEDEV]))
    assert "Medvedev" not in dv.evidence


# ------------------------------------------------------------------ the dev articles, real KB

def test_the_knowledge_base_knows_the_office_holders(ctx: Context) -> None:
    terms = {r.office: (r.start, r.end) for a in ctx.kb.search("Zohrab Mnatsakanyan") for r in a.roles}
    assert terms["foreign_minister"][0] == "2018-05-12"

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "articles"


@pytest.fixture(scope="module")
def dev_dates() -> dict[str, DateValue | None]:
    if not DEV.is_dir():
        pytest.skip(f"the dev articles are not at {DEV}")
    out = {}
    for o in extract(read_paths([DEV]), Options(stages=("parse", "dates"))):
        assert o.error is None, o.error
        out[o.document.name[:3]] = o.document.published  # type: ignore[union-attr]
    return out


def test_dev_articles_stating_their_date(dev_dates) -> None:
    assert dev_dates["002"].value == "2016-04-06"
    assert dev_dates["003"].value == "2014-06-18"


def test_dev_001_friday_27_july_with_mnatsakanyan_is_2018(dev_dates) -> None:
    dv = dev_dates["001"]
    assert dv.value == "2018-07-27"
    assert "office" in dv.method and "weekday" in dv.method


def test_dev_004_thursday_12_november_with_pashinyan_is_2020(dev_dates) -> None:
    dv = dev_dates["004"]
    assert dv.value == "2020-11-12"
    assert "office" in dv.method and "weekday" in dv.method


def test_dev_000_medvedev_and_sargsyan_leave_2008_to_2011_open(dev_dates) -> None:
    dv = dev_dates["000"]
    assert [c[:4] for c in dv.candidates] == ["2008", "2009", "2010", "2011"]
    assert dv.value in dv.candidates and dv.confidence < 0.5


# ------------------------------------------------------------------ clause dates

ARTICLE = ("Lavrov stated on Thursday that envoys will come. "
           "On November 9, the leaders signed a statement. "
           "The co-chairs are currently holding talks.\n\n"
           "The conflict began in 1988. Armenian forces occupied the region.")


@pytest.fixture(scope="module")
def article(ctx: Context) -> Document:
    return parsed(ctx, ARTICLE, published=DateValue("2020-11-12", "day", "test"))


def span(doc: Document, words: str) -> tuple[int, int]:
    start = doc.text.index(words)
    return start, start + len(words)


def test_clause_with_a_relative_date(article: Document) -> None:
    dv = date_for_clause(article, *span(article, "Lavrov stated on Thursday"), "reported")
    assert (dv.value, dv.method) == ("2020-11-12", "text:relative to document")


def test_clause_with_an_explicit_date(article: Document) -> None:
    dv = date_for_clause(article, *span(article, "On November 9, the leaders signed a statement"), "reported")
    assert dv.value == "2020-11-09"


def test_news_clause_without_a_date_takes_the_document_date(article: Document) -> None:
    dv = date_for_clause(article, *span(article, "envoys will come"), "planned")
    assert (dv.value, dv.method) == ("2020-11-12", "document")


def test_vague_reference_dates_the_clause_to_the_month(article: Document) -> None:
    dv = date_for_clause(article, *span(article, "The co-chairs are currently holding talks"), "reported")
    assert (dv.value, dv.precision) == ("2020-11", "month")


def test_recently_dates_the_clause_to_the_year(ctx: Context) -> None:
    doc = parsed(ctx, "Recently, the ministers held talks in Geneva.", published=DateValue("2020-11-12", "day", "t"))
    dv = date_for_clause(doc, *span(doc, "Recently, the ministers held talks in Geneva"), "reported")
    assert (dv.value, dv.precision) == ("2020", "year")


def test_a_paragraphs_adverbial_date_frames_the_clauses_after_it(ctx: Context) -> None:
    doc = parsed(ctx, "In 2012, Kenya sent troops into Somalia. The agency described the drought as the worst in decades.\n\n"
                      "The agency appealed for aid.", published=DateValue("2019-09-15", "day", "t"))
    assert frame_date(doc, span(doc, "The agency described the drought")[0]).value == "2012"
    assert frame_date(doc, span(doc, "The agency appealed for aid")[0]) is None  # a new paragraph


def test_a_date_in_an_argument_frames_nothing(ctx: Context) -> None:
    doc = parsed(ctx, "Lavrov praised the 2011 Kazan document. The ministers met in Sochi.",
                 published=DateValue("2019-09-15", "day", "t"))
    assert frame_date(doc, span(doc, "The ministers met")[0]) is None


def test_a_span_after_an_event_frames_it_a_span_earlier(ctx: Context) -> None:
    doc = parsed(ctx, "The visit took place on Sunday, one week after a raid on a fuel depot. "
                      "The raid was claimed by a rebel front.", published=DateValue("2019-09-23", "day", "t"))
    assert frame_date(doc, span(doc, "The raid was claimed")[0]).value == "2019-09-22"  # only Sunday
    framed = frame_date(doc, span(doc, "The raid was claimed")[0], {"after"})
    assert framed is not None and framed.value == "2019-09-15"
    own = measured_back(doc, *span(doc, "one week after a raid on a fuel depot"), {"after"})
    assert own is not None and own.value == "2019-09-15"
    assert measured_back(doc, *span(doc, "The raid was claimed by a rebel front"), {"after"}) is None


def test_a_date_in_a_relative_clause_on_the_subject_is_not_the_verbs(ctx: Context) -> None:
    doc = parsed(ctx, "McGurk, who was envoy to the coalition until December, criticized the decision.",
                 published=DateValue("2019-10-08", "day", "t"))
    clause = span(doc, "McGurk, who was envoy to the coalition until December, criticized the decision")
    assert date_for_clause(doc, *clause, "reported").value == "2019-10-08"
    assert date_for_clause(doc, *span(doc, "who was envoy to the coalition until December"), "historical") \
        .value == "2018-12"


def test_the_lead_skips_lines_without_a_verb(ctx: Context) -> None:
    text = ("Syrian Arab Republic\n\nSyrian opposition\n\nSyrian Democratic Forces\n\n"
            "Late on Sunday, the president announced a withdrawal. The announcement came after a call. "
            "Officials praised the decision.")
    doc = parsed(ctx, text, metadata={"date": "2019-10-08"})
    dv = date_for_clause(doc, *span(doc, "Officials praised the decision"), "reported")
    assert (dv.value, dv.method) == ("2019-10-06", "context:lead day")


def test_historical_clause_takes_its_backgrounds_year(article: Document) -> None:
    dv = date_for_clause(article, *span(article, "Armenian forces occupied the region"), "historical")
    assert (dv.value, dv.precision, dv.method) == ("1988", "year", "context:paragraph")


def test_no_clue_gives_none(article: Document) -> None:
    assert date_for_clause(article, *span(article, "Armenian forces occupied the region"), None) is None


def test_an_undated_news_clause_shares_the_leads_day(ctx: Context) -> None:
    text = ("On Tuesday, the mayor opened the new bridge over the river. "
            "She said the city would build two more. Engineers praised the design.")
    doc = parsed(ctx, text, metadata={"date": "2021-03-05"})
    dv = date_for_clause(doc, *span(doc, "She said the city would build two more"), "reported")
    assert (dv.value, dv.method) == ("2021-03-02", "context:lead day")


def test_a_lead_day_long_before_publication_is_not_the_news_day(ctx: Context) -> None:
    text = ("On 2 January 2020, the mayor opened the new bridge over the river. "
            "She said the city would build two more.")
    doc = parsed(ctx, text, metadata={"date": "2021-03-05"})
    dv = date_for_clause(doc, *span(doc, "She said the city would build two more"), "reported")
    assert (dv.value, dv.method) == ("2021-03-05", "document")


def test_a_quoted_today_is_the_day_of_speaking(ctx: Context) -> None:
    text = ('On Tuesday, the mayor opened the new bridge over the river. '
            'She said, "We have asked the council today for two more."')
    doc = Document(id=content_id(text), name="t", origin="t", text=text, metadata={"date": "2021-03-05"})
    (outcome,) = run_stages([doc], ctx, ["parse", "dates", "actors", "quotes"])
    doc = outcome.document
    assert any(q.kind == "direct" for q in doc.quotes)
    dv = date_for_clause(doc, *span(doc, "We have asked the council today for two more."), "reported")
    assert dv.value == "2021-03-02"
