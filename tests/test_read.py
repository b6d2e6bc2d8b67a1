"""The readers on real files written here: every kind of bad input gives one clear error."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.errors import InputError
from storyline.model import RawDocument
from storyline.options import Options
from storyline.pipeline import Context, clean_raw
from storyline.read import read_paths

SHARED = Path(__file__).resolve().parents[2] / "shared"
WIKINEWS = SHARED / "eval" / "wikinews"

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Swiss, Norwegian envoys due in Moscow | World | TASS</title>
<meta property="og:site_name" content="TASS">
<meta property="og:title" content="Swiss and Norwegian envoys expected in Moscow next week for river border talks">
<meta name="author" content="Ivan Petrov">
<meta property="article:published_time" content="2021-03-04T09:40:00+03:00">
<link rel="canonical" href="https://tass.com/politics/1222345">
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a>
<a href="/economy">Economy</a></nav></header>
<main><article>
<h1>Swiss and Norwegian envoys expected in Moscow next week for river border talks</h1>
<p>MOSCOW, March 4. /TASS/. Envoys from Switzerland and Norway are expected in Moscow next week for
talks on the river border accord signed in January, Deputy Foreign Minister Pavel Orlov told
reporters on Thursday.</p>
<p>Orlov said Moscow wished to keep working hand in hand with the other mediators. "They accepted our
invitation and should arrive within days," Orlov said.</p>
<p>He rejected the view that the earlier mediation had achieved nothing. The failed truce attempts,
he argued, had still built up "a reserve of trust" that made the present progress possible.</p>
</article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Another story</a></li></ul></aside>
<footer><p>Share this news</p><p>&copy; 2021 TASS</p></footer>
</body></html>
"""

NO_ARTICLE_PAGE = """<!DOCTYPE html><html><head><title>Sign in | Example News</title></head>
<body><nav><a href="/">Home</a> <a href="/login">Sign in</a></nav>
<form action="/login"><input name="user"><input name="password" type="password">
<button>Sign in</button></form><footer>Copyright Example News</footer></body></html>"""

BODY = ("Chile and Peru both want calmer waters along their shared coast, "
        "the Chilean foreign minister told journalists during a visit to Lima.\n")


def read_all(*paths: str | Path, **kw: int) -> list[RawDocument | InputError]:
    return list(read_paths([str(p) for p in paths], **kw))


def only_error(items: list[RawDocument | InputError]) -> InputError:
    assert len(items) == 1 and isinstance(items[0], InputError), items
    return items[0]


# ---------------------------------------------------------------- plain text


def test_utf8_text_file_is_one_document_named_after_the_file(tmp_path: Path) -> None:
    f = tmp_path / "lima.txt"
    f.write_text(BODY, encoding="utf-8")
    (doc,) = read_all(f)
    assert isinstance(doc, RawDocument)
    assert doc.name == "lima.txt" and doc.origin == str(f) and doc.kind == "text"
    assert doc.text == BODY and doc.metadata["encoding"] == "utf-8"


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \n"])
def test_empty_file_is_one_error_naming_it(tmp_path: Path, content: bytes) -> None:
    f = tmp_path / "empty.txt"
    f.write_bytes(content)
    err = only_error(read_all(f))
    assert err.code == "E101" and str(f) in str(err) and "empty" in str(err)


@pytest.mark.parametrize("content, what", [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
    (bytes(range(0, 32)) * 200, "binary file"),
])
def test_binary_file_is_refused_with_what_it_is(tmp_path: Path, content: bytes, what: str) -> None:
    f = tmp_path / "article.txt"
    f.write_bytes(content)
    err = only_error(read_all(f))
    assert err.code == ("E114" if what == "binary file" else "E102") and what in str(err) and str(f) in str(err)
    assert "plain text" in str(err)  # says what would be valid


@pytest.mark.parametrize("encoding, text", [
    ("cp1251", "Москва, 12 ноября. Министр иностранных дел России Сергей Лавров заявил в четверг, что "
               "сопредседатели Минской группы ОБСЕ приедут в Москву."),
    ("latin-1", "Genève, le 12 novembre. Le ministre des affaires étrangères a déclaré mardi que les "
                "négociations à Genève se poursuivront la semaine prochaine."),
    ("utf-16", "Lima, May 12. The minister said the sides had made “real headway” on the maritime line."),
])
def test_other_encodings_are_detected_and_decoded(tmp_path: Path, encoding: str, text: str) -> None:
    f = tmp_path / "legacy.txt"
    f.write_bytes(text.encode(encoding))
    (doc,) = read_all(f)
    assert isinstance(doc, RawDocument), doc
    assert doc.text == text
    assert doc.metadata["encoding"] != "utf-8"


