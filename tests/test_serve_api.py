"""``storyline serve`` over HTTP (issue 14): every route of the real app, served by uvicorn on
127.0.0.1 over a copy of the five dev articles' store, including bad parameters, cross-site
writes, oversized bodies, escaping of hostile article text and attempts to leave the static folder.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from typer.testing import CliRunner

from serve_server import Answer, call, copy_store, running
from storyline.cli import app

HOSTILE = {
    "id": "hostile-page",
    "title": "Minister <script>alert('title')</script> visits",
    "source": "Evil <b>Daily</b>",
    "date": "2021-03-04",
    "text": ("Russian Foreign Minister Sergey Lavrov met Azerbaijani President Ilham Aliyev in Baku on Monday "
             "<script>alert('body')</script> to discuss the ceasefire.\n\n"
             "The ministers said <img src=x onerror=alert('img')> that talks would go on, "
             "<a href=\"javascript:alert('link')\">read more</a>."),
}


@pytest.fixture(scope="module")
def db(dev_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the dev store this module may write to (corrections, added articles)."""
    return copy_store(dev_db, tmp_path_factory.mktemp("serve"))


@pytest.fixture(scope="module")
def base(db: Path) -> str:
    with running(db, max_body=256 * 1024) as url:
        yield url


def get(base: str, path: str, **kw: object) -> Answer:
    return call(base + path, **kw)  # type: ignore[arg-type]


def ok_json(base: str, path: str) -> dict:
    a = get(base, path)
    assert a.status == 200, (path, a.status, a.text[:500])
    assert a.headers["content-type"].startswith("application/json")
    return a.json()


def finished(base: str, job_id: str) -> dict:
    """An ingest job once it has finished (the server runs it in its own thread)."""
    for _ in range(2400):
        job = ok_json(base, f"/api/jobs/{job_id}")
        if job["state"] in ("done", "failed"):
            return job
        time.sleep(0.25)
    raise AssertionError(f"job {job_id} did not finish: {job}")


@pytest.fixture(scope="module")
def ids(base: str) -> dict[str, str]:
    """Ids of things the store holds: a document, a story event told by several sources, an event."""
    docs = ok_json(base, "/api/documents")["items"]
    stories = ok_json(base, "/api/timeline?limit=1000")["items"]
    multi = next(s for s in stories if len(s["sources"]) >= 2)
    return {"doc": docs[0]["id"], "story": multi["id"], "event": multi["sources"][0]["event"],
            "single": next(s["id"] for s in stories if len(s["sources"]) == 1)}


# ---------------------------------------------------------------- every route answers


