"""Real pages' metadata (issue 11): timestamps in local forms, the outlet named in many ways,
page furniture, hard-wrapped reposts and glued tops, each on made-up lines of its own."""

from __future__ import annotations

from pathlib import Path

import pycountry
import pytest

from storyline.clean.outlets import KINDS, bundled_outlets, load_outlets
from storyline.clean.sources import source_kind
from storyline.errors import StorylineError
from storyline.model import Document, RawDocument
from storyline.pipeline import Context, clean_raw
from storyline.store import source_columns
from storyline.story.compare import group_label

BODY = ("The two delegations met on Sunday in the capital and agreed to continue their talks next month.\n\n"
        "Officials from both sides said the meeting had been constructive and that a further round was planned.")


@pytest.fixture(scope="module")
def cctx() -> Context:
    return Context()


def clean_text(text: str, ctx: Context, **meta: object) -> Document:
    kind = "jsonl" if meta else "text"
    return clean_raw(RawDocument(origin="a.txt", name="a.txt", text=text, kind=kind, metadata=dict(meta)), ctx)


# ------------------------------------------------------------------ timestamps

@pytest.mark.parametrize("stamp, value", [
    ("16:36 | 02/ 11/ 2008", "2008-02-11"),
    ("Thu, 06/16/2011 - 22:38", "2011-06-16"),
    ("06.10.2009 15:09", "2009-10-06"),
    ("December 15, 2022, 13:59", "2022-12-15"),
    ("October 07,2022 12:12", "2022-10-07"),
    ("04-07-2021", "2021-07-04"),
    ("Wednesday, 17 April 2024, 13:14", "2024-04-17"),
    ("Sunday, March 19, 2023 | 00:33", "2023-03-19"),
    ("24.05.2022 [19:37]", "2022-05-24"),
    ("2011-04-21 09:47:00", "2011-04-21"),
    ("Published : Sep 14, 2019 - 08:05", "2019-09-14"),
    ("June 6, 2016 - 9:40", "2016-06-06"),
])
def test_timestamp_forms_give_the_publication_date(cctx: Context, stamp: str, value: str) -> None:
    doc = clean_text(f"Delegations agree to meet again\n{stamp}\n{BODY}", cctx)
    assert doc.published is not None and doc.published.value == value
    assert doc.published.method == "text:timestamp" and stamp not in doc.text


def test_day_month_order_by_a_day_over_12_elsewhere_in_the_page(cctx: Context) -> None:
    doc = clean_text(f"Delegations agree to meet again\n03/04/2021 10:00\n{BODY}\n\nThe first round was on 25/03/2021.", cctx)
    assert doc.published is not None and doc.published.value == "2021-04-03"
    assert "day first" in doc.published.evidence and "25/03/2021" in doc.published.evidence


def test_day_month_order_by_the_outlets_country(cctx: Context) -> None:
    us = clean_text(f"Delegations agree to meet again\n03/04/2021 10:00\n{BODY}", cctx, url="https://www.upi.com/x")
    gb = clean_text(f"Delegations agree to meet again\n03/04/2021 10:00\n{BODY}", cctx, url="https://www.bbc.com/x")
    assert us.published is not None and us.published.value == "2021-03-04" and "USA" in us.published.evidence
    assert gb.published is not None and gb.published.value == "2021-04-03" and "GBR" in gb.published.evidence


def test_an_assumed_order_says_so_and_is_less_sure(cctx: Context) -> None:
    doc = clean_text(f"Delegations agree to meet again\n03.04.2021 10:00\n{BODY}", cctx)
    assert doc.published is not None and doc.published.value == "2021-04-03"
    assert "assumed" in doc.published.evidence and doc.published.confidence < 0.9


def test_a_current_date_widget_above_the_title_yields_to_the_articles_stamp(cctx: Context) -> None:
    doc = clean_text(f"• Sat. Apr 20th, 2024\nDelegations agree to meet again\nSep 22, 2022\n{BODY}", cctx)
    assert doc.published is not None and doc.published.value == "2022-09-22"


