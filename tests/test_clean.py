"""Cleaning on the dev articles and the Wikinews set, checked against their gold, and on made-up
articles for each kind of header, footer and dateline."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from storyline.errors import InputError
from storyline.model import Document, RawDocument, content_id
from storyline.options import Options
from storyline.pipeline import Context, clean_raw
from storyline.read import read_paths

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV = SHARED / "eval" / "dev"
WIKINEWS = SHARED / "eval" / "wikinews"
needs_shared = pytest.mark.skipif(not DEV.is_dir(), reason="the shared eval set is not beside the repo")

QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})


@pytest.fixture(scope="module")
def cctx() -> Context:
    """Cleaning needs no spaCy model: a plain Context."""
    return Context()


def clean_text(text: str, ctx: Context, name: str = "a.txt", **meta: object) -> Document:
    kind = "jsonl" if meta else "text"
    return clean_raw(RawDocument(origin=name, name=name, text=text, kind=kind, metadata=dict(meta)), ctx)


def raw_lines(path: Path) -> list[str]:
    """The non-blank lines of a raw article, stripped."""
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


def cleaned(path: Path, ctx: Context) -> dict[str, Document]:
    return {d.name: d for d in (clean_raw(r, ctx) for r in read_paths([path]))}  # type: ignore[arg-type]


def contains(text: str, piece: str) -> bool:
    """The scorer's way of finding words: white space and quote-mark style may differ."""
    pattern = r"\s+".join(re.escape(w) for w in piece.translate(QUOTE_MARKS).split())
    return re.search(pattern, text.translate(QUOTE_MARKS)) is not None


def gold_files(folder: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((folder / "gold").glob("*.json"))]


# ---------------------------------------------------------------- the dev articles


@needs_shared
def test_dev_articles_publisher_dateline_published_match_the_gold(cctx: Context) -> None:
    docs = cleaned(DEV / "articles", cctx)
    for gold in gold_files(DEV):
        doc = docs[gold["doc"]]
        assert doc.publisher == gold["publisher"], doc.name
        assert doc.dateline == gold["dateline"], doc.name
        if gold["published_in_text"]:
            assert doc.published is not None and doc.published.value == gold["published"], doc.name
            assert doc.published.precision == "day"
        else:  # no full date in the text: the dates stage must infer it, cleaning claims nothing
            assert doc.published is None, doc.name


@needs_shared
def test_dev_article_details(cctx: Context) -> None:
    docs = cleaned(DEV / "articles", cctx)
    d000, d001, d002, d003, d004 = (docs[n] for n in sorted(docs))
    # The expected headlines and first sentences are read from the raw files, not copied into the test.
    raw001, raw003, raw004 = (raw_lines(DEV / "articles" / d.name) for d in (d001, d003, d004))
    assert d000.byline == "E.Tariverdiyeva" and d000.dateline_date == "May 12"
    assert d000.removed[0].startswith("EDITOR's NOTE")
    assert d001.title == raw001[2]  # after the publisher line and the timestamp line
    assert d001.dateline_date == "July 27" and d001.publisher_evidence == "(Sputnik)"
    assert d001.metadata["timestamp"] == "Friday 7:10 PM UTC"
    assert d001.text.startswith(raw001[3].split("(Sputnik) – ", 1)[1][:60])
    assert d002.published is not None and d002.published.method == "text:footer"
    assert not any(line.startswith("Share") for line in d002.text.split("\n"))
    assert "Share this news" in d002.removed
    assert sum(line.startswith("Share to ") for line in d002.removed) >= 2
    assert d003.published is not None and d003.published.method == "text:timestamp"
    assert d003.title == raw003[1] and raw003[0] == "..."
    assert d003.byline == "Seba Agayeva" and d003.dateline_date == "June 18"
    assert {"...", "Tags:", "Latest", "Edited by CN"} <= set(d003.removed)
    teaser = raw003[3]  # the standfirst under the timestamp, repeated as the first sentence
    assert d003.text.count(teaser[:45]) == 1  # the teaser went
    assert raw003.count(d003.title) == 2 and d003.title not in d003.text  # the repeated title went
    assert d004.dateline_date == "November 12" and d004.publisher_evidence == "/TASS/"
    assert d004.removed[0] == "All news"
    assert d004.text.startswith(raw004[3].split("/TASS/. ", 1)[1][:60])
    assert d004.metadata["standfirst"][0] == raw004[2]


@needs_shared
@pytest.mark.parametrize("corpus", ["dev", "wikinews"])
def test_every_gold_evidence_and_quote_stays_in_the_cleaned_text(cctx: Context, corpus: str) -> None:
    folder = DEV if corpus == "dev" else WIKINEWS
    docs = cleaned(folder / "articles" if corpus == "dev" else folder / "articles.jsonl", cctx)
    spans = 0
    for gold in gold_files(folder):
        doc = docs[gold["doc"]]
        for piece in [e["evidence"] for e in gold["events"]] + [q["text"] for q in gold["quotes"]]:
            spans += 1
            assert contains(doc.text, piece), f"{doc.name}: {piece[:80]!r}"
    assert spans > 50


