"""Review: an analyst's corrections of the machine's output, kept apart and applied on read.

Why a table of its own, applied when data is read: the machine's rows are rewritten by a story
rebuild and could be rewritten by a future re-extraction, while a person's judgement must
survive both. So a correction never edits a machine row; it is a row in ``corrections`` (who,
when, why, the field, the machine's value then and the new one), keyed by ids that do not change
on a rebuild (an event is ``<doc_id>-<event_id>``, both derived from content). Readers choose the
view: the machine's data, the reviewed data, or both side by side.

What is applied, in order:
1. the latest correction of each field of each event or quote (``latest``);
2. story events: split and merge, in the order they were made, by the member events they named;
3. story events take their members' corrected class, status, date, place and actors (a person's
   word outranks the machine's majority); members marked wrong leave, and a story event with no
   member left leaves the reviewed timeline.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import StorylineError
from ..model import STATUSES, ActorRef, DateValue, StoryEvent, StorySource

#: Fields a correction may change, by target kind.
FIELDS: dict[str, tuple[str, ...]] = {
    "event": ("what", "source", "target", "date", "location", "status", "wrong"),
    "quote": ("speaker", "wrong"),
    "story_event": ("split", "merge"),
}

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_EVENT_ID = re.compile(r"^([0-9a-f]+)-(\S+)$")
_QUOTE_ID = re.compile(r"^([0-9a-f]+)-q(\d+)$")


class ReviewError(StorylineError):
    """A request that cannot be taken: names the parameter at fault (the API answers 400)."""

    def __init__(self, param: str, detail: str):
        super().__init__("E801", param=param, detail=detail)
        self.param = param


class NotFound(StorylineError):
    """The thing a request names is not in the store (the API answers 404)."""

    def __init__(self, kind: str, ident: str, hint: str = ""):
        super().__init__("E802", kind=kind, ident=ident, hint=hint)


# ---------------------------------------------------------------- ids


def event_key(doc_id: str, event_id: str) -> str:
    return f"{doc_id}-{event_id}"


def split_event_key(key: str) -> tuple[str, str]:
    m = _EVENT_ID.match(key)
    if not m:
        raise ReviewError("id", f"{key!r} is not an event id: write <document id>-<event id>, as /api/events lists them")
    return m.group(1), m.group(2)


def split_quote_key(key: str) -> tuple[str, int]:
    m = _QUOTE_ID.match(key)
    if not m:
        raise ReviewError("id", f"{key!r} is not a quote id: write <document id>-q<number>, as /api/quotes lists them")
    return m.group(1), int(m.group(2))


# ---------------------------------------------------------------- checking a correction


def _names(value: Any, param: str) -> list[str]:
    if isinstance(value, str):
        value = [v.strip() for v in value.split(";")]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ReviewError(param, f"{param} must be a list of actor names (or one string, names separated by ';')")
    return [v for v in (x.strip() for x in value) if v]


def check_changes(kind: str, changes: Any, classes: Iterable[str]) -> dict[str, Any]:
    """The changes of one correction request, checked and normalised (a ReviewError otherwise)."""
    if not isinstance(changes, dict) or not changes:
        raise ReviewError("changes", "changes must be an object naming at least one field, e.g. {\"what\": \"MEDIATE\"}")
    allowed = FIELDS[kind]
    out: dict[str, Any] = {}
    for name, value in changes.items():
        param = f"changes.{name}"
        if name not in allowed:
            raise ReviewError(param, f"a {kind} has no correctable field {name!r}; fields: {', '.join(allowed)}")
        if name == "what":
            known = sorted(set(classes))
            if not isinstance(value, str) or value.upper() not in known:
                raise ReviewError(param, f"{value!r} is not an event class; classes: {', '.join(known)}")
            value = value.upper()
        elif name == "status":
            if value not in STATUSES:
                raise ReviewError(param, f"{value!r} is not a status; statuses: {', '.join(STATUSES)}")
        elif name == "date":
            if not isinstance(value, str) or not _DATE.match(value):
                raise ReviewError(param, f"{value!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
        elif name in ("source", "target"):
            value = _names(value, param)
        elif name in ("location", "speaker"):
            if not isinstance(value, str) or not value.strip():
                raise ReviewError(param, f"{name} must be a non-empty string")
            value = value.strip()
        elif name == "wrong" and not isinstance(value, bool):
            raise ReviewError(param, "wrong must be true or false")
        out[name] = value
    return out


def check_person(author: Any, reason: Any) -> tuple[str, str]:
    if not isinstance(author, str) or not author.strip() or len(author) > 200:
        raise ReviewError("author", "author (who makes the correction) must be a name of 1 to 200 characters")
    if reason is not None and (not isinstance(reason, str) or len(reason) > 5000):
        raise ReviewError("reason", "reason must be text of at most 5,000 characters")
    return author.strip(), (reason or "").strip()


# ---------------------------------------------------------------- the machine's values


def machine_event(store: Any, key: str) -> dict[str, Any]:
    """The machine's values of an event's correctable fields (NotFound when there is no such event)."""
    doc_id, event_id = split_event_key(key)
    rows = store.query("SELECT what, date_value, location, status FROM events WHERE doc_id = ? AND id = ?",
                       [doc_id, event_id])
    if not rows:
        raise NotFound("event", key)
    sides: dict[str, list[str]] = {"source": [], "target": []}
    for r in store.query("SELECT side, name FROM event_actors WHERE doc_id = ? AND event_id = ? ORDER BY side, idx",
                         [doc_id, event_id]):
        sides[r["side"]].append(r["name"])
    r = rows[0]
    return {"what": r["what"], "date": r["date_value"], "location": r["location"], "status": r["status"],
            "source": sides["source"], "target": sides["target"], "wrong": False}


def machine_quote(store: Any, key: str) -> dict[str, Any]:
    doc_id, idx = split_quote_key(key)
    rows = store.query("SELECT coalesce(speaker_name, speaker_description) AS speaker FROM quotes "
                       "WHERE doc_id = ? AND idx = ?", [doc_id, idx])
    if not rows:
        raise NotFound("quote", key)
    return {"speaker": rows[0]["speaker"], "wrong": False}


# ---------------------------------------------------------------- writing and reading corrections


def record(store: Any, kind: str, target_id: str, changes: dict[str, Any], machine: dict[str, Any],
           author: str, reason: str) -> list[dict[str, Any]]:
    """One row per changed field, in one transaction; returns the rows written."""
    rows = [{"id": uuid.uuid4().hex, "target_kind": kind, "target_id": target_id, "field": name,
             "machine_value": json.dumps(machine.get(name), ensure_ascii=False),
             "new_value": json.dumps(value, ensure_ascii=False), "reason": reason, "author": author}
            for name, value in changes.items()]
    with store.transaction():
        store.insert("corrections", rows)
    return [{**r, "machine_value": machine.get(r["field"]), "new_value": changes[r["field"]]} for r in rows]


def all_corrections(store: Any, kind: str | None = None, target_id: str | None = None) -> list[dict[str, Any]]:
    """Every correction (oldest first), JSON values decoded; filtered by kind and target."""
    where, params = [], []
    if kind:
        where.append("target_kind = ?")
        params.append(kind)
    if target_id:
        where.append("target_id = ?")
        params.append(target_id)
    rows = store.query(f"SELECT * FROM corrections {'WHERE ' + ' AND '.join(where) if where else ''} "
                       "ORDER BY created_at, id", params)
    for r in rows:
        for k in ("machine_value", "new_value"):
            r[k] = json.loads(r[k]) if isinstance(r[k], str) else r[k]
        r["created_at"] = str(r["created_at"])
    return rows


def latest(rows: Iterable[dict[str, Any]]) -> dict[tuple[str, str], dict[str, dict[str, Any]]]:
    """The newest correction of each field of each target: (kind, id) -> field -> correction."""
    out: dict[tuple[str, str], dict[str, dict[str, Any]]] = {}
    for r in rows:  # oldest first, so a later one replaces an earlier one
        if r["field"] in ("split", "merge"):
            continue
        out.setdefault((r["target_kind"], r["target_id"]), {})[r["field"]] = r
    return out


# ---------------------------------------------------------------- applied to rows


def review_event_row(row: dict[str, Any], fixes: dict[str, dict[str, Any]] | None) -> dict[str, Any]:
    """An event row (as ``query_events`` gives it) with its corrections applied; ``review`` holds
    each corrected field's machine value and the new one, ``wrong`` whether it was struck out."""
    out = dict(row)
    out["review"] = {}
    out["wrong"] = False
    for name, c in (fixes or {}).items():
        column = {"source": "who", "target": "whom"}.get(name, name)
        value = c["new_value"]
        if name == "wrong":
            out["wrong"] = bool(value)
        else:
            out[column] = "; ".join(value) if isinstance(value, list) else value
        out["review"][name] = {"machine": c["machine_value"], "value": value, "author": c["author"],
                               "reason": c["reason"], "at": c["created_at"]}
    return out