def test_bytes_that_are_no_text_in_any_encoding_are_refused(tmp_path: Path) -> None:
    f = tmp_path / "noise.txt"
    f.write_bytes(bytes(range(128, 256)) * 40)
    err = only_error(read_all(f))
    assert err.code == "E103" and "not valid UTF-8" in str(err) and str(f) in str(err)


def test_utf8_with_a_damaged_byte_stays_utf8(tmp_path: Path) -> None:
    good = "Erdoğan met Lavrov in Moscow; the talks in Astana on Syria’s future continue. " * 20
    data = good.encode("utf-8")
    data = data[:200] + b"\xff" + data[200:]
    f = tmp_path / "damaged.txt"
    f.write_bytes(data)
    (doc,) = read_all(f)
    assert isinstance(doc, RawDocument)
    assert "Erdoğan" in doc.text and "Syria’s" in doc.text  # not re-read as cp1252 mojibake
    assert doc.metadata["encoding"].startswith("utf-8")


def test_mojibake_is_repaired(tmp_path: Path) -> None:
    f = tmp_path / "mojibake.txt"
    f.write_text("Russiaâ€™s Foreign Minister Sergey Lavrov said the talks were â€œusefulâ€\x9d.\n",
                 encoding="utf-8")
    (doc,) = read_all(f)
    assert isinstance(doc, RawDocument)
    assert doc.text.startswith("Russia’s Foreign Minister") and "“useful”" in doc.text


def test_a_50_mb_text_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    line = (BODY * 20).encode("utf-8")
    with open(f, "wb") as fh:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    assert f.stat().st_size > 50 * 1024 * 1024
    err = only_error(read_all(f))
    assert err.code == "E104" and str(f) in str(err) and "--max-chars" in str(err)
    # with the limit raised the reader reads it, and cleaning refuses it under the run's limit
    (raw,) = read_all(f, max_chars=60_000_000)
    assert isinstance(raw, RawDocument) and len(raw.text) == f.stat().st_size
    with pytest.raises(InputError) as exc:
        clean_raw(raw, Context(Options(max_chars=1_000_000)))
    assert exc.value.code == "E104"


def test_text_over_the_limit_is_refused_at_any_size(tmp_path: Path) -> None:
    f = tmp_path / "long.txt"
    f.write_text(BODY * 100, encoding="utf-8")
    err = only_error(read_all(f, max_chars=1000))
    assert err.code == "E104"


def test_gzipped_text_file_is_read(tmp_path: Path) -> None:
    f = tmp_path / "article.txt.gz"
    f.write_bytes(gzip.compress(BODY.encode("utf-8")))
    (doc,) = read_all(f)
    assert isinstance(doc, RawDocument) and doc.text == BODY


# ---------------------------------------------------------------- HTML


def test_html_page_gives_the_article_and_its_metadata(tmp_path: Path) -> None:
    f = tmp_path / "lavrov.html"
    f.write_text(NEWS_PAGE, encoding="utf-8")
    (raw,) = read_all(f)
    assert isinstance(raw, RawDocument) and raw.kind == "html"
    assert "Envoys from Switzerland and Norway are expected in Moscow" in raw.text
    assert "Most read" not in raw.text and "Economy" not in raw.text
    m = raw.metadata
    assert m["title"] == "Swiss and Norwegian envoys expected in Moscow next week for river border talks"
    assert m["date"] == "2021-03-04" and m["sitename"] == "TASS" and m["author"] == "Ivan Petrov"
    assert m["url"] == "https://tass.com/politics/1222345"
    doc = clean_raw(raw, Context())
    assert doc.publisher == "TASS" and doc.byline == "Ivan Petrov" and doc.url == m["url"]
    assert doc.published is not None and doc.published.value == "2021-03-04"
    assert doc.published.method == "metadata:html"
    assert doc.dateline == "Moscow" and doc.dateline_date == "March 4"
    assert doc.text.startswith("Envoys from Switzerland and Norway are expected in Moscow next week")


def test_html_page_without_an_article_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "login.html"
    f.write_text(NO_ARTICLE_PAGE, encoding="utf-8")
    err = only_error(read_all(f))
    assert err.code == "E106" and "no article text found" in str(err) and str(f) in str(err)


