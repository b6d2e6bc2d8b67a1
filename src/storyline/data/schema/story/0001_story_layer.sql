-- The story layer's tables: what it computes across documents. Everything here can be rebuilt
-- from the core tables (`storyline story --rebuild`); nothing in the core tables is deleted.

-- Documents the story layer has taken in (the incremental update works on the others).
CREATE TABLE story_documents (
    doc_id       VARCHAR PRIMARY KEY,
    signature    BIGINT[],                -- the MinHash of the article's word shingles
    processed_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- LSH band keys of each article's MinHash: articles sharing a key are candidate near-copies.
CREATE TABLE story_doc_bands (
    band   BIGINT NOT NULL,
    doc_id VARCHAR NOT NULL
);

-- A near-copy (syndicated or updated version) and the canonical article it is linked to.
CREATE TABLE story_copies (
    doc_id       VARCHAR PRIMARY KEY,
    canonical_id VARCHAR NOT NULL,
    similarity   DOUBLE                    -- estimated Jaccard similarity to the canonical article
);

-- LSH band keys of each sentence's word bigrams: sentences sharing a key are candidate repeats.
CREATE TABLE story_sentence_bands (
    band   BIGINT NOT NULL,
    doc_id VARCHAR NOT NULL,
    idx    INTEGER NOT NULL                -- sentences.idx
);

-- A sentence found repeated, near word for word, in another story: the evidence for background.
CREATE TABLE story_repeats (
    doc_id       VARCHAR NOT NULL,
    idx          INTEGER NOT NULL,
    other_doc_id VARCHAR NOT NULL,
    other_idx    INTEGER NOT NULL,
    containment  DOUBLE
);

-- Year buckets of each event's date: events are compared only within a bucket.
CREATE TABLE story_event_buckets (
    bucket   VARCHAR NOT NULL,             -- a year, or 'wide' for long or open stretches
    doc_id   VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL
);

-- One real-world happening as the articles tell it; `record` is the full StoryEvent JSON.
CREATE TABLE story_events (
    id             VARCHAR PRIMARY KEY,
    what           VARCHAR,
    date_value     VARCHAR,
    date_precision VARCHAR,
    status         VARCHAR,
    background     BOOLEAN,
    source_count   INTEGER,
    outlets        VARCHAR[],
    first_reported VARCHAR,
    record         JSON,
    updated_at     TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- Which coded event (and so which sentence of which document) tells which story event.
CREATE TABLE story_event_members (
    story_id VARCHAR NOT NULL,
    doc_id   VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL
);

-- A planned (or hoped) story event and the later story event that carried it out.
CREATE TABLE story_links (
    planned_id  VARCHAR NOT NULL,
    happened_id VARCHAR NOT NULL
);
