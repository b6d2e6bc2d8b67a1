"""The story layer and the store: read the documents, keep the story tables up to date.

Why incremental, and how it stays exact: after each ingest only the new documents are taken in.
Their near-copies are found through the stored LSH band keys, their repeated sentences likewise;
then the story events are recomputed for the events that can be affected, which are all events
sharing a date bucket (a year) with a new event, closed over events that span several buckets.
Since events in different buckets are never compared (story.merge), the recomputed part is
exactly what a full rebuild would give for it, and running the update twice changes nothing.
Nothing in the core tables is deleted; the story tables can always be rebuilt from them.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from ..lexicons import load_lexicon
from ..model import Document, Sentence, StoryEvent
from ..options import Options, StorySettings
from ..store import Store
from .duplicates import (
    DOC_BANDS,
    band_keys,
    canonical_groups,
    containment,
    paragraph_marks,
    sentence_grams,
    sentence_keys,
    signature,
    signature_from,
)
from .merge import (
    EventItem,
    Knowledge,
    buckets,
    build_story_events,
    chronological,
    items_from_documents,
    with_spans,
)

STORY_TABLES = ("story_documents", "story_doc_bands", "story_copies", "story_sentence_bands", "story_repeats",
                "story_event_buckets", "story_events", "story_event_members", "story_links", "story_pending")


@dataclass
class UpdateReport:
    """What an update did, for the command's one-line summary."""

    documents: int = 0
    copies: int = 0
    background_sentences: int = 0
    events: int = 0
    story_events: int = 0
    replaced: int = 0
    touched: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.documents} new documents, {self.copies} near-copies, {self.background_sentences} "
                f"background sentences marked, {self.events} events recomputed into {self.story_events} "
                f"story events ({self.replaced} replaced)")


def knowledge(options: Options) -> Knowledge:
    return Knowledge.from_lexicon(load_lexicon("story", options.lexicon_files))


def _in(values: Iterable[str]) -> tuple[str, list[Any]]:
    """What goes in ``col IN (...)`` for these strings, and its one parameter: a list unnested,
    not a placeholder per value (binding 100,000 placeholders takes seconds, the list a tenth)."""
    return "SELECT unnest(?::VARCHAR[])", [list(values)]


# ---------------------------------------------------------------- near-copies


def _update_copies(store: Store, docs: Sequence[Document], settings: StorySettings) -> tuple[set[str], int]:
    """Take in the new documents' signatures and relink the groups of copies they join.
    Returns the documents whose canonical article changed, and how many copies the new ones are."""
    sigs = {d.id: signature(d.text, settings) for d in docs}
    store.insert("story_documents", [{"doc_id": i, "signature": [int(v) for v in m.hashvalues]}
                                     for i, m in sigs.items()])
    store.insert("story_doc_bands", [{"band": k, "doc_id": i} for i, m in sigs.items()
                                     for k in band_keys(m, DOC_BANDS)])
    ph, ids = _in(sigs)
    cands = store.query(f"""SELECT DISTINCT n.doc_id AS new, b.doc_id AS other FROM story_doc_bands n
                            JOIN story_doc_bands b ON b.band = n.band AND b.doc_id <> n.doc_id
                            WHERE n.doc_id IN ({ph})""", ids)
    if not cands:
        return set(), 0
    others = {r["other"] for r in cands} - set(sigs)
    if others:
        ph2, ids2 = _in(others)
        for r in store.query(f"SELECT doc_id, signature FROM story_documents WHERE doc_id IN ({ph2})", ids2):
            sigs[r["doc_id"]] = signature_from(r["signature"], settings)
    edges = [(r["new"], r["other"]) for r in cands
             if sigs[r["new"]].jaccard(sigs[r["other"]]) >= settings.duplicate_threshold]
    if not edges:
        return set(), 0
    involved = {x for e in edges for x in e}
    ph3, ids3 = _in(involved)
    roots = involved | {r["canonical_id"] for r in store.query(
        f"SELECT canonical_id FROM story_copies WHERE doc_id IN ({ph3})", ids3)}
    ph3, ids3 = _in(roots)
    old = {r["doc_id"]: r["canonical_id"] for r in store.query(
        f"SELECT doc_id, canonical_id FROM story_copies WHERE canonical_id IN ({ph3}) OR doc_id IN ({ph3})",
        ids3 + ids3)}
    members = involved | set(old) | set(old.values())
    ph4, ids4 = _in(members)
    order = {r["id"]: (r["published_value"] or "9999", r["name"]) for r in store.query(
        f"SELECT id, published_value, name FROM documents WHERE id IN ({ph4})", ids4)}
    missing = members - set(sigs)
    if missing:
        ph5, ids5 = _in(missing)
        for r in store.query(f"SELECT doc_id, signature FROM story_documents WHERE doc_id IN ({ph5})", ids5):
            sigs[r["doc_id"]] = signature_from(r["signature"], settings)
    canon = canonical_groups(list(edges) + list(old.items()), order)
    store.execute(f"DELETE FROM story_copies WHERE doc_id IN ({ph4})", ids4)
    store.insert("story_copies", [{"doc_id": d, "canonical_id": c, "similarity": round(sigs[d].jaccard(sigs[c]), 3)}
                                  for d, c in sorted(canon.items())])
    changed = {d for d in members if canon.get(d) != old.get(d)}
    return changed, sum(1 for d in canon if d in {x.id for x in docs})


