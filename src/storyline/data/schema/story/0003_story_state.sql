-- Online clustering's state (story.state, story.online, story.stored): what an update reads of the
-- events taken so far, so that it loads only the rows its new events can meet. The story tables
-- above are written from it; everything here can be rebuilt (`storyline story --rebuild`).
-- The per-year recompute's pending buckets and event buckets are no longer used.
DROP TABLE IF EXISTS story_pending;
DROP TABLE IF EXISTS story_event_buckets;

-- Every event taken, with what scoring and story events read of it (`record`) and its clause
-- n-grams (hashes ascending, term weights, sizes).
CREATE TABLE story_items (
    item        VARCHAR PRIMARY KEY,      -- doc_id:event_id
    doc_id      VARCHAR NOT NULL,
    seq         VARCHAR NOT NULL,         -- place in the order of taking: EventItem.order as one string
    buckets     VARCHAR[] NOT NULL,
    group_id    VARCHAR NOT NULL,         -- the item of its story event's first member
    record      JSON NOT NULL,
    grams       BIGINT[],
    weights     DOUBLE[],
    sizes       TINYINT[]
);

-- Per date bucket: events taken, and the last of them in the order (a new event before it is late).
CREATE TABLE story_bucket_counts (
    bucket     VARCHAR PRIMARY KEY,
    n          BIGINT NOT NULL,
    last_order VARCHAR
);

-- Per date bucket and n-gram hash: how many events taken hold it (the word weights' IDF).
CREATE TABLE story_gram_counts (
    bucket VARCHAR NOT NULL,
    gram   BIGINT NOT NULL,
    df     BIGINT NOT NULL,
    PRIMARY KEY (bucket, gram)
);

-- The candidate indexes: an event under each of its keys (the index's name and the key, as JSON),
-- with what choosing candidates reads (its days as day numbers, its place, whether it names actors).
CREATE TABLE story_index (
    key    VARCHAR NOT NULL,
    item   VARCHAR NOT NULL,
    lo     INTEGER NOT NULL,
    hi     INTEGER NOT NULL,
    seq    VARCHAR NOT NULL,
    actors BOOLEAN NOT NULL
);

-- The pair that joined two groups (the new event, the earlier one): groups as of any point.
CREATE TABLE story_joins (
    item  VARCHAR NOT NULL,
    other VARCHAR NOT NULL
);

-- A plan's telling and the happening's telling that carried it out (story_links follow from them).
CREATE TABLE story_item_links (
    plan VARCHAR NOT NULL,
    done VARCHAR NOT NULL
);
