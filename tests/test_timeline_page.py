"""``storyline timeline --format html`` (issue 7: one self-contained page, background shown as
such), checked as a reader gets it: rendered by a real browser (headless Chromium, see
browser.py) from the real CLI's output over the five dev articles ingested into a real DuckDB file.

What is checked in the rendered DOM: the landmarks with every source sentence and who published
it, background marked in words, the page's outline (lang, title, headings, lists), no script and
nothing fetched but the page itself (the local server's log). A sentence holding ``<script>``,
quotes and an image tag must come out as those characters, neither run nor fetch.
"""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest
from typer.testing import CliRunner

from browser import dump_dom, serve
from storyline.cli import app
from storyline.model import ActorRef, DateValue, StoryEvent, StorySource
from storyline.story.timeline_page import render_html

runner = CliRunner()
PAGE = "/timeline.html"


def cli(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def rendered(page: str, tmp_path: Path, name: str = "profile") -> tuple[lxml.html.HtmlElement, list[str]]:
    """The DOM Chromium built from the page served on 127.0.0.1, and every path the server was asked."""
    with serve({PAGE: page}) as server:
        dom = dump_dom(server.url + PAGE, tmp_path / name)
        asked = list(server.requests)
    return lxml.html.document_fromstring(dom), asked


def cls(name: str) -> str:
    """An XPath test for an element having the CSS class ``name``."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def label(entry: lxml.html.HtmlElement, name: str) -> list:
    return entry.xpath(f".//h3/*[{cls('label')} and {cls(name)}]")


def text(el: lxml.html.HtmlElement) -> str:
    return " ".join(el.text_content().split())


@pytest.fixture(scope="module")
def dev_page(dev_db: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("page") / "timeline.html"
    cli("timeline", "--db", str(dev_db), "--format", "html", "--out", str(out))
    rows = [json.loads(line) for line in cli("timeline", "--db", str(dev_db), "--format", "json").splitlines()]
    dom, asked = rendered(out.read_text(encoding="utf-8"), tmp_path_factory.mktemp("chromium"))
    return {"dom": dom, "asked": asked, "rows": rows}


def entries(dom: lxml.html.HtmlElement) -> dict[str, lxml.html.HtmlElement]:
    return {li.get("id"): li for li in dom.xpath(f"//ol[{cls('entries')}]/li[{cls('entry')}]")}


def facts(entry: lxml.html.HtmlElement) -> dict[str, str]:
    return {text(dt): text(dt.getnext()) for dt in entry.xpath(f".//dl[{cls('facts')}]/dt")}


def sources(entry: lxml.html.HtmlElement) -> list[tuple[str, str]]:
    """(sentence, citation) of each source sentence of an entry."""
    return [(text(li.xpath("blockquote")[0]), text(li.xpath(f"*[{cls('cite')}]")[0]))
            for li in entry.xpath(f".//ul[{cls('sources')}]/li")]


def landmark(dom: lxml.html.HtmlElement, date: str, what: str, words: str) -> lxml.html.HtmlElement:
    """The one entry dated ``date`` (its <time datetime>) of class ``what`` told with ``words``."""
    found = [li for li in entries(dom).values()
             if li.xpath(f'.//h3/time[@datetime="{date}"]') and text(li.xpath(f".//h3/*[{cls('what')}]")[0]) == what
             and any(words in sentence for sentence, _ in sources(li))]
    assert len(found) == 1, (date, what, [text(li.xpath(".//h3")[0]) for li in found])
    return found[0]


def test_the_dev_timeline_page_loads_nothing_but_itself(dev_page) -> None:
    assert dev_page["asked"] == [PAGE]
    dom = dev_page["dom"]
    assert not dom.xpath("//script | //iframe | //object | //embed | //img | //link[@rel='stylesheet'] | //form")
    policy = dom.xpath('//meta[@http-equiv="Content-Security-Policy"]')[0].get("content")
    assert policy.startswith("default-src 'none';")
    for el in dom.iter():
        assert not any(name.startswith("on") for name in el.attrib), el.tag
        for name in ("src", "href", "action", "srcset", "poster", "data"):
            value = el.get(name)
            assert value is None or value.startswith("#") or value.startswith("data:"), (el.tag, name, value)
    style = " ".join(s.text_content() for s in dom.xpath("//style"))
    assert "url(" not in style and "@import" not in style


def test_the_dev_timeline_page_has_an_outline_a_screen_reader_can_follow(dev_page) -> None:
    dom = dev_page["dom"]
    assert dom.get("lang") == "en"
    assert text(dom.xpath("//title")[0]).startswith("Timeline:")
    assert len(dom.xpath("//h1")) == 1
    years = [text(h) for h in dom.xpath("//main/section/h2")]
    assert years[0] == "1988" and {"1994", "2010", "2014", "2016", "2018", "2020"} <= set(years)
    for li in entries(dom).values():
        heading = li.xpath("article/h3")
        assert len(heading) == 1 and li.xpath("article")[0].get("aria-labelledby") == heading[0].get("id")
        assert li.xpath(f"article/dl[{cls('facts')}]/dt") and li.xpath(f"article/ul[{cls('sources')}]/li/blockquote")
    links = {a.get("href")[1:] for a in dom.xpath("//nav//a")}
    assert links <= {el.get("id") for el in dom.iter() if el.get("id")}


def test_every_story_event_and_every_source_sentence_is_on_the_page(dev_page) -> None:
    by_id = entries(dev_page["dom"])
    assert list(by_id) == [row["id"] for row in dev_page["rows"]]
    for row in dev_page["rows"]:
        entry = by_id[row["id"]]
        assert text(entry.xpath(f".//h3/*[{cls('what')}]")[0]) == row["what"]
        assert text(entry.xpath(f".//h3/*[{cls('label')} and {cls(row['status'])}]")[0]) == row["status"]
        on_page = sources(entry)
        assert [sentence for sentence, _ in on_page] == [" ".join((s["sentence"] or s["text"]).split())
                                                          for s in row["sources"]]
        for (_, cite), s in zip(on_page, row["sources"], strict=True):
            assert s["document"] in cite and (s["outlet"] or "outlet unknown") in cite
        assert bool(label(entry, "background")) == row["background"]
        assert ("background" in entry.get("class").split()) == row["background"]


def test_the_dev_landmarks_with_their_sources_and_background_marked(dev_page) -> None:
    dom = dev_page["dom"]
    start = landmark(dom, "1988", "REQUEST", "began in 1988")
    assert "BACKGROUND" in text(start.xpath(".//h3")[0]).upper()
    assert label(start, "background") and "background" in start.get("class").split()
    cited = " ".join(cite for _, cite in sources(start))
    assert "Trend" in cited and "Sputnik" in cited and "000_c58574d3dd161d13.txt" in cited
    assert "Armenia" in facts(start)["Who"] and facts(start)["To whom"] == "Azerbaijan"

    ceasefire = landmark(dom, "1994", "AGREE", "signed a ceasefire agreement in 1994")
    assert label(ceasefire, "background")
    assert len(sources(ceasefire)) >= 2

    statement = landmark(dom, "2020-11-09", "AGREE", "signed a joint statement")
    assert not label(statement, "background") and "background" not in statement.get("class").split()
    assert label(statement, "reported")
    assert {"Vladimir Putin", "Ilham Aliyev", "Nikol Pashinyan"} <= set(facts(statement)["Who"].split(", "))
    ((sentence, cite),) = sources(statement)
    assert sentence.startswith("On November 9, Russian President Vladimir Putin")
    assert "TASS" in cite and "004_3db6768c7b0f1e3c.txt" in cite and "2020-11-12" in cite
    summary = text(dom.xpath(f"//p[{cls('summary')}]")[0])
    n_background = sum(row["background"] for row in dev_page["rows"])
    assert f"{n_background} of the {len(dev_page['rows'])} entries are marked background" in summary


HOSTILE = ("He said \"<script>document.title='pwned'</script>\" & left "
           "<img src=/probe.png onerror=\"document.title='img'\"> at O'Hare.")


def hostile_event() -> StoryEvent:
    src = StorySource(doc_id="d1", event_id="e1", start=0, end=10, text="<script>document.title='pwned'</script>",
                      doc='a"><b>x</b>.txt', sentence_text=HOSTILE, outlet="O'Brien \"News\" <i>", published="2020-01-02")
    return StoryEvent(id='se-"><i>', what="STATEMENT", date=DateValue("2020-01-02", "day", "test"),
                      source=[ActorRef("<b>Bold</b> & Co", None, None)], sources=[src], source_count=1,
                      outlets=["O'Brien \"News\" <i>"], first_reported="2020-01-02")


def test_text_from_articles_is_shown_never_run_or_fetched(tmp_path: Path) -> None:
    dom, asked = rendered(render_html([hostile_event()]), tmp_path)
    assert asked == [PAGE]
    assert text(dom.xpath("//title")[0]).startswith("Timeline:")  # no script set it
    assert not dom.xpath("//script | //img | //i | //b")
    (entry,) = entries(dom).values()
    assert entry.get("id") == 'se-"><i>'
    ((sentence, cite),) = sources(entry)
    assert sentence == HOSTILE
    assert text(entry.xpath(".//blockquote/mark")[0]) == "<script>document.title='pwned'</script>"
    assert "O'Brien \"News\" <i>" in cite and 'a"><b>x</b>.txt' in cite
    assert facts(entry)["Who"] == "<b>Bold</b> & Co"


def test_the_page_policy_stops_a_fetch_the_server_would_see(tmp_path: Path) -> None:
    """The check above is not blind: an image put into the page is fetched without the page's
    Content-Security-Policy and refused with it."""
    page = render_html([hostile_event()])
    probe = page.replace("<main>", '<main><img src="/probe.png" alt="">', 1)
    _, asked = rendered(probe, tmp_path, "with-policy")
    assert asked == [PAGE]
    without = "\n".join(line for line in probe.split("\n") if "Content-Security-Policy" not in line)
    assert without != probe
    _, asked = rendered(without, tmp_path, "without-policy")
    assert "/probe.png" in asked
