"""The story layer: across stored documents, near-copies, repeated background, story events
(one per real-world happening, every source sentence kept), the timeline, the actor network and
the outlet comparison. It reads only the store and writes only its own tables (and the
``background`` mark of sentences); ``storage.update`` keeps it current after each ingest.

Modules: ``dates`` (dates as spans of days), ``text`` (TF-IDF closeness of clauses),
``duplicates`` (MinHash LSH), ``merge`` (story events), ``storage`` (the store glue),
``timeline``, ``network``, ``compare``, ``commands`` (the CLI).
"""