def test_a_copyright_year_is_not_taken_for_the_page_date(tmp_path: Path) -> None:
    page = NEWS_PAGE.replace('<meta property="article:published_time" content="2021-03-04T09:40:00+03:00">', "")
    f = tmp_path / "undated.html"
    f.write_text(page, encoding="utf-8")
    (raw,) = read_all(f)
    assert isinstance(raw, RawDocument) and "date" not in raw.metadata
    assert clean_raw(raw, Context()).published is None


def test_a_saved_page_named_txt_is_read_as_html(tmp_path: Path) -> None:
    f = tmp_path / "saved.txt"
    f.write_text(NEWS_PAGE, encoding="utf-8")
    (raw,) = read_all(f)
    assert isinstance(raw, RawDocument) and raw.kind == "html" and "<p>" not in raw.text


def test_html_in_a_legacy_encoding(tmp_path: Path) -> None:
    page = NEWS_PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace(
        "Orlov said.", "Orlov said in Genève.")
    f = tmp_path / "legacy.html"
    f.write_bytes(page.encode("cp1252"))
    (raw,) = read_all(f)
    assert isinstance(raw, RawDocument) and "Genève" in raw.text


# ---------------------------------------------------------------- JSON Lines


def record(i: int, **extra: object) -> dict[str, object]:
    return {"id": f"art-{i}", "title": f"Title {i}", "date": "2019-01-23", "source": "wikinews",
            "url": f"https://example.org/{i}", "text": BODY, **extra}


def test_jsonl_broken_lines_are_errors_naming_file_and_line(tmp_path: Path) -> None:
    f = tmp_path / "corpus.jsonl"
    lines = [json.dumps(record(1)), '{"id": "art-2", "text": "cut off', "", json.dumps(["not", "an", "object"]),
             json.dumps({"id": "art-5", "title": "no text"}), json.dumps(record(6))]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read_all(f)
    docs = [x for x in items if isinstance(x, RawDocument)]
    errors = [x for x in items if isinstance(x, InputError)]
    assert [d.name for d in docs] == ["art-1", "art-6"]
    assert [e.origin for e in errors] == [f"{f}:2", f"{f}:4", f"{f}:5"]
    assert [e.code for e in errors] == ["E135", "E107", "E130"]  # not JSON, not an object, no text
    assert "not valid JSON" in str(errors[0]) and 'no "text" field' in str(errors[2])
    assert docs[0].origin == f"{f}:1"


def test_jsonl_record_fields_become_name_and_metadata(tmp_path: Path) -> None:
    f = tmp_path / "corpus.jsonl.gz"
    with gzip.open(f, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps(record(1, lang="en")) + "\n")
    (raw,) = read_all(f)
    assert isinstance(raw, RawDocument) and raw.kind == "jsonl" and raw.name == "art-1"
    assert raw.metadata == {"title": "Title 1", "date": "2019-01-23", "source": "wikinews",
                            "url": "https://example.org/1", "lang": "en"}


def test_jsonl_invalid_utf8_line_is_an_error_and_the_rest_is_read(tmp_path: Path) -> None:
    f = tmp_path / "corpus.jsonl"
    f.write_bytes(json.dumps(record(1)).encode() + b"\n" + b'{"id": "x", "text": "caf\xe9"}\n'
                  + json.dumps(record(3)).encode() + b"\n")
    items = read_all(f)
    assert [type(x).__name__ for x in items] == ["RawDocument", "InputError", "RawDocument"]
    assert items[1].origin == f"{f}:2" and "UTF-8" in str(items[1])


