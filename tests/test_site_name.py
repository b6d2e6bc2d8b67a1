"""The publisher of a page whose outlet the outlet table does not know (``clean/site.py``): each
step of its cascade on made-up pages of made-up outlets, the carrier-or-author rule, and pages
whose furniture names another outlet."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.clean.outlets import bundled_outlets, load_outlets
from storyline.clean.patterns import patterns_for
from storyline.clean.site import domain_name, split_host
from storyline.lexicons import data_path
from storyline.pipeline import Context, clean_raw
from storyline.read.html import extract_article
from test_pages_metadata import clean_text

BODY = ("The two delegations met on Sunday in the lakeside town and agreed to resume their talks next month.\n\n"
        "Officials from both sides said the meeting had been constructive and that a further round was planned.")
URL = "https://www.thenewsdaily-zambezi.co.zw/politics/2024/03/05/talks-resume/"


@pytest.fixture(scope="module")
def cctx() -> Context:
    """Cleaning needs no spaCy model: a plain Context."""
    return Context()


MADE_UP = ("The News Daily", "Zambezi Courier", "Lake Kivu Observer", "Harare Evening Herald", "Kivupress")


def test_the_made_up_outlets_are_unknown_to_the_table() -> None:
    table = bundled_outlets()
    assert not any(table.get(n) for n in MADE_UP)
    assert table.for_host(URL) is None


# ------------------------------------------------------------------ step 1: credit lines

def test_a_copyright_line_names_an_unknown_site(cctx: Context) -> None:
    text = ("Home | Politics | Sport\n\nTalks resume in the lakeside town\n\nBy Jane Moyo\n\n" + BODY
            + "\n\n(c) 2024 The News Daily. All rights reserved.")
    doc = clean_text(text, cctx, url=URL)
    assert doc.publisher == "The News Daily" and doc.metadata["publisher_source"] == "site:copyright"
    assert doc.byline == "Jane Moyo"
    assert clean_text(text, cctx).publisher == "The News Daily"  # the line says so without an address


@pytest.mark.parametrize("line, name", [
    ("© 2023 Zambezi Courier | Privacy Policy | Terms of Use", "Zambezi Courier"),
    ("Copyright © 2019-2024 Zambezi Courier Ltd. All Rights Reserved.", "Zambezi Courier"),
    ("Copyright 2024, Lake Kivu Observer", "Lake Kivu Observer"),
])
def test_copyright_forms(cctx: Context, line: str, name: str) -> None:
    assert clean_text(BODY + "\n\n" + line, cctx).publisher == name


def test_a_source_line_names_who_supplied_the_story(cctx: Context) -> None:
    doc = clean_text(BODY + "\n\nSource: Lake Kivu Observer", cctx, url=URL)
    assert doc.publisher == "Lake Kivu Observer" and doc.metadata["publisher_source"] == "text:credit_line"


def test_a_source_line_naming_a_person_is_no_credit(cctx: Context) -> None:
    assert clean_text(BODY + "\n\nSource: Jane Moyo", cctx).publisher is None
    assert clean_text(BODY + "\n\nCredit: Getty Images", cctx).publisher is None


def test_an_official_statement_reposted_is_its_issuers(cctx: Context) -> None:
    doc = clean_text(BODY + "\n\nSource: Ministry of Foreign Affairs of Zambezia", cctx,
                     url="https://www.crisisrepost.org/report/statement-on-talks")
    assert doc.publisher == "Ministry of Foreign Affairs of Zambezia"
    assert doc.metadata["carrier"]  # the reposting site, from its address


def test_where_the_story_first_appeared(cctx: Context) -> None:
    text = BODY + "\n\nThe post Talks resume in the lakeside town appeared first on Zambezi Courier."
    doc = clean_text(text, cctx, url="https://newsfeedhub.example.com/talks")
    assert doc.publisher == "Zambezi Courier"


# ------------------------------------------------------------------ step 2: staff bylines, sign-offs

@pytest.mark.parametrize("line, name", [
    ("By Zambezi Courier Staff", "Zambezi Courier"),
    ("Harare Evening Herald Staff Reporter", "Harare Evening Herald"),
    ("The News Daily News Desk", "The News Daily"),
])
def test_a_staff_byline_names_the_outlet(cctx: Context, line: str, name: str) -> None:
    doc = clean_text("Talks resume in the lakeside town\n" + line + "\n" + BODY, cctx)
    assert doc.publisher == name and doc.metadata["publisher_source"] == "text:byline"


@pytest.mark.parametrize("line", ["By Jane Moyo Staff Writer", "Agency Report", "By Our Staff Reporter"])
def test_a_persons_or_a_desks_byline_names_no_outlet(cctx: Context, line: str) -> None:
    assert clean_text("Talks resume in the lakeside town\n" + line + "\n" + BODY, cctx).publisher is None


@pytest.mark.parametrize("ending, name", [
    (" - Kivupress", "Kivupress"),
    (" (Kivupress)", "Kivupress"),
    (" — KPA", "KPA"),
    ("\n\nKPA", "KPA"),
])
def test_an_unknown_wires_sign_off_wins_over_the_carrier(cctx: Context, ending: str, name: str) -> None:
    doc = clean_text(BODY + ending + "\n\n(c) 2024 The News Daily. All rights reserved.", cctx, url=URL)
    assert doc.publisher == name and doc.metadata["carrier"] == "The News Daily"
    assert not doc.text.endswith(ending.strip())


def test_a_persons_sign_off_is_no_credit(cctx: Context) -> None:
    assert clean_text(BODY + " - Jane Moyo", cctx).publisher is None
    assert clean_text(BODY + " - NYKZ 1514", cctx).publisher is None  # a wire's routing code


@pytest.mark.parametrize("last", ["MORE", "RELATED", "(YouTube)", "ENDS"])
def test_furniture_in_capitals_below_the_story_is_no_credit(cctx: Context, last: str) -> None:
    assert clean_text(BODY + "\n\n" + last, cctx).publisher is None


def test_a_known_wires_credit_wins_over_an_unknown_site(cctx: Context) -> None:
    text = ("HARARE, March 5 (Reuters) - " + BODY + "\n\n(c) 2024 The News Daily. All rights reserved.")
    doc = clean_text(text, cctx, url=URL)
    assert doc.publisher == "Reuters" and doc.metadata["carrier"] == "The News Daily"
    doc = clean_text(BODY + " - AFP", cctx, url=URL)
    assert doc.publisher == "AFP"


# ------------------------------------------------------------------ step 3: a name the address spells

def test_a_site_name_in_the_header_that_the_address_spells(cctx: Context) -> None:
    doc = clean_text("The News Daily | Home | Politics | Sport\n\nTalks resume in the lakeside town\n\n" + BODY,
                     cctx, url=URL)
    assert doc.publisher == "The News Daily" and doc.metadata["publisher_source"] == "site:name"


def test_a_site_name_by_its_initials_in_the_furniture(cctx: Context) -> None:
    doc = clean_text("Lake Kivu Observer | Home | Politics\n\nTalks resume in the lakeside town\n\n" + BODY, cctx,
                     url="https://www.lko.co.rw/news/talks")
    assert doc.publisher == "Lake Kivu Observer"


def test_initials_in_the_story_are_no_site_name(cctx: Context) -> None:
    text = BODY + "\n\nThe Lake Kivu Organisation welcomed the talks and said it would send observers."
    doc = clean_text(text, cctx, url="https://www.lko.co.rw/news/talks")
    assert doc.publisher == "LKO" and doc.metadata["publisher_source"] == "site:domain"


def test_a_dotted_site_name(cctx: Context) -> None:
    doc = clean_text("Kivupress.rw\n\nTalks resume in the lakeside town\n\n" + BODY, cctx,
                     url="https://kivupress.rw/en/news/2024/1")
    assert doc.publisher == "Kivupress.rw"


def test_another_outlet_in_the_furniture_does_not_win_over_the_pages_own(cctx: Context) -> None:
    text = ("Read more on Harare Evening Herald\n\nTalks resume in the lakeside town\n\n" + BODY
            + "\n\nRelated: Rains delay the harvest (Lake Kivu Observer)\n\nThe News Daily | About | Contact")
    doc = clean_text(text, cctx, url=URL)
    assert doc.publisher == "The News Daily"


def test_another_outlet_in_the_furniture_names_nobody_without_an_address(cctx: Context) -> None:
    text = ("Read more on Harare Evening Herald\n\nTalks resume in the lakeside town\n\n" + BODY
            + "\n\nRelated: Rains delay the harvest (Lake Kivu Observer)")
    assert clean_text(text, cctx).publisher is None
    doc = clean_text(text, cctx, url=URL)
    assert doc.publisher == "The News Daily Zambezi" and doc.metadata["publisher_source"] == "site:domain"


def test_furniture_alone_names_nobody(cctx: Context) -> None:
    assert clean_text("Home | Politics | Sport\n\n" + BODY + "\n\nAbout | Contact | Advertise", cctx).publisher is None


# ------------------------------------------------------------------ step 4: the domain made readable

@pytest.mark.parametrize("url, name", [
    ("https://www.zambeziexpressng.com/a/1", "Zambezi Express"),
    ("https://ewk.co.ke/2024/03/05/talks", "EWK"),
    ("https://english.kivudaily.org.rw/news/1", "Kivu Daily"),
    ("https://amp.harare-courier.co.zw/x", "Harare Courier"),
    ("https://kpnews.com/article/8d473ed", "KP News"),
])
def test_a_readable_name_from_the_domain(cctx: Context, url: str, name: str) -> None:
    found = domain_name(url, BODY + " Zambezi Harare Kivu", patterns_for(cctx))
    assert found is not None and found.publisher == name


@pytest.mark.parametrize("url, labels, suffix", [
    ("https://www.thenewsdaily-zambezi.co.zw/a", ("thenewsdaily-zambezi",), "co.zw"),
    ("https://english.kivudaily.org.rw/a", ("kivudaily",), "org.rw"),
    ("https://world.kivudaily.com/a", ("world", "kivudaily"), "com"),
])
def test_the_address_cut_into_its_names(cctx: Context, url: str, labels: tuple[str, ...], suffix: str) -> None:
    host = split_host(url, patterns_for(cctx))
    assert host is not None and host.labels == labels and host.suffix == suffix


def test_an_address_of_numbers_names_nobody(cctx: Context) -> None:
    assert split_host("http://10.0.0.1/page", patterns_for(cctx)) is None


def test_a_known_outlets_address_is_still_read_from_the_table(cctx: Context) -> None:
    doc = clean_text(BODY + "\n\n(c) 2024 The News Daily. All rights reserved.", cctx,
                     url="https://en.mehrnews.com/news/1/x")
    assert doc.publisher == "Mehr News Agency"


# ------------------------------------------------------------------ metadata of an HTML page

def test_an_html_pages_site_name(cctx: Context) -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY.split("\n\n"))
    html = ("<html><head><title>Talks resume</title>"
            '<meta property="og:site_name" content="Zambezi Courier">'
            '<meta property="og:title" content="Talks resume in the lakeside town"></head>'
            f"<body><article><h1>Talks resume in the lakeside town</h1>{paragraphs * 3}</article></body></html>")
    doc = clean_raw(extract_article(html, "a.html", "a.html"), cctx)
    assert doc.publisher == "Zambezi Courier" and doc.metadata["publisher_source"] == "site:metadata"


def _html_page(site_name: str | None, url: str, body: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    meta = f'<meta property="og:site_name" content="{site_name}">' if site_name else ""
    return (f'<html><head><title>Talks resume</title>{meta}<link rel="canonical" href="{url}"></head>'
            f"<body><article><h1>Talks resume in the lakeside town</h1>{paragraphs * 3}</article></body></html>")


def test_an_html_pages_site_name_carries_a_wire_story(cctx: Context) -> None:
    html = _html_page("Zambezi Courier", "https://www.zambezicourier.co.zw/a/1", "HARARE, March 5 (Reuters) - " + BODY)
    doc = clean_raw(extract_article(html, "a.html", "a.html"), cctx)
    assert doc.publisher == "Reuters" and doc.metadata["carrier"] == "Zambezi Courier"


def test_a_site_name_guessed_from_the_address_is_read_as_the_address(cctx: Context) -> None:
    html = _html_page(None, "https://www.zambezicourier.co.zw/a/1", BODY)
    raw = extract_article(html, "a.html", "a.html")
    doc = clean_raw(raw, cctx)
    assert doc.publisher == "Zambezi Courier" and doc.metadata["publisher_source"] == "site:domain"


def test_adding_an_outlet_is_one_line(tmp_path: Path) -> None:
    header = (data_path("outlets", "outlets.tsv").read_text(encoding="utf-8").splitlines())
    columns = next(ln for ln in header if ln.startswith("name\t"))
    extra = tmp_path / "more.tsv"
    extra.write_text(columns + "\nZambezi Courier\tzambezicourier.co.zw\tThe Courier Zimbabwe\tZWE\ten\tno\tnewspaper\n",
                     encoding="utf-8")
    table = load_outlets(extra, load_outlets(data_path("outlets", "outlets.tsv")))
    found = table.for_host("https://amp.zambezicourier.co.zw/news/1")
    assert found is not None and found.name == "Zambezi Courier" and found.country == "ZWE"
    assert table.get("the courier zimbabwe") is found and table.get("TASS") is not None


def test_the_table_covers_the_regions_it_was_thin_on() -> None:
    countries = {o.country for o in bundled_outlets().outlets}
    assert {"ARG", "CHL", "PER", "BOL", "KEN", "ZMB", "AGO", "KWT", "OMN", "LKA", "NPL", "LAO", "TLS"} <= countries