def copies_map(store: Store) -> dict[str, str]:
    return {r["doc_id"]: r["canonical_id"] for r in store.query("SELECT doc_id, canonical_id FROM story_copies")}


# ---------------------------------------------------------------- background sentences


def _sentence_texts(store: Store, doc_ids: Iterable[str]) -> dict[tuple[str, int], str]:
    ph, ids = _in(set(doc_ids))
    return {(r["doc_id"], r["idx"]): r["text"] for r in store.query(
        f"""SELECT s.doc_id, s.idx, substr(d.text, s.start + 1, s."end" - s.start) AS text
            FROM sentences s JOIN documents d ON d.id = s.doc_id WHERE s.doc_id IN ({ph})""", ids)}


#: Grams of older sentences an update keeps at most (``SentenceMemo``): some 100 MB.
MEMO_SENTENCES = 100_000


@dataclass
class SentenceMemo:
    """What one update has worked out about stored sentences, kept from batch to batch.

    Why: a sentence repeated across stories (boilerplate) is met again by every later batch that
    repeats it, and its document is re-marked each time; working its grams out again in each batch
    made the cost of a rebuild grow with batches times repeats. Only what is small is kept: the
    grams of older sentences met as candidates, and which sentences of each document are long
    enough to judge (``judged``), not the grams of every sentence."""

    grams: dict[tuple[str, int], frozenset[str]] = field(default_factory=dict)
    judged: dict[str, set[int]] = field(default_factory=dict)

    def forget(self, docs: set[str]) -> None:
        """After a batch: forget ``judged`` of its documents that repeat nothing (only documents
        with repeats are re-marked by later batches), and empty the memo once it holds
        ``MEMO_SENTENCES`` sentences' grams, so a million-document update holds a bounded memo
        (what is dropped is worked out again when met)."""
        for d in docs:
            self.judged.pop(d, None)
        if len(self.grams) > MEMO_SENTENCES:
            self.grams.clear()
            self.judged.clear()


