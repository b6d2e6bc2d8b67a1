-- Hostile input (issue 16): a document kept with a stage missing says so, and an event's place
-- says where it came from.
--   documents.notes       what was done differently ("characters 0-1,200,000 not parsed: ...")
--   documents.incomplete  the stages that failed, ran out of time or were skipped, with why
--   events.where_source   'text' (the clause names the place) or 'dateline' (only the article's
--                         dateline does); NULL where the event has no place
ALTER TABLE documents ADD COLUMN notes VARCHAR[];
ALTER TABLE documents ADD COLUMN incomplete VARCHAR[];
ALTER TABLE events ADD COLUMN where_source VARCHAR;
