"""How fast the store writes: documents per second through ``Store.write_document``.

Measures the store alone (no parsing): N synthetic documents of realistic shape (25 sentences,
60 mentions, 8 time expressions, 4 quotes, 6 events with 2 participants each, 3 actors), each in
its own transaction, into a fresh DuckDB file; then the same documents again (all "unchanged");
then N others in groups of 100 per transaction (``write_documents``, ``ingest --commit-every 100``).

    python benchmarks/store_throughput.py [N]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from storyline.model import (
    Actor,
    ActorRef,
    DateValue,
    Document,
    Event,
    Mention,
    Quote,
    Role,
    Sentence,
    TimeExpression,
    content_id,
)
from storyline.store import Store


def synthetic(i: int) -> Document:
    sentence = f"Minister {i} met the envoy in Baku on Monday and said the talks were useful. "
    text = sentence * 25
    n = len(sentence)
    return Document(
        id=content_id(text + str(i)), name=f"doc{i}.txt", origin=f"/bench/doc{i}.txt", text=text,
        title=f"Talks {i}", publisher="Trend", dateline="Baku", published=DateValue("2014-06-18"),
        sentences=[Sentence(k * n, (k + 1) * n - 1, k // 5) for k in range(25)],
        mentions=[Mention(k * 20, k * 20 + 8, text[k * 20:k * 20 + 8], actor_id=f"a{k % 3}", country="RUS")
                  for k in range(60)],
        actors=[Actor(f"a{k}", f"Actor {k}", aliases=[f"A{k}", f"A{k}-{i % 7}"],
                      roles=[Role("RUS", "GOV", "minister", start="2004")]) for k in range(3)],
        timexes=[TimeExpression(k * n + 40, k * n + 46, "Monday", value="2014-06-16") for k in range(8)],
        quotes=[Quote(k * n + 50, k * n + 75, "the talks were useful", speaker=ActorRef("Actor 0", "a0"))
                for k in range(4)],
        events=[Event(f"e{k}", k * n, (k + 1) * n - 1, sentence, trigger="met", cameo="040", what="CONSULT",
                      source=[ActorRef("Actor 0", "a0")], target=[ActorRef("Actor 1", "a1")],
                      date=DateValue("2014-06-16")) for k in range(6)],
    )


def main(n: int = 500) -> None:
    docs = [synthetic(i) for i in range(n)]
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
        t = time.perf_counter()
        assert all(store.write_document(d) == "new" for d in docs)
        new = time.perf_counter() - t
        t = time.perf_counter()
        assert all(store.write_document(d) == "unchanged" for d in docs)
        again = time.perf_counter() - t
        rows = sum(store.count(t) for t in store.tables())
        more = [synthetic(n + i) for i in range(n)]
        t = time.perf_counter()
        for k in range(0, n, 100):
            assert store.write_documents(more[k:k + 100]) == ["new"] * len(more[k:k + 100])
        grouped = time.perf_counter() - t
    print(f"{n} documents ({rows} rows): one transaction each {n / new:.0f} docs/s ({1000 * new / n:.1f} ms each); "
          f"unchanged {n / again:.0f} docs/s; 100 per transaction {n / grouped:.0f} docs/s "
          f"({1000 * grouped / n:.1f} ms each)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