# ---------------------------------------------------------------- applied to story events


@dataclass
class StoryReview:
    """What review changed in one story event, for showing beside the machine's values."""

    fields: dict[str, dict[str, Any]] = field(default_factory=dict)  # field -> {machine, value}
    removed: list[str] = field(default_factory=list)  # member events marked wrong
    split_from: str | None = None
    merged: list[str] = field(default_factory=list)  # story events merged into this one

    def to_dict(self) -> dict[str, Any]:
        return {"fields": self.fields, "removed": self.removed, "split_from": self.split_from, "merged": self.merged}


def _copy(s: StoryEvent) -> StoryEvent:
    return StoryEvent.from_dict(s.to_dict())


def _recount(s: StoryEvent) -> None:
    s.source_count = len({src.duplicate_of or src.doc_id for src in s.sources})
    s.outlets = sorted({src.outlet for src in s.sources if src.outlet})
    days = [src.published for src in s.sources if src.published]
    s.first_reported = min(days) if days else None


def _member(src: StorySource) -> str:
    return event_key(src.doc_id, src.event_id)


def _split(stories: list[StoryEvent], notes: dict[str, StoryReview], members: Sequence[str]) -> None:
    wanted = set(members)
    for s in list(stories):
        moving = [src for src in s.sources if _member(src) in wanted]
        if not moving or len(moving) == len(s.sources):
            continue
        s.sources = [src for src in s.sources if _member(src) not in wanted]
        new = _copy(s)
        new.id = "se-r" + hashlib.sha256(" ".join(sorted(_member(x) for x in moving)).encode()).hexdigest()[:11]
        new.sources = moving
        whats = Counter(src.what for src in moving if src.what)
        new.what = whats.most_common(1)[0][0] if whats else s.what
        new.happened_as, new.planned_as = [], []
        _recount(s)
        _recount(new)
        notes.setdefault(new.id, StoryReview()).split_from = s.id
        stories.append(new)