PAGES = ["/", "/timeline", "/documents", "/quotes", "/network", "/network?level=actor", "/corrections", "/add"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders(base: str, path: str) -> None:
    a = get(base, path)
    assert a.status == 200, a.text[:500]
    assert a.headers["content-type"].startswith("text/html")
    assert "<title>" in a.text and "/static/app.css" in a.text
    assert "default-src 'self'" in a.headers["content-security-policy"]


def test_pages_with_ids_render_and_their_twins_agree(base: str, ids: dict[str, str]) -> None:
    for page, twin in [(f"/documents/{ids['doc']}", f"/api/documents/{ids['doc']}"),
                       (f"/story-events/{ids['story']}", f"/api/story-events/{ids['story']}"),
                       ("/actors/Lavrov", "/api/actors/Lavrov")]:
        html, data = get(base, page), ok_json(base, twin)
        assert html.status == 200, (page, html.text[:300])
        assert data.get("id") or data.get("candidates"), twin
        assert f'href="{twin}"' in html.text  # the page links its JSON twin


@pytest.mark.parametrize("path", ["/api/overview", "/api/documents", "/api/timeline", "/api/events", "/api/quotes",
                                  "/api/network", "/api/network?level=actor", "/api/corrections", "/openapi.json"])
def test_every_api_list_answers_json(base: str, path: str) -> None:
    ok_json(base, path)


def test_the_openapi_description_names_every_api_route(base: str) -> None:
    paths = ok_json(base, "/openapi.json")["paths"]
    for p in ["/api/documents", "/api/documents/{doc_id}", "/api/timeline", "/api/story-events/{story_id}",
              "/api/events", "/api/quotes", "/api/actors/{name_or_id}", "/api/network", "/api/events/{event_id}",
              "/api/story-events/{story_id}/split", "/api/story-events/{story_id}/merge", "/api/jobs/{job_id}"]:
        assert p in paths, p
    assert "patch" in paths["/api/events/{event_id}"] and "post" in paths["/api/documents"]


def test_the_overview_counts_what_the_store_holds(base: str) -> None:
    data = ok_json(base, "/api/overview")
    assert data["counts"]["documents"] >= 5 and data["counts"]["story_events"] > 10
    assert {"TASS", "Trend"} <= {o["outlet"] for o in data["outlets"]}
    assert data["latest"] and data["events_span"]["first"] < data["events_span"]["last"]


def test_a_document_marks_every_kind_of_extraction_in_its_own_text(base: str, ids: dict[str, str]) -> None:
    data = ok_json(base, f"/api/documents/{ids['doc']}")
    assert "".join(p["text"] for p in data["marks"]) == data["text"]
    kinds = {k for p in data["marks"] for k in p["kinds"]}
    assert {"event", "actor", "date"} <= kinds
    assert any(p["href"] and p["href"].startswith("/actors/") for p in data["marks"])
    assert {f["field"] for f in data["fields"]} >= {"title", "publisher", "published"}


def test_a_story_event_shows_each_source_with_its_evidence_marked(base: str, ids: dict[str, str]) -> None:
    data = ok_json(base, f"/api/story-events/{ids['story']}")
    assert len(data["sources"]) >= 2 and data["tellings"]
    for src in data["sources"]:
        assert src["highlight"]["mark"] == src["text"]
        assert src["machine"]["what"]
    html = get(base, f"/story-events/{ids['story']}").text
    assert html.count("<mark>") >= len(data["sources"])


def test_an_actor_page_has_roles_events_and_ties(base: str) -> None:
    data = ok_json(base, "/api/actors/Lavrov")
    assert data["name"] == "Sergey Lavrov"
    assert data["mentions"]["total"] > 0 and (data["as_source"] or data["as_target"])
    assert data["ties"]


# ---------------------------------------------------------------- lists: filters, paging, CSV


def test_the_timeline_filters_by_actor_class_status_date_and_words(base: str) -> None:
    everything = ok_json(base, "/api/timeline?limit=1000")
    rus = ok_json(base, "/api/timeline?actor=RUS&limit=1000")
    assert 0 < rus["total"] < everything["total"]
    assert all(any(a["country"] == "RUS" or "rus" in a["name"].casefold() for a in s["actors"]) for s in rus["items"])
    cls = ok_json(base, "/api/timeline?class=CONSULT&limit=1000")["items"]
    assert cls and all(s["what"] == "CONSULT" for s in cls)
    bg = ok_json(base, "/api/timeline?status=background&limit=1000")["items"]
    assert bg and all(s["background"] for s in bg)
    y2020 = ok_json(base, "/api/timeline?from=2020&to=2020&limit=1000")["items"]
    assert y2020 and all((s["date"] or "2020")[:4] == "2020" for s in y2020)
    words = ok_json(base, "/api/timeline?q=ceasefire&limit=1000")["items"]
    assert words and all("ceasefire" in " ".join(x["sentence"] or x["text"] for x in s["sources"]).casefold()
                         or "ceasefire" in (s["what"] or "").casefold() for s in words)
    assert [y["year"] for y in everything["years"]][:2] == ["1988", "1991"]


def test_lists_are_paged_with_a_total(base: str) -> None:
    full = ok_json(base, "/api/timeline?limit=1000")
    first, second = ok_json(base, "/api/timeline?limit=5"), ok_json(base, "/api/timeline?limit=5&offset=5")
    assert first["total"] == second["total"] == full["total"]
    assert [s["id"] for s in first["items"] + second["items"]] == [s["id"] for s in full["items"][:10]]
    assert ok_json(base, "/api/events?limit=3")["total"] > 3


@pytest.mark.parametrize("path", ["/api/documents", "/api/timeline", "/api/events", "/api/quotes", "/api/corrections"])
def test_every_list_downloads_as_csv(base: str, path: str) -> None:
    a = get(base, path + "?format=csv&limit=7")
    assert a.status == 200 and a.headers["content-type"].startswith("text/csv")
    assert "attachment" in a.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(a.text)))
    expected = min(7, ok_json(base, path)["total"])
    assert len(rows) == (expected + 1 if expected else 1)


