-- An analyst's corrections of the machine's output. Kept apart from every table the pipeline or
-- the story layer writes, so a re-ingest or `storyline story --rebuild` never touches them; they
-- are applied when data is read (the web app, `export --reviewed`).
--
-- target_kind/target_id name what is corrected by keys that survive a rebuild:
--   event        '<doc_id>-<event_id>'   (a coded event; both ids are content-derived)
--   quote        '<doc_id>-q<idx>'
--   story_event  the story event the analyst saw; `split` and `merge` also list the member events
--                in new_value, since story event ids are recomputed by a rebuild.
-- field: what, source, target, date, location, status, wrong (events); speaker, wrong (quotes);
-- split, merge (story events). machine_value and new_value are JSON.
CREATE TABLE corrections (
    id            VARCHAR PRIMARY KEY,
    target_kind   VARCHAR NOT NULL,
    target_id     VARCHAR NOT NULL,
    field         VARCHAR NOT NULL,
    machine_value JSON,
    new_value     JSON,
    reason        VARCHAR,
    author        VARCHAR NOT NULL,
    created_at    TIMESTAMP NOT NULL DEFAULT current_timestamp
);