@needs_shared
def test_dev_paragraphs_are_separated_by_a_blank_line(cctx: Context) -> None:
    for doc in cleaned(DEV / "articles", cctx).values():
        assert "\n\n\n" not in doc.text and doc.text == doc.text.strip()
        assert all(p.strip() == p and "\n" not in p for p in doc.text.split("\n\n"))
        assert doc.id == content_id(doc.text)
    d000 = cleaned(DEV / "articles", cctx)["000_c58574d3dd161d13.txt"]
    original = (DEV / "articles" / "000_c58574d3dd161d13.txt").read_text(encoding="utf-8")
    assert len(d000.text.split("\n\n")) == len([ln for ln in original.splitlines() if ln.strip()]) - 2


@needs_shared
def test_wikinews_metadata_matches_the_gold(cctx: Context) -> None:
    docs = cleaned(WIKINEWS / "articles.jsonl", cctx)
    assert len(docs) == 10
    for gold in gold_files(WIKINEWS):
        doc = docs[gold["doc"]]
        assert doc.publisher == gold["publisher"] == "Wikinews"
        assert doc.dateline is None and gold["dateline"] is None
        assert doc.published is not None and doc.published.value == gold["published"]
        assert doc.published.method == "metadata:jsonl"
        assert doc.title and doc.url and doc.url.startswith("https://en.wikinews.org/")


@needs_shared
def test_one_article_from_a_file_and_from_jsonl_is_one_document(cctx: Context) -> None:
    from_jsonl = cleaned(WIKINEWS / "articles.jsonl", cctx)
    from_files = cleaned(WIKINEWS / "articles", cctx)  # title line, blank line, text
    for name, doc in from_files.items():
        assert doc.id == from_jsonl[name].id, name
        assert doc.title == from_jsonl[name].title


# ---------------------------------------------------------------- made-up articles

BODY = ("Norway, as a go-between in the dispute, supports any direct contact between Quito and Lima, "
        "the Foreign Ministry spokeswoman said on Friday.\n\nThe two parties covered trade, fishing and visas.")


@pytest.mark.parametrize("opening, place, date, publisher", [
    ("MOSCOW, November 12. /TASS/. ", "Moscow", "November 12", "TASS"),
    ("BAKU, July 27 (Sputnik) – ", "Baku", "July 27", "Sputnik"),
    ("NEW YORK, Feb 26 - ", "New York", "Feb 26", None),
    ("LONDON (Reuters) - ", "London", None, "Reuters"),
    ("ST. LOUIS, Mo., March 3 - ", "St. Louis", "March 3", None),
    ("Yerevan, 5 April (Armenpress) — ", "Yerevan", "5 April", "Armenpress"),
])
def test_inline_dateline_is_cut_and_the_sentence_kept(cctx: Context, opening: str, place: str,
                                                      date: str | None, publisher: str | None) -> None:
    doc = clean_text(opening + BODY, cctx)
    assert doc.dateline == place and doc.dateline_date == date and doc.publisher == publisher
    assert doc.text == BODY and doc.published is None
    assert doc.removed == [opening.strip()]


@pytest.mark.parametrize("opening", [
    "Tuesday, Kenyan police officers detained the suspect near the border. ",
    "On March 4, Chilean President Ana Torres signed a trade memorandum. ",
    "Yesterday, warehouses in the port of Gdansk were damaged by a storm. ",
    "Swiss, Norwegian mediators will travel to Nairobi, the minister said. ",
])
def test_sentences_that_open_like_a_dateline_are_left_alone(cctx: Context, opening: str) -> None:
    doc = clean_text(opening + BODY, cctx)
    assert doc.dateline is None and doc.dateline_date is None and doc.text.startswith(opening.strip())


def test_a_name_with_a_bracket_is_no_dateline(cctx: Context) -> None:
    doc = clean_text("Blackburn v Burnley\n\nEwood Park\n\nHoward Webb (South Yorkshire)\n\n" + BODY, cctx)
    assert doc.dateline is None and doc.publisher is None
    assert doc.text.startswith("Ewood Park\n\nHoward Webb (South Yorkshire)")


def test_body_lines_that_start_like_furniture_stay(cctx: Context) -> None:
    text = BODY + "\n\nCopyright infringement cases rose sharply.\n\nRead more about the talks in the report."
    doc = clean_text(text, cctx)
    assert doc.text == text and not doc.removed


def test_dateline_with_a_year_gives_the_publication_date(cctx: Context) -> None:
    doc = clean_text("MOSCOW, November 12, 2020 /TASS/. " + BODY, cctx)
    assert doc.published is not None and doc.published.value == "2020-11-12"
    assert doc.published.method == "text:dateline" and doc.dateline_date == "November 12, 2020"