# ---------------------------------------------------------------- bad parameters: 400 naming them


@pytest.mark.parametrize(("path", "param"), [
    ("/api/timeline?limit=0", "limit"), ("/api/timeline?limit=abc", "limit"), ("/api/timeline?offset=-1", "offset"),
    ("/api/timeline?from=2020-13-01", "from"), ("/api/timeline?to=yesterday", "to"),
    ("/api/timeline?status=rumoured", "status"), ("/api/timeline?view=mine", "view"),
    ("/api/timeline?format=xml", "format"), ("/api/events?status=rumoured", "status"),
    ("/api/events?from=20", "from"), ("/api/quotes?to=2020-02-30", "to"), ("/api/network?level=planet", "level"),
    ("/api/network?limit=1", "limit"), ("/api/documents?limit=100000", "limit"),
    ("/api/corrections?kind=person", "kind"), ("/api/timeline?q=" + "x" * 600, "q"),
])
def test_a_bad_parameter_is_a_400_naming_it(base: str, path: str, param: str) -> None:
    a = get(base, path)
    assert a.status == 400, (path, a.status, a.text[:300])
    assert a.json()["param"] == param and param in a.json()["error"]


@pytest.mark.parametrize("path", ["/timeline?from=2020-99", "/quotes?limit=0", "/network?level=planet",
                                  "/documents?offset=-3"])
def test_a_page_with_a_bad_parameter_is_a_400_page(base: str, path: str) -> None:
    a = get(base, path)
    assert a.status == 400 and a.headers["content-type"].startswith("text/html")
    assert "error-message" in a.text


@pytest.mark.parametrize("path", ["/api/documents/ffffffffffffffff", "/api/story-events/se-000000000000",
                                  "/api/actors/Nobody%20Atall%20Xyzzy", "/api/jobs/nosuchjob", "/api/nothing-here",
                                  "/documents/ffffffffffffffff", "/story-events/se-000000000000", "/no-such-page"])
def test_what_is_not_there_is_a_404(base: str, path: str) -> None:
    assert get(base, path).status == 404


# ---------------------------------------------------------------- safety


@pytest.mark.parametrize("path", ["/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2Fapp.py",
                                  "/static/%2e%2e%2fapp.py", "/static/..%5Capp.py", "/static//etc/passwd",
                                  "/static/%2Fetc%2Fpasswd", "/static/..%2F..%2F..%2Fpyproject.toml",
                                  "/static/", "/static/templates", "/static/.%2E/review.py"])
def test_nothing_outside_the_static_folder_is_served(base: str, path: str) -> None:
    a = get(base, path)
    assert a.status in (404, 400), (path, a.status)
    assert b"import" not in a.body and b"root:" not in a.body and b"[project]" not in a.body


def test_the_static_files_are_served(base: str) -> None:
    for name, kind in [("app.css", "text/css"), ("app.js", "javascript")]:
        a = get(base, f"/static/{name}")
        assert a.status == 200 and kind in a.headers["content-type"]


def test_hostile_article_text_is_shown_as_text(base: str) -> None:
    added = call(base + "/api/documents", "POST", HOSTILE)
    assert added.status == 201, added.text[:500]
    doc_id = added.json()["id"]
    pages = [get(base, f"/documents/{doc_id}").text, get(base, "/").text, get(base, "/documents").text,
             get(base, "/quotes?q=ministers").text]
    stories = ok_json(base, "/api/timeline?q=onerror&limit=100")["items"]
    pages += [get(base, f"/story-events/{s['id']}").text for s in stories]
    pages.append(get(base, "/timeline?q=onerror").text)
    for html in pages:
        assert "<script>alert" not in html and "<img src=x" not in html and 'href="javascript:' not in html
        assert "<b>Daily</b>" not in html
    doc = pages[0]
    assert "&lt;script&gt;alert(&#39;body&#39;)&lt;/script&gt;" in doc
    assert "onerror=alert" in doc  # shown, as text
    assert "javascript:alert" in doc
    assert "Minister &lt;script&gt;" in doc


