"""Publication dates inferred from the happenings an article reports (``dates.happenings``),
on constructed articles about invented happenings in a test calendar."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.dates.happenings import load_calendar
from storyline.errors import StorylineError
from storyline.model import DateValue, Document, content_id
from storyline.options import Options
from storyline.pipeline import Context, run_stages

CALENDAR = "\n".join([
    "# invented happenings for tests",
    "2019-03-12\tsummit\tOstbruck\tValdorian Concord summit\t-\tValdoria|Karsten",
    "2019-03-14\tagreement\tOstbruck\tOstbruck Accord\tfisheries protocol\tValdoria|Karsten",
    "2016-06-09\ttalks\tLindmoor\t-\tharbour talks\tValdoria|Karsten",
    "2020-06-11\ttalks\tLindmoor\t-\tharbour talks\tValdoria|Karsten",
    "2018-09-03\tceasefire\tTarvik\tTarvik Truce\t-\tValdoria|Karsten",
])


@pytest.fixture(scope="module")
def hctx(tmp_path_factory: pytest.TempPathFactory) -> Context:
    folder = tmp_path_factory.mktemp("happenings")
    tsv = folder / "invented.tsv"
    tsv.write_text(CALENDAR + "\n", encoding="utf-8")
    lexicon = folder / "lexicon.yaml"
    lexicon.write_text(f"dates:\n  happenings: [{tsv}]\n", encoding="utf-8")
    return Context(Options(lexicon_files=(lexicon,)))


def dated(ctx: Context, text: str, **fields: object) -> Document:
    doc = Document(id=content_id(text), name="t", origin="t", text=text, **fields)  # type: ignore[arg-type]
    (outcome,) = run_stages([doc], ctx, ["parse", "dates"])
    assert outcome.error is None, outcome.error
    return outcome.document  # type: ignore[return-value]


# ------------------------------------------------------------------ the calendar file

def test_the_bundled_calendar_loads_and_is_broad() -> None:
    from storyline.lexicons import data_path

    happenings = load_calendar(data_path("knowledge", "happenings.tsv"))
    assert len(happenings) >= 300
    assert len({h.day.year for h in happenings}) >= 30


@pytest.mark.parametrize(("line", "problem"), [
    ("2019-03-12\tsummit\tOstbruck\tValdorian summit\tValdoria", "5 tab-separated fields"),
    ("2019-13-12\tsummit\tOstbruck\tValdorian summit\t-\tValdoria", "is not YYYY-MM-DD"),
    ("2019-03-12\tsummit\tOstbruck\t-\t-\tValdoria", "no name"),
    ("2019-03-12\tsummit\tOstbruck\t-\ttalks\tValdoria", "is one word"),
    ("2019-03-12\t-\tOstbruck\tValdorian summit\t-\tValdoria", "no kind"),
])
def test_a_bad_line_is_one_error_naming_file_and_line(tmp_path: Path, line: str, problem: str) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text("# a comment\n2019-03-14\tagreement\t-\tOstbruck Accord\t-\tValdoria\n" + line + "\n",
                    encoding="utf-8")
    with pytest.raises(StorylineError) as err:
        load_calendar(path)
    assert f"{path}:3:" in str(err.value) and problem in str(err.value)


# ------------------------------------------------------------------ news happenings date the article

def test_a_news_happening_with_a_weekday_dates_the_article_in_its_week(hctx: Context) -> None:
    doc = dated(hctx, "The Valdorian prime minister on Thursday praised the talks. "
                      "Speaking at the Valdorian Concord summit, she said the border was calm.")
    assert doc.published is not None
    assert (doc.published.value, doc.published.precision, doc.published.method) == \
        ("2019-03", "month", "inferred:happening")
    assert doc.published.candidates[0] == "2019-03-14"  # the Thursday after the Tuesday summit
    assert "Valdorian Concord summit" in doc.published.evidence and doc.published.confidence < 0.5


def test_a_generic_name_needs_the_place_or_two_actors(hctx: Context) -> None:
    assert dated(hctx, "The fisheries protocol was signed on Thursday.").published is None
    for text in ("The fisheries protocol was signed in Ostbruck on Thursday.",
                 "Valdoria and Karsten signed the fisheries protocol on Thursday."):
        doc = dated(hctx, text)
        assert doc.published is not None and doc.published.value == "2019-03", text


def test_a_weekday_chooses_between_happenings_of_the_same_name(hctx: Context) -> None:
    # the Ostbruck Accord (a Thursday) is named; the Valdorian Concord summit (a Tuesday) too
    doc = dated(hctx, "On Thursday the Ostbruck Accord was signed by both governments.")
    assert doc.published is not None and doc.published.candidates[0] == "2019-03-14"


def test_a_name_that_fits_several_happenings_equally_dates_nothing(hctx: Context) -> None:
    assert dated(hctx, "Delegates opened the harbour talks in Lindmoor.").published is None


def test_office_holders_choose_between_happenings_of_the_same_name(hctx: Context) -> None:
    # harbour talks in Lindmoor in 2016 and in 2020: Pashinyan became prime minister in 2018
    doc = dated(hctx, "Armenian Prime Minister Nikol Pashinyan opened the harbour talks in Lindmoor.")
    assert doc.published is not None and doc.published.value == "2020-06"
    assert "Pashinyan" in doc.published.evidence


def test_a_happening_told_as_history_only_bounds_the_date(hctx: Context) -> None:
    for text in ("Since the Tarvik Truce, the border has been quiet.",
                 "The Tarvik Truce, signed years ago, still holds.",
                 "Both sides have respected the Tarvik Truce of 2018."):
        assert dated(hctx, text).published is None, text


def test_a_generic_name_told_as_history_sets_no_bound(hctx: Context) -> None:
    # "harbour talks" may be ones the calendar does not hold: as history, they bound nothing
    doc = dated(hctx, "Since the harbour talks in Lindmoor, trade has grown. "
                      "Leaders met at the Valdorian Concord summit.")
    assert doc.published is not None and doc.published.value == "2019-03"


def test_a_happening_in_a_plan_does_not_date_the_article(hctx: Context) -> None:
    assert dated(hctx, "The ministers will attend the Valdorian Concord summit.").published is None


def test_the_latest_of_the_news_happenings_dates_the_article(hctx: Context) -> None:
    doc = dated(hctx, "The Tarvik Truce held. Leaders met at the Valdorian Concord summit.")
    assert doc.published is not None and doc.published.value == "2019-03"


def test_a_happening_refines_a_year_from_the_address(hctx: Context) -> None:
    from storyline.model import DateValue

    year = DateValue("2019", "year", "address", 0.8, "address: /2019/")
    doc = dated(hctx, "Leaders met at the Valdorian Concord summit.", published=year)
    assert doc.published is not None and doc.published.value == "2019-03"
    assert doc.published.method == "address+inferred:happening"


def test_a_happening_the_week_before_a_dateline_gives_its_year(hctx: Context) -> None:
    doc = dated(hctx, "Leaders met at the Valdorian Concord summit.", dateline_date="March 15")
    assert doc.published is not None and doc.published.value == "2019-03-15"
    assert "happening" in doc.published.method


# ------------------------------------------------------------------ the latest reported date

def test_a_date_told_as_history_does_not_date_the_article(hctx: Context) -> None:
    doc = dated(hctx, "The talks opened on March 6, 2017. The monitoring mission was established in May 2018.")
    assert doc.published is not None and doc.published.value == "2017-03"
    doc = dated(hctx, "The talks opened on March 6, 2017. Earlier, the envoys met in May 2018.")
    assert doc.published is not None and doc.published.value == "2017-03"


@pytest.mark.parametrize(("text", "value"), [
    ("The Valdorian prime minister on Tuesday praised the talks. Speaking at the Valdorian Concord summit, "
     "she said the border was calm.", "2019-03-12"),
    ("The Valdorian prime minister on Friday praised the talks. Speaking at the Valdorian Concord summit, "
     "she said the border was calm.", "2019-03"),
    ("The Valdorian prime minister on Tuesday praised the talks. She said the border was calm.", "2019-03"),
], ids=["the summit's weekday", "another weekday", "no happening told"])
def test_a_weekday_in_a_story_dated_to_its_month_is_the_day_of_a_happening_it_tells(
        hctx: Context, text: str, value: str) -> None:
    """``weekdays_on_happenings``: in a story dated only to March 2019, "on Tuesday" is the
    Tuesday of the summit the story tells as news; a weekday no happening of the month fell on,
    or a story that names none, keeps the month."""
    doc = dated(hctx, text, published=DateValue("2019-03", "month", "test"))
    [day] = [t for t in doc.timexes if t.text in ("Tuesday", "Friday")]
    assert day.value == value
