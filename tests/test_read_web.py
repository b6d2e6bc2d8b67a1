"""Web pages and feeds, fetched from a real HTTP server on 127.0.0.1 (no test leaves the machine).

The server serves constructed pages (no sentence of an evaluation set), an RSS feed, a robots.txt,
and the failures a crawler meets: a 404, a PDF, a page that answers too late, a redirect; a port
with nothing listening stands for a refused connection.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.errors import InputError
from storyline.options import FetchSettings
from storyline.read.web import Fetcher, _network_error, feed_links, read_url

PAGE = """<!DOCTYPE html><html><head><title>{title}</title>
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="{date}T09:30:00+00:00">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1>
<p>GENEVA, {day} (Example Wire) - {body}</p>
<p>The talks will resume next month, a spokesman for the mediators told reporters on Tuesday,
adding that both delegations had agreed to keep the channel open for further consultations.</p>
</article><footer>Copyright Example Wire</footer></body></html>"""

PAGES = {
    "/news/talks.html": PAGE.format(
        title="Freedonia and Sylvania hold talks in Geneva", date="2025-03-04", day="March 4",
        body="The foreign ministers of Freedonia and Sylvania met in Geneva on Tuesday for a third round "
             "of talks on the disputed border, hosted by the Swiss government."),
    "/news/exchange.html": PAGE.format(
        title="Freedonia and Sylvania exchange detainees", date="2025-03-06", day="March 6",
        body="Freedonia released twelve Sylvanian detainees on Thursday in an exchange brokered by the "
             "Red Cross, and Sylvania freed nine Freedonian soldiers in return."),
    "/private/memo.html": PAGE.format(
        title="Internal memo", date="2025-03-01", day="March 1",
        body="This page is disallowed by robots.txt and must never be fetched by a polite crawler at all."),
}

FEED = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>
<title>Example Wire: World</title><link>http://{host}/</link><description>World news</description>
<item><title>Talks</title><link>http://{host}/news/talks.html</link></item>
<item><title>Exchange</title><link>/news/exchange.html</link></item>
<item><title>Gone</title><link>http://{host}/news/gone.html</link></item>
</channel></rss>"""


class Site:
    """A small news site on 127.0.0.1 that records every request (path, time, user agent)."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, float, str]] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
                site.requests.append((self.path, time.monotonic(), self.headers.get("User-Agent", "")))
                if self.path == "/robots.txt":
                    return self._send(200, "text/plain", b"User-agent: *\nDisallow: /private/\n")
                if self.path in PAGES:
                    return self._send(200, "text/html; charset=utf-8", PAGES[self.path].encode())
                if self.path == "/feed.xml":
                    return self._send(200, "application/rss+xml", FEED.format(host=site.host).encode())
                if self.path == "/report.pdf":
                    return self._send(200, "application/pdf", b"%PDF-1.4 not a page")
                if self.path == "/slow.html":
                    time.sleep(2.0)
                    return self._send(200, "text/html", PAGES["/news/talks.html"].encode())
                if self.path == "/moved":
                    self.send_response(301)
                    self.send_header("Location", "/news/talks.html")
                    self.end_headers()
                    return None
                return self._send(404, "text/html", b"<html><body>Not found</body></html>")

            def _send(self, status: int, kind: str, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with contextlib.suppress(OSError):  # the client gave up (the timeout test)
                    self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.host = f"127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://{self.host}{path}"

    def paths(self) -> list[str]:
        return [p for p, _, _ in self.requests]


@pytest.fixture()
def site() -> Iterator[Site]:
    s = Site()
    s.thread.start()
    yield s
    s.server.shutdown()
    s.server.server_close()


def _refused_url() -> str:
    """An address on this machine where nothing listens (the port was free a moment ago)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/news.html"