@pytest.mark.parametrize("url, value, precision", [
    ("https://news.example.org/2017/10/talks-resume", "2017-10", "month"),
    ("https://news.example.org/world/2008/08/15/talks-resume/123/", "2008-08-15", "day"),
    ("https://news.example.org/view.php?yyyy=2023&mm=03&dd=19&id=5", "2023-03-19", "day"),
    ("https://news.example.org/amp/20231017/talks-resume-1114244831.html", "2023-10-17", "day"),
    ("https://news.example.org/stories/2025/dec/19/talks-resume/", "2025-12-19", "day"),
    ("https://news.example.org/en/news/2023/2148", "2023", "year"),
])
def test_a_date_in_the_address_at_its_precision(cctx: Context, url: str, value: str, precision: str) -> None:
    doc = clean_text(BODY, cctx, url=url)
    assert doc.published is not None and (doc.published.value, doc.published.precision) == (value, precision)
    assert doc.published.method == "address"


def test_no_date_from_an_address_id(cctx: Context) -> None:
    doc = clean_text(BODY, cctx, url="http://news.example.org/view.php?ud=20180826000267")
    assert doc.published is None


# ------------------------------------------------------------------ outlets

def test_agency_tag_in_the_dateline(cctx: Context) -> None:
    doc = clean_text("MOSCOW REGION, November 2 (RIA Novosti) - " + BODY, cctx)
    assert doc.publisher == "RIA Novosti" and doc.metadata["publisher_source"] == "text:dateline"


def test_joint_credit_names_the_first_agency(cctx: Context) -> None:
    doc = clean_text("Delegations agree to meet again\nARTSAKHPRESS-ARMENPRESS\n" + BODY, cctx)
    assert doc.publisher == "Artsakhpress" and "ARTSAKHPRESS-ARMENPRESS" in doc.removed


def test_a_syndication_chain_credits_the_agency_and_keeps_the_carrier(cctx: Context) -> None:
    doc = clean_text("MENAFN - Gulf Times) QNA\n" + BODY, cctx, url="https://menafn.com/1/x")
    assert doc.publisher == "Qatar News Agency" and doc.metadata["carrier"] == "MENAFN"


def test_reuters_sign_off(cctx: Context) -> None:
    doc = clean_text(BODY + " (Reporting by Jane Roe and John Doe; Editing by Mark Poe)", cctx,
                     url="https://nationalpost.com/news/x")
    assert doc.publisher == "Reuters" and doc.metadata["carrier"] == "National Post"
    assert "Editing by" not in doc.text


def test_copyright_line(cctx: Context) -> None:
    doc = clean_text(BODY + "\n\n© 2023 Kyiv Post. All rights reserved.", cctx)
    assert doc.publisher == "Kyiv Post" and doc.metadata["publisher_source"] == "text:credit_line"


def test_site_name_in_the_furniture(cctx: Context) -> None:
    doc = clean_text("Tehran Times\nDelegations agree to meet again\n" + BODY, cctx)
    assert doc.publisher == "Tehran Times"


def test_the_address_domain(cctx: Context) -> None:
    doc = clean_text(BODY, cctx, url="https://en.mehrnews.com/news/1/x")
    assert doc.publisher == "Mehr News Agency" and doc.metadata["publisher_source"] == "address"


def test_a_forum_repost_is_credited_to_its_agency(cctx: Context) -> None:
    doc = clean_text("Delegations agree to meet again\nArmInfo\n2011-04-21 09:47:00\n" + BODY, cctx,
                     url="https://armenianclub.com/2011/04/22/x")
    assert doc.publisher == "ArmInfo" and doc.metadata["carrier"] == "Armenian Club"
    assert doc.published is not None and doc.published.value == "2011-04-21"


def test_byline_with_outlet_and_report_line(cctx: Context) -> None:
    doc = clean_text("Jane Roe Miami Herald\n\n" + BODY, cctx)
    assert doc.publisher == "Miami Herald" and doc.byline == "Jane Roe"
    doc = clean_text("Delegations agree to meet again\nSaudi Gazette report\n" + BODY, cctx)
    assert doc.publisher == "Saudi Gazette"