def _update_background(store: Store, docs: Sequence[Document], settings: StorySettings,
                       know: Knowledge, memo: SentenceMemo | None = None) -> tuple[set[str], dict[str, int]]:
    """Find the new documents' sentences repeated in other stories and re-mark the background of
    every document involved. Returns the documents whose marks changed, and how many sentences
    each document involved now has marked. ``memo`` carries what earlier batches worked out."""
    memo = memo if memo is not None else SentenceMemo()
    grams: dict[tuple[str, int], frozenset[str]] = {}
    for d in docs:
        memo.judged[d.id] = set()
        for i, s in enumerate(d.sentences):
            g = sentence_grams(d.text[s.start:s.end], know.stopwords)
            if g:
                grams[(d.id, i)] = g
                memo.judged[d.id].add(i)
    store.insert("story_sentence_bands", [{"band": k, "doc_id": key[0], "idx": key[1]}
                                          for key, g in grams.items() for k in sentence_keys(g)])
    new_ids = [d.id for d in docs]
    ph, ids = _in(new_ids)
    cands = store.query(f"""SELECT DISTINCT n.doc_id, n.idx, b.doc_id AS other_doc_id, b.idx AS other_idx
                            FROM story_sentence_bands n JOIN story_sentence_bands b
                              ON b.band = n.band AND b.doc_id <> n.doc_id
                            WHERE n.doc_id IN ({ph})""", ids)
    copies = copies_map(store)
    unknown = {r["other_doc_id"] for r in cands if (r["other_doc_id"], r["other_idx"]) not in memo.grams}
    texts = _sentence_texts(store, unknown - set(new_ids)) if unknown else {}
    seen: set[tuple[str, int, str, int]] = set()
    rows = []
    for r in cands:
        a, b = (r["doc_id"], r["idx"]), (r["other_doc_id"], r["other_idx"])
        if copies.get(a[0], a[0]) == copies.get(b[0], b[0]):
            continue
        key = (*min(a, b), *max(a, b))
        if key in seen:
            continue
        seen.add(key)
        gb = grams.get(b) or memo.grams.get(b)
        if gb is None:  # an older document's sentence: its grams worked out once, however many it meets
            gb = memo.grams[b] = sentence_grams(texts.get(b, ""), know.stopwords)
        c = containment(grams[a], gb)
        if c >= settings.background_threshold:
            rows.append({"doc_id": a[0], "idx": a[1], "other_doc_id": b[0], "other_idx": b[1], "containment": c})
            rows.append({"doc_id": b[0], "idx": b[1], "other_doc_id": a[0], "other_idx": a[1], "containment": c})
    store.insert("story_repeats", rows)
    repeating = {r["doc_id"] for r in rows}
    got = _remark(store, set(new_ids) | repeating, copies, know, memo)
    memo.forget(set(new_ids) - repeating)
    return got


def _remark(store: Store, doc_ids: set[str], copies: dict[str, str],
            know: Knowledge, memo: SentenceMemo) -> tuple[set[str], dict[str, int]]:
    """Recompute the background marks of these documents from the stored repeats."""
    if not doc_ids:
        return set(), {}
    ph, ids = _in(doc_ids)
    repeats: dict[str, set[int]] = {}
    for r in store.query(f"SELECT doc_id, idx, other_doc_id FROM story_repeats WHERE doc_id IN ({ph})", ids):
        if copies.get(r["doc_id"], r["doc_id"]) != copies.get(r["other_doc_id"], r["other_doc_id"]):
            repeats.setdefault(r["doc_id"], set()).add(r["idx"])
    unjudged = doc_ids - set(memo.judged)
    texts = _sentence_texts(store, unjudged) if unjudged else {}
    sentences: dict[str, list[Any]] = {}
    for r in store.query(f"""SELECT doc_id, idx, start, "end", paragraph, background FROM sentences
                             WHERE doc_id IN ({ph}) ORDER BY doc_id, idx""", ids):
        sentences.setdefault(r["doc_id"], []).append(r)
    changed: dict[str, list[int]] = {}
    marked: dict[str, int] = {}
    for doc_id, rows in sorted(sentences.items()):
        sents = [Sentence(r["start"], r["end"], r["paragraph"] or 0) for r in rows]
        judged = memo.judged.get(doc_id)
        if judged is None:
            judged = memo.judged[doc_id] = {r["idx"] for r in rows
                                            if sentence_grams(texts.get((doc_id, r["idx"]), ""), know.stopwords)}
        marks = paragraph_marks(sents, repeats.get(doc_id, set()), judged)
        marked[doc_id] = len(marks)
        if any(bool(r["background"]) != (r["idx"] in marks) for r in rows):
            changed[doc_id] = sorted(marks)
    if changed:
        # one statement for every document whose marks changed: an UPDATE scans the table, so
        # one per document made a batch cost the sentences of the whole store over again
        store.execute("""UPDATE sentences SET background = list_contains(m.marks, sentences.idx)
                         FROM (SELECT unnest(?::VARCHAR[]) AS doc_id, unnest(?::INTEGER[][]) AS marks) m
                         WHERE sentences.doc_id = m.doc_id""", [list(changed), list(changed.values())])
    return set(changed), marked