def test_truncated_gzip_keeps_the_lines_before_the_damage(tmp_path: Path) -> None:
    f = tmp_path / "cut.jsonl.gz"
    data = gzip.compress(("\n".join(json.dumps(record(i)) for i in range(200)) + "\n").encode())
    f.write_bytes(data[: len(data) // 2])
    items = read_all(f)
    assert isinstance(items[0], RawDocument) and isinstance(items[-1], InputError)
    assert "cut short or damaged" in str(items[-1]) and str(f) in str(items[-1])


def test_json_files_one_object_a_list_or_lines(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps(record(1), indent=2), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([record(2), record(3)], indent=2), encoding="utf-8")
    lines = tmp_path / "lines.json"
    lines.write_text(json.dumps(record(4)) + "\n" + json.dumps(record(5)) + "\n", encoding="utf-8")
    items = read_all(one, many, lines)
    assert [x.name for x in items if isinstance(x, RawDocument)] == ["art-1", "art-2", "art-3", "art-4", "art-5"]


def test_standard_input_is_read(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = ("from storyline.read import read_paths\n"
            "for x in read_paths(['-']): print(type(x).__name__, getattr(x, 'name', ''), getattr(x, 'kind', ''))")
    jsonl = "\n".join(json.dumps(record(i)) for i in range(3)) + "\n"
    for given, expected in [(jsonl, ["RawDocument art-0 jsonl", "RawDocument art-1 jsonl", "RawDocument art-2 jsonl"]),
                            (BODY, ["RawDocument <stdin> text"]), (NEWS_PAGE, ["RawDocument <stdin> html"])]:
        out = subprocess.run([sys.executable, "-c", code], input=given.encode(), capture_output=True, check=True)
        assert out.stdout.decode().splitlines() == expected


def test_jsonl_is_streamed(tmp_path: Path) -> None:
    f = tmp_path / "big.jsonl"
    with open(f, "w", encoding="utf-8") as fh:
        for i in range(5000):
            fh.write(json.dumps(record(i)) + "\n")
    stream = read_paths([f])
    assert isinstance(stream, Iterator)
    first = next(stream)
    assert isinstance(first, RawDocument) and first.name == "art-0"


@pytest.mark.skipif(not WIKINEWS.is_dir(), reason="the shared eval set is not beside the repo")
def test_wikinews_eval_jsonl_names_and_metadata() -> None:
    docs = read_all(WIKINEWS / "articles.jsonl")
    assert len(docs) == 10 and all(isinstance(d, RawDocument) for d in docs)
    names = sorted(d.name for d in docs)  # type: ignore[union-attr]
    assert names == sorted(p.name for p in (WIKINEWS / "articles").glob("*.txt"))
    first = docs[0]
    assert isinstance(first, RawDocument)
    assert first.metadata["source"] == "Wikinews" and first.metadata["date"] == "2019-01-23"


# ---------------------------------------------------------------- paths, folders, globs


def test_missing_path_is_an_error_and_the_others_are_read(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text(BODY, encoding="utf-8")
    items = read_all(tmp_path / "nope.txt", good)
    assert isinstance(items[0], InputError) and items[0].code == "E105"
    assert "no such file or folder" in str(items[0]) and str(tmp_path / "nope.txt") in str(items[0])
    assert isinstance(items[1], RawDocument)


def test_folders_are_walked_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b" / "deeper").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b" / "c.html").write_text(NEWS_PAGE, encoding="utf-8")
    (tmp_path / "b" / "deeper" / "d.jsonl").write_text(json.dumps(record(1)) + "\n", encoding="utf-8")
    (tmp_path / "b" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / ".hidden" / "e.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    items = read_all(tmp_path)
    assert [x.name for x in items if isinstance(x, RawDocument)] == ["a.txt", "c.html", "art-1"]
    assert not [x for x in items if isinstance(x, InputError)]


def test_globs_and_a_glob_that_matches_nothing(tmp_path: Path) -> None:
    for n in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / n).write_text(BODY, encoding="utf-8")
    items = read_all(tmp_path / "x*.txt", tmp_path / "z*.txt")
    assert [x.name for x in items if isinstance(x, RawDocument)] == ["x1.txt", "x2.txt"]
    assert isinstance(items[-1], InputError) and items[-1].code == "E118" and "no file matches" in str(items[-1])


def test_empty_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    err = only_error(read_all(tmp_path / "empty"))
    assert err.code == "E117" and "holds no article files" in str(err)


def test_jsonl_lone_surrogate_is_written_as_a_replacement_character(tmp_path: Path) -> None:
    """JSON allows an escaped half of a surrogate pair; the text keeps its length and goes in."""
    from storyline.model import content_id
    from storyline.pipeline import Context, clean_raw

    f = tmp_path / "corpus.jsonl"
    f.write_bytes(b'{"id": "s", "text": "Talks resumed \\ud800 in Doha on Monday."}\n')
    (raw,) = read_all(f)
    doc = clean_raw(raw, Context())
    assert "\ufffd" in doc.text and "\ud800" not in doc.text
    assert doc.id == content_id(doc.text) and doc.text.startswith("Talks resumed")