def test_writes_from_another_site_are_refused(base: str, ids: dict[str, str]) -> None:
    body = {"author": "x", "changes": {"what": "AGREE"}}
    for headers in ({"Origin": "http://evil.example"}, {"Origin": "null"}, {"Sec-Fetch-Site": "cross-site"}):
        for method, path, payload in (("PATCH", f"/api/events/{ids['event']}", body), ("POST", "/api/documents", HOSTILE),
                                      ("POST", f"/api/story-events/{ids['story']}/split", body)):
            a = call(base + path, method, payload, headers=headers)
            assert a.status == 403, (headers, path, a.status)
    assert call(base + "/add", "POST", raw=b"text=hello", headers={
        "Origin": "http://evil.example", "Content-Type": "application/x-www-form-urlencoded"}).status == 403
    same = call(base + f"/api/events/{ids['event']}", "PATCH", {"author": "t", "changes": {"status": "reported"}},
                headers={"Origin": base, "Sec-Fetch-Site": "same-origin"})
    assert same.status == 200, same.text


def test_a_body_over_the_limit_is_refused(base: str) -> None:
    big = {"text": "Lavrov met Aliyev. " * 20_000}
    a = call(base + "/api/documents", "POST", big)
    assert a.status == 413 and a.json()["param"] == "body"


def test_a_chunked_body_over_the_limit_is_refused(base: str) -> None:
    import http.client

    host, port = base.removeprefix("http://").split(":")
    con = http.client.HTTPConnection(host, int(port), timeout=60)
    chunks = (b'{"text": "' + b"x" * 100_000 + b'"}' if i == 0 else b" " * 100_000 for i in range(4))
    con.request("POST", "/api/documents", body=chunks, headers={"Content-Type": "application/json"},
                encode_chunked=True)
    assert con.getresponse().status == 413
    con.close()


# ---------------------------------------------------------------- adding articles


def test_an_article_posted_is_ingested_and_its_id_returned(base: str) -> None:
    article = {"id": "posted-1", "title": "Talks in Moscow", "source": "Test Wire", "date": "2021-05-06",
               "text": "Russian Foreign Minister Sergey Lavrov met Armenian Foreign Minister Ararat Mirzoyan "
                       "in Moscow on Wednesday to discuss the border."}
    a = call(base + "/api/documents", "POST", article)
    assert a.status == 201, a.text
    doc = ok_json(base, f"/api/documents/{a.json()['id']}")
    assert doc["name"] == "posted-1" and "Mirzoyan" in doc["text"]
    again = call(base + "/api/documents", "POST", article)
    assert again.status == 201 and again.json()["unchanged"] == 1
    assert any(s["first_reported"] == "2021-05-06" for s in ok_json(base, "/api/timeline?q=Mirzoyan")["items"])


@pytest.mark.parametrize(("body", "param"), [({"title": "no text"}, "text"), ({"text": ""}, "text"),
                                             ({"text": 42}, "text"), ([{"text": "a list"}], "body")])
def test_a_bad_article_is_a_400(base: str, body: object, param: str) -> None:
    a = call(base + "/api/documents", "POST", body)
    assert a.status == 400 and a.json()["param"] == param, a.text