def _merge(stories: list[StoryEvent], notes: dict[str, StoryReview], members: Sequence[str]) -> None:
    wanted = set(members)
    hit = [s for s in stories if any(_member(src) in wanted for src in s.sources)]
    if len(hit) < 2:
        return
    keep = hit[0]
    for other in hit[1:]:
        keep.sources += other.sources
        notes.setdefault(keep.id, StoryReview()).merged.append(other.id)
        stories.remove(other)
    _recount(keep)


def _take_fields(s: StoryEvent, fixes: dict[str, dict[str, dict[str, Any]]], note: StoryReview) -> None:
    """The story event takes its members' corrected values (the most common, when they differ)."""
    for name in ("what", "status", "date", "location", "source", "target"):
        values = [fixes[_member(src)][name]["new_value"] for src in s.sources
                  if name in fixes.get(_member(src), {})]
        if not values:
            continue
        value = Counter(json.dumps(v) for v in values).most_common(1)[0][0]
        value = json.loads(value)
        if name == "date":
            machine = s.date.value if s.date else None
            s.date = DateValue(value, {4: "year", 7: "month"}.get(len(value), "day"), method="review")
        elif name in ("source", "target"):
            machine = [r.name for r in getattr(s, name)]
            setattr(s, name, [ActorRef(n) for n in value])
        else:
            machine = getattr(s, name)
            setattr(s, name, value)
        note.fields[name] = {"machine": machine, "value": value}
    for src in s.sources:
        if "what" in fixes.get(_member(src), {}):
            src.what = fixes[_member(src)]["what"]["new_value"]
        if "status" in fixes.get(_member(src), {}):
            src.status = fixes[_member(src)]["status"]["new_value"]


def review_stories(stories: Iterable[StoryEvent], corrections: Sequence[dict[str, Any]]
                   ) -> tuple[list[StoryEvent], dict[str, StoryReview]]:
    """The story events as reviewed (copies; the machine's are left as they are) and, by story
    event id, what review changed in each."""
    out = [_copy(s) for s in stories]
    notes: dict[str, StoryReview] = {}
    for c in corrections:  # oldest first: a later split or merge works on the result of earlier ones
        if c["target_kind"] == "story_event" and c["field"] in ("split", "merge"):
            members = c["new_value"].get("members", []) if isinstance(c["new_value"], dict) else []
            (_split if c["field"] == "split" else _merge)(out, notes, members)
    fixes = {target: f for (kind, target), f in latest(corrections).items() if kind == "event"}
    kept = []
    for s in out:
        note = notes.setdefault(s.id, StoryReview())
        wrong = [src for src in s.sources if fixes.get(_member(src), {}).get("wrong", {}).get("new_value")]
        if wrong:
            note.removed = [_member(src) for src in wrong]
            s.sources = [src for src in s.sources if src not in wrong]
            _recount(s)
        if not s.sources:
            continue
        _take_fields(s, fixes, note)
        kept.append(s)
    return kept, {k: v for k, v in notes.items() if v.fields or v.removed or v.split_from or v.merged}