def test_the_outlet_reporting_itself_only_where_nothing_better_names_one(cctx: Context) -> None:
    text = "The two delegations met on Sunday in the capital, Ukrinform reports.\n\n" + BODY
    assert clean_text(text, cctx).publisher == "Ukrinform"
    assert clean_text(text, cctx, url="https://www.bbc.com/news/x").publisher == "BBC"


def test_a_mention_of_an_agency_in_the_body_is_no_credit(cctx: Context) -> None:
    doc = clean_text("The two delegations met on Sunday, according to Reuters and TASS reports.\n\n" + BODY, cctx)
    assert doc.publisher is None


# ------------------------------------------------------------------ furniture

@pytest.mark.parametrize("line", [
    "Left Menu", "Newsfeed", "All Sections", "Skip to main content", "Version for the visually impaired",
    "Версия для слабовидящих", "1,234 views", "Shares: 56", "3 MIN READ", "Read more", "Advertisement",
    "Story continues below advertisement", "Latest Headlines", "You may also like", "Quote", "Reply with quote",
    "Posts: 1,024", "Joined: March 2009", "Posted by user123", "Be the first to comment",
    "Your email address will not be published.",
])
def test_furniture_is_never_text(cctx: Context, line: str) -> None:
    doc = clean_text(f"{line}\n{BODY}\n{line}\n\nA further paragraph said the talks would resume soon.", cctx)
    assert line not in doc.text and doc.title != line


def test_a_second_copy_of_a_paragraph_goes(cctx: Context) -> None:
    caption = "File photo of the two delegations at an earlier round of talks in the capital."
    doc = clean_text(f"{caption}\n{caption}\n{BODY}", cctx)
    assert doc.text.count(caption) <= 1


# ------------------------------------------------------------------ hard wraps and glued tops

WRAPPED = """Delegations agree to meet again
Example Agency
The two delegations met on Sunday in the capital and agreed to
continue their talks next month, officials from both sides said in a
joint statement issued after the meeting ended late in the evening.
"We have made progress on the main questions and we will meet again
soon," the head of one delegation told reporters at the venue.

A further round is planned for next month in a neutral country, the
statement said, without giving a date for the meeting of the two sides.
"""


def test_hard_wrapped_lines_are_joined_and_paragraphs_kept(cctx: Context) -> None:
    doc = clean_text(WRAPPED, cctx)
    paras = doc.text.split("\n\n")
    assert any(p.startswith("The two delegations met on Sunday") and p.endswith("at the venue.") for p in paras)
    assert paras[-1].startswith("A further round") and paras[-1].endswith("of the two sides.")
    assert '"We have made progress on the main questions and we will meet again soon,"' in doc.text
    assert "Example Agency" not in paras[-2]


def test_glued_headline_timestamp_and_dateline(cctx: Context) -> None:
    doc = clean_text("Delegations agree to meet again 16:36 | 02/ 11/ 2008 MOSCOW, November 2 (RIA Novosti) - "
                     + BODY, cctx)
    assert doc.title == "Delegations agree to meet again"
    assert doc.publisher == "RIA Novosti" and doc.dateline == "Moscow"
    assert doc.published is not None and doc.published.value == "2008-02-11"
    assert doc.text.startswith("The two delegations met on Sunday")


def test_glued_headline_and_dateline(cctx: Context) -> None:
    doc = clean_text("Delegations agree to meet again BAKU, May 24 (Trend) - " + BODY, cctx)
    assert doc.title == "Delegations agree to meet again" and doc.dateline == "Baku" and doc.publisher == "Trend"


# ------------------------------------------------------------------ the outlet table, provenance, compare

def test_outlet_table_schema() -> None:
    table = bundled_outlets()
    assert len(table.outlets) >= 300
    codes = {c.alpha_3 for c in pycountry.countries}
    names = [o.name for o in table.outlets]
    assert len(names) == len(set(names))
    for o in table.outlets:
        assert o.kind in KINDS and (o.country is None or o.country in codes), o
        assert all("." in d and " " not in d for d in o.domains), o
    spellings: dict[str, str] = {}
    for o in table.outlets:
        for s in (o.name, *o.spellings, *o.domains):
            assert spellings.setdefault(s.casefold(), o.name) == o.name, f"{s!r} names two outlets"