def test_the_add_page_takes_a_pasted_article_and_shows_its_job(base: str) -> None:
    form = f"title=Pasted%20report&text={quote('Turkish President Recep Tayyip Erdogan called Ilham Aliyev on Friday.')}"
    a = call(base + "/add", "POST", raw=form.encode(), headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert a.status == 303 and a.headers["location"].startswith("/add?job=")
    job_id = a.headers["location"].split("=", 1)[1]
    job = finished(base, job_id)
    assert job["state"] == "done" and job["new"] == 1, job
    assert "Pasted report" in get(base, a.headers["location"]).text


def test_a_command_on_the_file_says_the_server_has_it(base: str, db: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "storyline", "documents", "--db", str(db)],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 2
    assert "storyline serve" in done.stderr and base in done.stderr and "/api/documents" in done.stderr


# ---------------------------------------------------------------- review


def test_a_correction_is_shown_beside_the_machines_value(base: str, ids: dict[str, str]) -> None:
    story = ok_json(base, f"/api/story-events/{ids['single']}")
    event = story["sources"][0]["event"]
    machine = story["what"]
    new = "MEDIATE" if machine != "MEDIATE" else "AGREE"
    a = call(base + f"/api/events/{event}", "PATCH", {"author": "Ana", "reason": "mediation, not talks",
                                                       "changes": {"what": new, "location": "Geneva"}})
    assert a.status == 200, a.text
    assert {c["field"]: c["machine_value"] for c in a.json()["corrections"]}["what"] == machine
    after = ok_json(base, f"/api/story-events/{ids['single']}")
    assert after["what"] == new and after["review"]["fields"]["what"] == {"machine": machine, "value": new}
    assert after["sources"][0]["machine"]["review"]["what"]["author"] == "Ana"
    assert ok_json(base, f"/api/story-events/{ids['single']}?view=machine")["what"] == machine
    html = get(base, f"/story-events/{ids['single']}").text
    assert f"machine: {machine}" in html and "Geneva" in html
    listed = ok_json(base, f"/api/events?limit=1000&class={new}")["items"]
    assert any(r["event"] == event for r in listed)
    assert ok_json(base, "/api/corrections")["total"] >= 2


@pytest.mark.parametrize(("body", "param"), [
    ({"author": "A", "changes": {"what": "PARTY"}}, "changes.what"),
    ({"author": "A", "changes": {"colour": "red"}}, "changes.colour"),
    ({"author": "A", "changes": {"date": "last week"}}, "changes.date"),
    ({"author": "A", "changes": {"status": "rumoured"}}, "changes.status"),
    ({"author": "A", "changes": {"wrong": "yes"}}, "changes.wrong"),
    ({"author": "A", "changes": {"source": 3}}, "changes.source"),
    ({"author": "A", "changes": {}}, "changes"),
    ({"changes": {"what": "AGREE"}}, "author"),
])
def test_a_bad_correction_is_a_400_naming_the_field(base: str, ids: dict[str, str], body: dict, param: str) -> None:
    a = call(base + f"/api/events/{ids['event']}", "PATCH", body)
    assert a.status == 400 and a.json()["param"] == param, a.text


def test_a_correction_of_nothing_is_refused(base: str) -> None:
    body = {"author": "A", "changes": {"what": "AGREE"}}
    assert call(base + "/api/events/ffffffffffffffff-ev_000", "PATCH", body).status == 404
    assert call(base + "/api/events/not-an-id!", "PATCH", body).status == 400
    assert call(base + "/api/quotes/ffffffffffffffff-q999", "PATCH", {"author": "A", "changes": {"wrong": True}}).status == 404


def test_a_quote_marked_wrong_is_shown_so(base: str) -> None:
    q = ok_json(base, "/api/quotes?limit=1")["items"][0]
    a = call(base + f"/api/quotes/{q['id']}", "PATCH", {"author": "Ana", "changes": {"wrong": True, "speaker": "Someone Else"}})
    assert a.status == 200, a.text
    again = next(r for r in ok_json(base, "/api/quotes?limit=1000")["items"] if r["id"] == q["id"])
    assert again["wrong"] and again["speaker"] == "Someone Else"
    assert again["review"]["speaker"]["machine"] == q["speaker"]


def test_split_and_merge_story_events(base: str, ids: dict[str, str]) -> None:
    total = ok_json(base, "/api/timeline?limit=1")["total"]
    story = ok_json(base, f"/api/story-events/{ids['story']}")
    out = story["sources"][-1]["event"]
    bad = call(base + f"/api/story-events/{ids['story']}/split", "POST", {"author": "A", "members": ["x-y"]})
    assert bad.status == 400 and bad.json()["param"] == "members"
    every = call(base + f"/api/story-events/{ids['story']}/split", "POST",
                 {"author": "A", "members": [s["event"] for s in story["sources"]]})
    assert every.status == 400
    a = call(base + f"/api/story-events/{ids['story']}/split", "POST", {"author": "A", "reason": "two meetings",
                                                                         "members": [out]})
    assert a.status == 200, a.text
    assert ok_json(base, "/api/timeline?limit=1")["total"] == total + 1
    new = next(s for s in ok_json(base, "/api/timeline?limit=1000")["items"]
               if any(x["event"] == out for x in s["sources"]))
    assert new["id"] != ids["story"] and new["review"]["split_from"] == ids["story"]
    assert ok_json(base, "/api/timeline?limit=1&view=machine")["total"] == total
    m = call(base + f"/api/story-events/{ids['story']}/merge", "POST", {"author": "A", "with": [new["id"]]})
    assert m.status == 200, m.text
    assert ok_json(base, "/api/timeline?limit=1")["total"] == total
    assert call(base + f"/api/story-events/{ids['story']}/merge", "POST", {"author": "A", "with": []}).status == 400


# ---------------------------------------------------------------- corrections outlive rebuilds


def test_corrections_survive_a_story_rebuild_and_a_reingest(dev_db: Path, tmp_path: Path, shared: Path) -> None:
    db = copy_store(dev_db, tmp_path)
    with running(db) as url:
        story = next(s for s in ok_json(url, "/api/timeline?limit=1000")["items"] if len(s["sources"]) >= 2)
        event = story["sources"][0]["event"]
        assert call(url + f"/api/events/{event}", "PATCH", {"author": "Ana", "changes": {"what": "THREATEN"}}).status == 200
        members = [s["event"] for s in story["sources"]]
        assert call(url + f"/api/story-events/{story['id']}/split", "POST",
                    {"author": "Ana", "members": members[1:]}).status == 200
        before = ok_json(url, "/api/timeline?limit=1000")["total"]
    runner = CliRunner()
    rebuilt = runner.invoke(app, ["story", "--rebuild", "--db", str(db)])
    assert rebuilt.exit_code == 0, rebuilt.output
    articles = sorted((shared / "eval" / "dev" / "articles").glob("*.txt"))
    again = runner.invoke(app, ["ingest", *map(str, articles), "--db", str(db)])
    assert again.exit_code == 0 and "5 unchanged" in again.output, again.output
    with running(db) as url:
        after = next(s for s in ok_json(url, "/api/timeline?limit=1000")["items"]
                     if any(x["event"] == event for x in s["sources"]))
        assert after["what"] == "THREATEN" and after["review"]["fields"]["what"]["machine"] == story["what"]
        assert ok_json(url, "/api/timeline?limit=1000")["total"] == before
    out = tmp_path / "export"
    done = runner.invoke(app, ["export", "--db", str(db), "--out", str(out), "--format", "csv", "--reviewed", "both"])
    assert done.exit_code == 0, done.output
    doc_id, event_id = event.split("-", 1)

    def what_of(name: str) -> str:
        rows = csv.DictReader((out / name).open(encoding="utf-8"))
        return next(r["what"] for r in rows if r["doc_id"] == doc_id and r["id"] == event_id)

    assert what_of("events.reviewed.csv") == "THREATEN" and what_of("events.csv") != "THREATEN"
    assert (out / "corrections.csv").exists()


def test_an_uploaded_file_is_ingested_under_its_bare_name(base: str, db: Path) -> None:
    text = "Iranian Foreign Minister Javad Zarif visited Baku on Tuesday and met Ilham Aliyev.\n"
    boundary = "----storylinetest"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"../../escape.txt\"\r\n"
            f"Content-Type: text/plain\r\n\r\n{text}\r\n--{boundary}--\r\n").encode()
    a = call(base + "/add", "POST", raw=body, headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert a.status == 303, a.text[:300]
    job_id = a.headers["location"].split("=", 1)[1]
    job = finished(base, job_id)
    assert job["state"] == "done" and job["documents"][0]["name"] == "escape.txt", job
    assert not (db.parent.parent / "escape.txt").exists() and not (db.parent / "escape.txt").exists()
