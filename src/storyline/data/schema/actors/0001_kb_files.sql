-- The actors layer's table: knowledge-base files stored with the database by
-- `storyline actors add FILE`. Every ingest into this database links actors with them, as if
-- each had been given with --kb; adding a file of the same name again replaces it.
CREATE TABLE kb_files (
    name     VARCHAR PRIMARY KEY,   -- the file's name (without its folder)
    text     VARCHAR NOT NULL,      -- the YAML as it was added
    people   INTEGER,               -- how many people, organisations, states and bodies it declares
    organizations INTEGER,
    states   INTEGER,
    bodies   INTEGER,
    added_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
