-- Date buckets whose story events an update has still to recompute: each batch of an update
-- records the buckets its documents touch in its own transaction, and the story events of all of
-- them are recomputed once at the end (and the rows deleted in that transaction), so a rebuild
-- recomputes a busy year once rather than once per batch, and an update killed before the end
-- leaves the buckets for the next update to finish.
CREATE TABLE story_pending (
    bucket VARCHAR NOT NULL
);