# ---------------------------------------------------------------- story events


def _closure(store: Store, start: set[str]) -> set[tuple[str, str]]:
    """Every event sharing a bucket with the start buckets, closed over events in several."""
    seen_buckets: set[str] = set()
    todo = set(start)
    keys: set[tuple[str, str]] = set()
    while todo:
        ph, vals = _in(todo)
        seen_buckets |= todo
        rows = store.query(f"""SELECT b2.bucket, b1.doc_id, b1.event_id FROM story_event_buckets b1
                               JOIN story_event_buckets b2 ON b2.doc_id = b1.doc_id AND b2.event_id = b1.event_id
                               WHERE b1.bucket IN ({ph})""", vals)
        keys |= {(r["doc_id"], r["event_id"]) for r in rows}
        todo = {r["bucket"] for r in rows} - seen_buckets
    return keys


def _load_items(store: Store, doc_ids: Iterable[str], copies: dict[str, str], read_at_once: int) -> list[EventItem]:
    """Event items of these documents: documents are read ``read_at_once`` at a time and only
    their items kept, so memory holds the events of the buckets recomputed, not their documents."""
    ids = sorted(set(doc_ids))
    out: list[EventItem] = []
    for at in range(0, len(ids), read_at_once):
        for doc in store.read_documents(ids[at:at + read_at_once]):
            out.extend(items_from_documents([doc], copies))
    return out


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the garbage collector's automatic runs while the event items are loaded and the
    story events built. Why: the items pile up until the end, and each full collection walked all
    of them again, so the collector's share grew with the articles (0.66 CPU ms per article at
    1,000 articles of one year, 1.0 at 10,000). Objects are freed by their reference counts as
    ever; only reference cycles wait, and this code makes next to none."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _take_in_events(store: Store, docs: Sequence[Document], touched_docs: set[str], copies: dict[str, str],
                    settings: StorySettings) -> None:
    """File the new documents' events under their date buckets, and record as pending every
    bucket whose story events they (or the documents whose copies or marks changed) affect."""
    new_items = items_from_documents(docs, copies)
    with_spans(new_items, settings)
    store.insert("story_event_buckets", [{"bucket": b, "doc_id": it.doc_id, "event_id": it.event.id}
                                         for it in new_items for b in buckets(it)])
    start = {b for it in new_items for b in buckets(it)}
    if touched_docs:
        ph, ids = _in(touched_docs)
        start |= {r["bucket"] for r in store.query(
            f"SELECT DISTINCT bucket FROM story_event_buckets WHERE doc_id IN ({ph})", ids)}
    store.insert("story_pending", [{"bucket": b} for b in sorted(start)])


def _recompute(store: Store, copies: dict[str, str], settings: StorySettings, know: Knowledge,
               report: UpdateReport) -> None:
    """Recompute the story events of the pending buckets (closed over events in several) in one
    transaction, and clear them."""
    start = {r["bucket"] for r in store.query("SELECT DISTINCT bucket FROM story_pending")}
    keys = _closure(store, start) if start else set()
    involved = {k[0] for k in keys}
    with store.transaction():
        if keys:
            with _collector_paused():
                items = [it for it in _load_items(store, involved, copies, max(1, settings.update_batch))
                         if (it.doc_id, it.event.id) in keys]
                stories = build_story_events(items, know, settings)
            ph, ids = _in(involved)
            old = {r["story_id"] for r in store.query(
                f"SELECT story_id, doc_id, event_id FROM story_event_members WHERE doc_id IN ({ph})", ids)
                if (r["doc_id"], r["event_id"]) in keys}
            if old:
                ph, ids = _in(old)
                store.execute(f"DELETE FROM story_events WHERE id IN ({ph})", ids)
                store.execute(f"DELETE FROM story_event_members WHERE story_id IN ({ph})", ids)
                store.execute(f"DELETE FROM story_links WHERE planned_id IN ({ph}) OR happened_id IN ({ph})",
                              ids + ids)
            write_story_events(store, stories)
            report.events += len(items)
            report.story_events += len(stories)
            report.replaced += len(old)
        store.execute("DELETE FROM story_pending")