def test_header_lines_masthead_timestamp_byline(cctx: Context) -> None:
    text = ("Trend News Agency, Azerbaijan\nPublished: 3 March 2019 10:15 GMT\n"
            "Lavrov and Mammadyarov discuss Karabakh\nBaku, Azerbaijan, March 3\nBy Elmira Tariverdiyeva - Trend:\n"
            + BODY + "\nTags: Karabakh, Lavrov\nRead more: Lavrov in Baku\n")
    doc = clean_text(text, cctx)
    assert doc.publisher == "Trend" and doc.byline == "Elmira Tariverdiyeva"
    assert doc.title == "Lavrov and Mammadyarov discuss Karabakh"
    assert doc.dateline == "Baku" and doc.dateline_date == "March 3"
    assert doc.published is not None and doc.published.value == "2019-03-03"
    assert doc.published.method == "text:timestamp"
    assert doc.text == BODY


def test_container_metadata_comes_first(cctx: Context) -> None:
    doc = clean_text("BAKU, July 27 (Sputnik) – " + BODY, cctx, title="Russia welcomes contacts",
                     date="2018-07-27T16:10:00Z", source="reuters-21578", author="A. Writer")
    assert doc.publisher == "Reuters" and doc.publisher_evidence == "source: reuters-21578"
    assert doc.published is not None and doc.published.value == "2018-07-27"
    assert doc.published.method == "metadata:jsonl" and doc.byline == "A. Writer"
    assert doc.title == "Russia welcomes contacts" and doc.dateline == "Baku"


def test_unknown_source_is_kept_as_written(cctx: Context) -> None:
    doc = clean_text(BODY, cctx, source="Hetq Online", date="2019-05")
    assert doc.publisher == "Hetq Online"
    assert doc.published is not None and doc.published.value == "2019-05" and doc.published.precision == "month"


def test_hard_wrapped_wire_copy_is_joined_into_paragraphs(cctx: Context) -> None:
    text = ("SALVADOR, Feb 26 - Showers continued throughout the week in\n"
            "the Bahia cocoa zone, alleviating the drought since early\n"
            "January and improving prospects for the coming temporao,\n"
            "Comissaria Smith said in its weekly review.\n"
            "    The dry period means the temporao will be late this year.\n"
            "    Arrivals for the week ended February 22 were 155,221 bags\n"
            "of 60 kilos making a cumulative total for the season of 5.93\n"
            "mln against 5.81 at the same stage last year.\n"
            "        REUTER\n")
    doc = clean_text(text, cctx)
    assert doc.dateline == "Salvador" and doc.dateline_date == "Feb 26"
    assert doc.text.split("\n\n") == [
        "Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought since early "
        "January and improving prospects for the coming temporao, Comissaria Smith said in its weekly review.",
        "The dry period means the temporao will be late this year.",
        "Arrivals for the week ended February 22 were 155,221 bags of 60 kilos making a cumulative total for "
        "the season of 5.93 mln against 5.81 at the same stage last year."]
    assert "REUTER" in doc.removed


def test_a_lead_without_a_full_stop_stays_in_the_body(cctx: Context) -> None:
    lead = "Japanese brewers are increasingly making money from beer-flavoured drinks rather than beer itself"
    doc = clean_text(lead + "\n\n" + BODY, cctx, title="Japan brewers find new drinks")
    assert doc.text.startswith(lead) and not doc.metadata.get("standfirst")


def test_white_space_is_made_plain(cctx: Context) -> None:
    doc = clean_text("Lavrov\u00a0said\tthe  talks were\u200b useful.\r\n\r\n\r\nThey will meet again in May.", cctx)
    assert doc.text == "Lavrov said the talks were useful.\n\nThey will meet again in May."


def test_nothing_left_is_an_error(cctx: Context) -> None:
    with pytest.raises(InputError) as exc:
        clean_text("Share this news\nTags: Karabakh\nLatest\n", cctx, name="furniture.txt")
    assert exc.value.code == "E109" and "furniture.txt" in str(exc.value)


def test_users_extend_the_cleaning_lexicons(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text("boilerplate:\n  anywhere: ['listen to this article']\n"
                     "publishers:\n  outlets:\n    Hetq: [Hetq, hetq.am]\n", encoding="utf-8")
    ctx = Context(Options(lexicon_files=[extra]))
    doc = clean_text("YEREVAN, May 3 (Hetq) - " + BODY.replace("\n\n", "\n\nListen to this article\n\n"), ctx)
    assert doc.publisher == "Hetq" and "Listen to this article" in doc.removed
    assert "Listen" not in doc.text
    plain = clean_text(BODY.replace("\n\n", "\n\nListen to this article\n\n"), Context())
    assert "\n\nListen to this article\n\n" in plain.text
