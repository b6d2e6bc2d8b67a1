-- Where a document's outlet and date were read, and how sure that reading is (issue 11: real
-- pages name their outlet and date in many places). Kinds: text, dateline, address, metadata,
-- inferred; the finer method (text:credit_line, text:timestamp, inferred:content ...) is kept
-- beside it. carrier: the aggregator, forum or paper that carried another outlet's article.

ALTER TABLE documents ADD COLUMN publisher_source VARCHAR;
ALTER TABLE documents ADD COLUMN publisher_method VARCHAR;
ALTER TABLE documents ADD COLUMN publisher_confidence DOUBLE;
ALTER TABLE documents ADD COLUMN carrier VARCHAR;
ALTER TABLE documents ADD COLUMN published_source VARCHAR;
ALTER TABLE documents ADD COLUMN published_confidence DOUBLE;