def _ingest(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["ingest", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def _stored(db: Path) -> list[dict]:
    result = CliRunner().invoke(app, ["documents", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_a_page_is_fetched_read_and_stored_with_its_address(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "web.duckdb"
    code, _, err = _ingest(site.url("/news/talks.html"), "--db", str(db), "--delay", "0")
    assert code == 0, err
    [doc] = _stored(db)
    assert doc["url"] == site.url("/news/talks.html")
    assert doc["title"] == "Freedonia and Sylvania hold talks in Geneva"
    assert str(doc["published"]).startswith("2025-03-04")
    assert "/robots.txt" in site.paths()  # asked before the page


def test_each_failure_is_named_on_its_own_line_and_the_good_pages_go_in(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "web.duckdb"
    bad = {"/missing.html": "HTTP 404", "/report.pdf": "not an HTML page: the server sent application/pdf",
           "/slow.html": "timeout: no answer from 127.0.0.1 within 0.5 s",
           "/private/memo.html": "robots.txt of 127.0.0.1 does not allow"}
    refused = _refused_url()
    urls = [site.url("/news/talks.html"), *(site.url(p) for p in bad), refused, site.url("/moved")]
    code, _, err = _ingest(*urls, "--db", str(db), "--delay", "0", "--timeout", "0.5")
    assert code == 1  # some inputs failed, the others went in
    lines = err.splitlines()
    for path, reason in bad.items():
        assert [ln for ln in lines if site.url(path) in ln and reason in ln], (path, err)
    assert [ln for ln in lines if refused in ln and "connection refused" in ln], err
    assert "/private/memo.html" not in site.paths()  # robots.txt obeyed: never requested
    docs = _stored(db)
    assert [d["title"] for d in docs] == ["Freedonia and Sylvania hold talks in Geneva"]  # the redirect is the same page
    assert "7 read, 1 new, 1 unchanged, 5 failed" in err


def test_a_feed_brings_its_items_and_a_second_run_fetches_only_what_is_new(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "feed.duckdb"
    code, _, err = _ingest("--feed", site.url("/feed.xml"), "--db", str(db), "--delay", "0")
    assert code == 1, err  # the feed's third item is gone (404), named on its line
    assert [ln for ln in err.splitlines() if "/news/gone.html" in ln and "HTTP 404" in ln], err
    assert sorted(d["url"] for d in _stored(db)) == [site.url("/news/exchange.html"), site.url("/news/talks.html")]
    site.requests.clear()
    code, _, err = _ingest("--feed", site.url("/feed.xml"), "--db", str(db), "--delay", "0")
    assert "/news/talks.html" not in site.paths() and "/news/exchange.html" not in site.paths()
    assert "/feed.xml" in site.paths() and "/news/gone.html" in site.paths()  # only what is not stored
    assert len(_stored(db)) == 2


def test_requests_to_one_host_are_spaced_and_say_who_asks(site: Site) -> None:
    fetcher = Fetcher(FetchSettings(delay=0.3))
    for path in ("/news/talks.html", "/news/exchange.html"):
        read_url(site.url(path), fetcher, 100_000)
    times = [t for _, t, _ in site.requests]
    assert len(times) == 3  # robots.txt, then the two pages
    assert all(b - a >= 0.29 for a, b in zip(times, times[1:], strict=False))
    assert all(agent.startswith("storyline/") for _, _, agent in site.requests)


def test_a_feed_lists_its_item_addresses_in_order_relative_ones_made_absolute(site: Site) -> None:
    links = feed_links(site.url("/feed.xml"), Fetcher(FetchSettings(delay=0)))
    assert links == [site.url("/news/talks.html"), site.url("/news/exchange.html"), site.url("/news/gone.html")]


def test_a_page_that_is_no_feed_is_named(site: Site) -> None:
    with pytest.raises(InputError) as e:
        feed_links(site.url("/news/talks.html"), Fetcher(FetchSettings(delay=0)))
    assert "not an RSS or Atom feed" in str(e.value)


def test_a_host_without_an_address_is_named_as_a_dns_failure() -> None:
    # built from the exception urllib3 raises, since a real lookup would leave the machine
    from urllib3.exceptions import MaxRetryError, NameResolutionError

    reason = NameResolutionError("news.example.invalid", None, socket.gaierror(-2, "Name or service not known"))
    error = _network_error("http://news.example.invalid/a.html", MaxRetryError(None, "/a.html", reason), 20)
    assert "DNS: no address found for the host news.example.invalid" in str(error)


def test_an_address_that_is_not_http_is_refused_before_any_request() -> None:
    with pytest.raises(InputError) as e:
        Fetcher().get("ftp://127.0.0.1/file.html")
    assert "not a web address" in str(e.value)