def test_outlet_table_bad_line_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "outlets.tsv"
    bad.write_text("name\tdomains\tspellings\tcountry\tlanguage\tstate\tkind\nX\tx.com\tX\tXX\ten\tno\tagency\n",
                   encoding="utf-8")
    with pytest.raises(StorylineError, match=r"outlets.tsv: line 2: .*alpha-3"):
        load_outlets(bad)


def test_provenance_columns(cctx: Context) -> None:
    doc = clean_text("BAKU, May 24 (Trend) - " + BODY, cctx, url="https://en.trend.az/2022/05/24/x")
    cols = source_columns(doc)
    assert cols["publisher_source"] == "dateline" and cols["publisher_confidence"] > 0.9
    assert cols["published_source"] == "address" and cols["carrier"] is None
    assert [source_kind(m) for m in ("metadata:jsonl", "text:timestamp", "inferred:content", "address+dateline")] \
        == ["metadata", "text", "inferred", "address"]


def test_compare_groups_outlets_by_country_and_ownership() -> None:
    assert group_label("TASS", "country") == "RUS" and group_label("TASS", "ownership") == "state-owned"
    assert group_label("Reuters", "country+ownership") == "GBR, not state-owned"
    assert group_label("No Such Outlet", "country") == "unknown outlet" and group_label("TASS", "outlet") is None


# ------------------------------------------------------------------ credits at the end, bullets, colon datelines

def test_agency_after_a_dash_ending_the_story(cctx: Context) -> None:
    doc = clean_text(BODY + " - Bernama", cctx, url="https://thesun.my/news/x")
    assert doc.publisher == "Bernama" and doc.metadata["carrier"] == "The Sun (Malaysia)"
    assert not doc.text.endswith("Bernama")


def test_agency_name_on_the_last_line(cctx: Context) -> None:
    doc = clean_text(BODY + "\n\nFAAPA", cctx, url="https://powersofafrica.com/article/1/x")
    assert doc.publisher == "FAAPA" and "FAAPA" not in doc.text


def test_by_agency_and_bulleted_timestamps(cctx: Context) -> None:
    doc = clean_text("Delegations agree to meet again\n\nBy Yonhap\n  • Published : Sep 14, 2019 - 08:05\n"
                     "  • Updated : Sep 15, 2019 - 11:32\n\n" + BODY, cctx, url="http://www.koreaherald.com/view.php?ud=1")
    assert doc.publisher == "Yonhap" and doc.metadata["carrier"] == "The Korea Herald"
    assert doc.published is not None and doc.published.value == "2019-09-14"


@pytest.mark.parametrize("opening, place", [("KUALA LUMPUR: ", "Kuala Lumpur"), ("Doha: ", "Doha"),
                                            ("JEDDAH - ", "Jeddah"), ("CAIRO — ", "Cairo")])
def test_datelines_with_a_colon_or_a_dash(cctx: Context, opening: str, place: str) -> None:
    doc = clean_text(opening + BODY, cctx)
    assert doc.dateline == place and doc.text.startswith("The two delegations")


def test_a_label_in_capitals_is_no_dateline(cctx: Context) -> None:
    doc = clean_text("UPDATE: " + BODY, cctx)
    assert doc.dateline is None


def test_a_summary_above_the_dateline_is_a_standfirst(cctx: Context) -> None:
    summary = "The two presidents put their names to a peace accord in May, closing a feud of many years."
    doc = clean_text(f"Delegations agree to meet again\n{summary}\nJEDDAH - {BODY}", cctx)
    assert doc.dateline == "Jeddah" and doc.metadata["standfirst"] == [summary]
    assert doc.text.startswith("The two delegations")


def test_a_photo_caption_with_agency_and_photographer_goes(cctx: Context) -> None:
    caption = ("The two delegation heads shake hands after the signing ceremony in the capital, 29 April 2016. "
               "The talks had been suspended for months. EPA/JOHN DOE")
    doc = clean_text(f"{caption}\n\nDelegations agree to meet again\n\nBy Agency Report\n\nSeptember 12, 2018\n\n{BODY}", cctx)
    assert caption not in doc.text and doc.published is not None and doc.published.value == "2018-09-12"
