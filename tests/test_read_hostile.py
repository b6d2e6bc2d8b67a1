"""Hostile input at the readers: no error of any kind escapes, each is one InputError naming the
file (and line), and whatever else the files hold is still read."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import hostile_inputs as hostile
from storyline.errors import InputError
from storyline.model import RawDocument
from storyline.read import read_paths

GOOD = ("Ministers of the two countries met in Vienna on Monday to talk about the border.\n\n"
        "They agreed to meet again in a month.\n")


def read_all(*paths: Path) -> list[RawDocument | InputError]:
    return list(read_paths([str(p) for p in paths]))


def split(items: list[RawDocument | InputError]) -> tuple[list[RawDocument], list[InputError]]:
    return ([x for x in items if isinstance(x, RawDocument)], [x for x in items if isinstance(x, InputError)])


def good_file(folder: Path) -> Path:
    f = folder / "zz-good.txt"
    f.write_text(GOOD, encoding="utf-8")
    return f


def test_json_nested_100000_deep_is_one_error_and_the_next_file_is_read(tmp_path: Path) -> None:
    deep = hostile.deep_json(tmp_path)
    docs, errors = split(read_all(deep, good_file(tmp_path)))
    assert [d.name for d in docs] == ["zz-good.txt"]
    assert len(errors) == 1 and errors[0].code == "E138" and errors[0].origin == str(deep)


def test_a_deep_line_of_json_lines_costs_that_line_only(tmp_path: Path) -> None:
    f = hostile.deep_jsonl(tmp_path)
    docs, errors = split(read_all(f))
    assert [d.name for d in docs] == ["deep-1", "deep-3"]
    assert [(e.origin, e.code) for e in errors] == [(f"{f}:2", "E138")]


def test_the_same_deep_json_without_a_known_ending_is_sniffed_and_refused(tmp_path: Path) -> None:
    f = hostile.deep_jsonl(tmp_path).rename(tmp_path / "corpus")
    docs, errors = split(read_all(f))
    assert [d.name for d in docs] == ["deep-1", "deep-3"] and [e.code for e in errors] == ["E138"]


def test_a_gzip_bomb_of_one_line_is_refused_early(tmp_path: Path) -> None:
    bomb = hostile.gz_bomb_line(tmp_path, megabytes=100)
    docs, errors = split(read_all(bomb, good_file(tmp_path)))
    assert [d.name for d in docs] == ["zz-good.txt"]
    assert len(errors) == 1 and errors[0].code == "E140" and str(bomb) in str(errors[0])


def test_a_gzip_bomb_of_bad_lines_gives_a_bounded_number_of_errors(tmp_path: Path) -> None:
    bomb = hostile.gz_bomb_lines(tmp_path, megabytes=30)
    _, errors = split(read_all(bomb))
    assert 1 < len(errors) <= 11
    assert "bad lines in a row" in str(errors[-1])


def test_a_gzipped_text_bomb_is_refused_as_too_big(tmp_path: Path) -> None:
    bomb = hostile.gz_bomb_text(tmp_path, megabytes=50)
    _, errors = split(read_all(bomb))
    assert len(errors) == 1 and errors[0].code == "E104"


def test_over_long_json_line_is_refused_and_the_next_line_read(tmp_path: Path) -> None:
    f = tmp_path / "long.jsonl"
    f.write_text(json.dumps({"id": "a", "text": "x " * 40_000}) + "\n"
                 + json.dumps({"id": "b", "text": GOOD}) + "\n", encoding="utf-8")
    docs, errors = split(list(read_paths([str(f)], max_chars=200)))
    assert [d.name for d in docs] == ["b"] and [(e.origin, e.code) for e in errors] == [(f"{f}:1", "E141")]


def test_text_that_is_not_a_string_is_an_error_per_line(tmp_path: Path) -> None:
    f = hostile.non_string_text(tmp_path)
    docs, errors = split(read_all(f))
    assert not docs
    assert [e.origin for e in errors] == [f"{f}:{i}" for i in range(1, 5)]
    assert all(e.code == "E131" and "not a string" in str(e) for e in errors)


def test_a_bom_inside_a_json_line_is_an_error_a_bom_opening_a_line_is_dropped(tmp_path: Path) -> None:
    mid = hostile.bom_mid_line(tmp_path)
    joined = tmp_path / "joined.jsonl"  # two files joined: the second one's BOM opens line 2
    joined.write_bytes(json.dumps({"id": "j1", "text": GOOD}).encode() + b"\n\xef\xbb\xbf"
                       + json.dumps({"id": "j2", "text": GOOD}).encode() + b"\n")
    docs, errors = split(read_all(mid, joined))
    assert [d.name for d in docs] == ["j1", "j2"]
    assert [(e.origin, e.code) for e in errors] == [(f"{mid}:1", "E135")]


def test_a_bom_in_the_middle_of_a_text_line_is_read_and_cleaned_away(tmp_path: Path, ctx) -> None:
    from storyline.pipeline import clean_raw

    f = tmp_path / "bom.txt"
    f.write_bytes("Officials met in Vienna\ufeff on Monday to talk about the border.\n".encode())
    (raw,) = read_all(f)
    assert isinstance(raw, RawDocument)
    assert "\ufeff" not in clean_raw(raw, ctx).text


@pytest.mark.parametrize("name", ["brace.txt", "brace.text", "brace.txt.gz"])
def test_a_txt_file_is_text_whatever_its_first_character(tmp_path: Path, name: str) -> None:
    import gzip

    text = hostile.brace_text(tmp_path).read_bytes()
    f = tmp_path / name
    f.write_bytes(gzip.compress(text) if name.endswith(".gz") else text)
    (raw,) = read_all(f)
    assert isinstance(raw, RawDocument) and raw.kind == "text" and raw.text.startswith("{The foreign")


def test_a_file_without_an_ending_is_still_sniffed_for_json_lines(tmp_path: Path) -> None:
    f = tmp_path / "records"
    f.write_text(json.dumps({"id": "r1", "text": GOOD}) + "\n" + json.dumps({"id": "r2", "text": GOOD}) + "\n",
                 encoding="utf-8")
    assert [x.name for x in read_all(f)] == ["r1", "r2"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_folder_linking_to_its_parent_is_walked_once(tmp_path: Path) -> None:
    top = tmp_path / "corpus"
    (top / "sub").mkdir(parents=True)
    good_file(top / "sub")
    os.symlink(top, top / "sub" / "loop")
    assert [x.name for x in read_all(top)] == ["zz-good.txt"]