def write_story_events(store: Store, stories: Sequence[StoryEvent]) -> None:
    store.insert("story_events", [{
        "id": s.id, "what": s.what, "date_value": s.date.value if s.date else None,
        "date_precision": s.date.precision if s.date else None, "status": s.status, "background": s.background,
        "source_count": s.source_count, "outlets": s.outlets, "first_reported": s.first_reported,
        "record": json.dumps(s.to_dict(), ensure_ascii=False, sort_keys=True)} for s in stories])
    store.insert("story_event_members", [{"story_id": s.id, "doc_id": src.doc_id, "event_id": src.event_id}
                                         for s in stories for src in s.sources])
    store.insert("story_links", [{"planned_id": s.id, "happened_id": h} for s in stories for h in s.happened_as])


# ---------------------------------------------------------------- the entry points


def update(store: Store, options: Options | None = None,
           progress: Callable[[UpdateReport, int], None] | None = None) -> UpdateReport:
    """Take every document the story layer has not seen into the story tables.

    The new documents go in batches of ``options.story.update_batch``, one transaction each:
    their near-copies, background marks and date buckets, the buckets they touch recorded as
    pending. The story events of all pending buckets are then recomputed once, in one more
    transaction (a busy year once per update, not once per batch). An update killed half-way
    keeps the batches it committed and their pending buckets, so the next update takes in exactly
    the rest and recomputes them all: the same result as one uninterrupted run.
    ``progress(report, total)`` is called after each commit."""
    options = options or Options()
    settings, know = options.story, knowledge(options)
    report = UpdateReport()
    new_ids = [r["id"] for r in store.query(
        "SELECT id FROM documents WHERE id NOT IN (SELECT doc_id FROM story_documents) "
        "ORDER BY published_value NULLS LAST, name")]
    size = max(1, settings.update_batch)
    marked: dict[str, int] = {}
    touched_all: set[str] = set()
    memo = SentenceMemo()
    for at in range(0, len(new_ids), size):
        batch = new_ids[at:at + size]
        docs = store.read_documents(batch)
        with store.transaction():
            changed_copies, copies = _update_copies(store, docs, settings)
            changed_bg, marks = _update_background(store, docs, settings, know, memo)
            touched = (changed_copies | changed_bg) - set(batch)
            _take_in_events(store, docs, touched, copies_map(store), settings)
            del docs
        report.documents += len(batch)
        report.copies += copies
        marked.update(marks)
        touched_all |= touched
        report.background_sentences = sum(marked.values())
        if progress is not None:
            progress(report, len(new_ids))
    _recompute(store, copies_map(store), settings, know, report)
    report.touched = sorted(touched_all - set(new_ids))
    return report


def forget(store: Store) -> None:
    """Empty the story tables and clear the background marks; the core tables stay as they are."""
    with store.transaction():
        for t in STORY_TABLES:
            store.execute(f"DELETE FROM {t}")
        store.execute("UPDATE sentences SET background = false WHERE background")


def rebuild(store: Store, options: Options | None = None,
            progress: Callable[[UpdateReport, int], None] | None = None) -> UpdateReport:
    """Forget the story tables (and the background marks) and take in every document again."""
    forget(store)
    return update(store, options, progress)


def story_events(store: Store) -> list[StoryEvent]:
    """Every stored story event, in time order."""
    rows = store.query("SELECT record FROM story_events")
    out = [StoryEvent.from_dict(json.loads(r["record"]) if isinstance(r["record"], str) else r["record"])
           for r in rows]
    return sorted(out, key=chronological)
