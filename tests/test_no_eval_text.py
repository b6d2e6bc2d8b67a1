"""No sentence of an evaluation set in the code, the lexicons or the tests (a ground rule).

Why: a rule tested on the very words it is scored on proves nothing about news nobody has read,
and an example copied from an eval article into a docstring or a word list is the first step to a
rule that mends one article's sentence. The gate reads the three development sets in place
(``<shared>/eval/dev/articles``, ``wikinews/articles.jsonl``, ``pages/articles``) and fails on any
run of ``RUN`` consecutive words that a file of ``src/``, ``tests/``, ``benchmarks/``, ``docs/``
(or README and CHANGELOG) shares with one of their
articles. Words are compared lower-cased, punctuation dropped, so a sentence with its commas moved
is still found.

Knowledge is not text: the actor files (``src/storyline/data/actors``: names, titles and offices
of real people and bodies, which eval articles also name) are left out, and so are set phrases
listed in ``tests/eval_text_allowed.txt`` (official names of bodies and the like, each there with
the reason it is a name and not a sentence).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

RUN = 9  # words in a row: long enough that set phrases and names do not trip it, short for a clause
ROOT = Path(__file__).resolve().parent.parent
SCANNED = [ROOT / "src", ROOT / "tests", ROOT / "benchmarks", ROOT / "docs", ROOT / "README.md", ROOT / "CHANGELOG.md"]
SKIPPED_DIRS = {ROOT / "src" / "storyline" / "data" / "actors"}
SUFFIXES = {".py", ".yaml", ".yml", ".tsv", ".txt", ".json", ".md", ".html"}
WORD = re.compile(r"[a-z0-9']+")


def _words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def _runs(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


def _eval_texts(shared: Path) -> dict[str, str]:
    """Every article of the three development sets, by a name to report."""
    texts = {f"dev/{p.name}": p.read_text(encoding="utf-8", errors="replace")
             for p in sorted((shared / "eval" / "dev" / "articles").glob("*.txt"))}
    texts |= {f"pages/{p.name}": p.read_text(encoding="utf-8", errors="replace")
              for p in sorted((shared / "eval" / "pages" / "articles").glob("*.txt"))}
    with (shared / "eval" / "wikinews" / "articles.jsonl").open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            record = json.loads(line)
            texts[f"wikinews/{record.get('id', n)}"] = record.get("text") or ""
    return texts


def _allowed() -> set[tuple[str, ...]]:
    """Runs of the allowed set phrases (comment lines start with '#')."""
    path = ROOT / "tests" / "eval_text_allowed.txt"
    phrases = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
               and not line.startswith("#")]
    return set().union(*(_runs(_words(p)) for p in phrases)) if phrases else set()


def _scanned_files() -> list[Path]:
    files = []
    for top in SCANNED:
        for path in sorted(top.rglob("*")) if top.is_dir() else [top]:
            if path.is_file() and path.suffix in SUFFIXES and not any(d in path.parents for d in SKIPPED_DIRS):
                files.append(path)
    return files


def test_no_run_of_words_from_an_eval_article_in_code_lexicons_or_tests(shared: Path) -> None:
    owner: dict[tuple[str, ...], str] = {}
    for name, text in _eval_texts(shared).items():
        for run in _runs(_words(text)):
            owner.setdefault(run, name)
    assert len(owner) > 10_000, "the eval articles were not read"
    allowed = _allowed()
    found = []
    for path in _scanned_files():
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            words = _words(line)
            hits = [run for run in (tuple(words[i:i + RUN]) for i in range(len(words) - RUN + 1))
                    if run in owner and run not in allowed]
            if hits:
                found.append(f"{path.relative_to(ROOT)}:{number}: {' '.join(hits[0])!r} ({owner[hits[0]]})")
    assert not found, f"{len(found)} lines share {RUN} words in a row with an eval article:\n" + "\n".join(found)


@pytest.mark.parametrize("text, expected", [
    ("The envoy, after long talks in Oslo, said the truce would hold until spring.", True),
    ("An envoy met rebels.", False),
])
def test_the_gate_finds_a_run_whatever_its_punctuation(text: str, expected: bool) -> None:
    """The gate's own check: a line with the run's words (any punctuation) is found, a shorter one not."""
    run = _runs(_words("the envoy after long talks in Oslo said the truce"))
    assert bool(_runs(_words(text)) & run) is expected
