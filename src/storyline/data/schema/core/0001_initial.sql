-- The records of model.py, one table each; every row keyed to its document and its offsets
-- into documents.text. Lists are DuckDB lists, nested values JSON.
--
-- Only documents, actors and roles have primary keys: they are what ingest looks up (is this
-- document stored? is this actor known?). A document's own rows are written only in the
-- transaction that inserts its documents row, so that key already keeps them unique, and
-- indexes on the big child tables would slow every insert on millions of articles.

CREATE TABLE documents (
    id                  VARCHAR PRIMARY KEY,   -- content id: hash of the normalised cleaned text
    name                VARCHAR NOT NULL,      -- file name or JSON Lines record id
    origin              VARCHAR NOT NULL,      -- where it was read: path (and line)
    text                VARCHAR NOT NULL,      -- the cleaned text every offset points into
    title               VARCHAR,
    publisher           VARCHAR,
    publisher_evidence  VARCHAR,
    byline              VARCHAR,
    dateline            VARCHAR,
    dateline_date       VARCHAR,
    published_value     VARCHAR,               -- TIMEX3 value: 2016-04-06, 2018-07 ...
    published_precision VARCHAR,
    published_method    VARCHAR,
    published           JSON,                  -- the full DateValue
    url                 VARCHAR,
    metadata            JSON,
    removed             VARCHAR[],
    extra               JSON,
    ingested_at         TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE sentences (
    doc_id     VARCHAR NOT NULL,
    idx        INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    paragraph  INTEGER,
    background BOOLEAN,
    extra      JSON
);

CREATE TABLE actors (
    id           VARCHAR PRIMARY KEY,         -- corpus-wide: one row per actor, reused by documents
    name         VARCHAR NOT NULL,
    kind         VARCHAR,
    country      VARCHAR,
    sector       VARCHAR,
    aliases      VARCHAR[],
    source       VARCHAR,
    extra        JSON,
    first_doc_id VARCHAR,                     -- the document that first brought it in
    updated_at   TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE roles (
    actor_id  VARCHAR NOT NULL,
    role_key  VARCHAR NOT NULL,               -- hash of the role's fields: the same role is stored once
    country   VARCHAR,
    sector    VARCHAR,
    title     VARCHAR,
    office    VARCHAR,
    start     VARCHAR,                        -- ISO date of any precision, NULL for an open end
    "end"     VARCHAR,
    source    VARCHAR,
    doc_id    VARCHAR,                        -- the document that first brought it in
    extra     JSON,
    PRIMARY KEY (actor_id, role_key)
);

CREATE TABLE document_actors (
    doc_id   VARCHAR NOT NULL,
    actor_id VARCHAR NOT NULL,
    idx      INTEGER NOT NULL                 -- order in Document.actors
);

CREATE TABLE mentions (
    doc_id     VARCHAR NOT NULL,
    idx        INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       VARCHAR,
    kind       VARCHAR,
    actor_id   VARCHAR,
    country    VARCHAR,
    sector     VARCHAR,
    role       VARCHAR,
    sentence   INTEGER,
    confidence DOUBLE,
    refs       VARCHAR[],
    extra      JSON
);

CREATE TABLE timexes (
    doc_id    VARCHAR NOT NULL,
    idx       INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    text      VARCHAR,
    type      VARCHAR,
    value     VARCHAR,
    precision VARCHAR,
    mod       VARCHAR,
    anchor    VARCHAR,
    range_end VARCHAR,
    sentence  INTEGER,
    extra     JSON
);

CREATE TABLE quotes (
    doc_id              VARCHAR NOT NULL,
    idx                 INTEGER NOT NULL,
    start               INTEGER NOT NULL,
    "end"               INTEGER NOT NULL,
    text                VARCHAR,
    kind                VARCHAR,
    speaker_name        VARCHAR,
    speaker_actor_id    VARCHAR,
    speaker_country     VARCHAR,
    speaker_sector      VARCHAR,
    speaker_start       INTEGER,
    speaker_end         INTEGER,
    speaker_text        VARCHAR,
    speaker             JSON,                 -- the full ActorRef
    speaker_description VARCHAR,
    cue                 VARCHAR,
    cue_start           INTEGER,
    cue_end             INTEGER,
    date_value          VARCHAR,
    date_precision      VARCHAR,
    date                JSON,                 -- the full DateValue
    sentence            INTEGER,
    confidence          DOUBLE,
    extra               JSON
);

CREATE TABLE events (
    doc_id         VARCHAR NOT NULL,
    id             VARCHAR NOT NULL,
    idx            INTEGER NOT NULL,          -- order in Document.events
    start          INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    evidence       VARCHAR,
    trigger        VARCHAR,
    cameo          VARCHAR,
    plover_type    VARCHAR,
    plover_mode    VARCHAR,
    what           VARCHAR,
    date_value     VARCHAR,
    date_precision VARCHAR,
    date           JSON,
    location       VARCHAR,
    status         VARCHAR,
    negated        BOOLEAN,
    confidence     DOUBLE,
    sentence       INTEGER,
    quote          INTEGER,                   -- index into the document's quotes
    extra          JSON
);

-- Who did it (side = 'source') and to whom (side = 'target').
CREATE TABLE event_actors (
    doc_id   VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL,
    side     VARCHAR NOT NULL,
    idx      INTEGER NOT NULL,
    name     VARCHAR,
    actor_id VARCHAR,
    country  VARCHAR,
    sector   VARCHAR,
    start    INTEGER,
    "end"    INTEGER,
    text     VARCHAR,
    extra    JSON
);

-- The words that support an event: idx 0 is the event's own span (role 'primary'), then the
-- restatements merged into it (Event.evidence_more), possibly from other documents.
CREATE TABLE event_sources (
    doc_id          VARCHAR NOT NULL,
    event_id        VARCHAR NOT NULL,
    idx             INTEGER NOT NULL,
    role            VARCHAR,
    evidence_doc_id VARCHAR,                  -- the document the span is in
    start           INTEGER NOT NULL,
    "end"           INTEGER NOT NULL,
    text            VARCHAR,
    sentence        INTEGER,
    extra           JSON
);
