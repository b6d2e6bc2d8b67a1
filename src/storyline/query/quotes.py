"""Who said what, when: ``find_quotes(store, speaker="Lavrov", date_from="2014")``.

Why dates are filtered in Python: a quotation's date may be a day, a month or a year ("2014-06",
"2014"); a quotation counts as inside ``date_from``/``date_to`` where its period overlaps them
(``dates.bounds``), plainer to say on periods than in SQL string comparisons.
"""

from __future__ import annotations

from typing import Any

from ..dates.bounds import date_range


def find_quotes(store: Any, speaker: str | None = None, date_from: str | None = None, date_to: str | None = None,
                reported: bool = False) -> list[dict[str, Any]]:
    """Stored quotations (and, with ``reported``, reported statements), oldest first. ``speaker``
    matches, case aside, words of the speaker's name, description or mention, or a name or alias
    of the linked actor ("Lavrov" finds "Sergei Lavrov" and the "Russian FM" linked to him)."""
    within = date_range(date_from, date_to)
    kinds = ("direct", "partial", "reported") if reported else ("direct", "partial")
    params: list[Any] = list(kinds)
    where = [f"q.kind IN ({', '.join('?' for _ in kinds)})"]
    if speaker:
        like = f"%{speaker.lower()}%"
        where.append("""(lower(q.speaker_name) LIKE ? OR lower(q.speaker_description) LIKE ?
                         OR lower(q.speaker_text) LIKE ? OR q.speaker_actor_id IN (
                             SELECT a.id FROM actors a WHERE lower(a.name) LIKE ?
                             OR lower(array_to_string(coalesce(a.aliases, []), '|')) LIKE ?))""")
        params += [like] * 5
    rows = store.query(f"""
        SELECT coalesce(q.date_value, d.published_value) AS date,
               coalesce(q.speaker_name, q.speaker_description) AS speaker,
               q.speaker_country AS country, q.speaker_actor_id AS actor_id,
               q.speaker_description AS description, q.kind, q.cue, q.text, d.name AS doc,
               q.doc_id, q.start, q."end", q.confidence
        FROM quotes q JOIN documents d ON d.id = q.doc_id
        WHERE {' AND '.join(where)}
        ORDER BY date NULLS LAST, d.name, q.idx""", params)
    return [r for r in rows if within.keeps(r["date"])]
