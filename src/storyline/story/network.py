"""The actor network: who met, called, mediated for, supported or accused whom.

Why weighted by story events and not by events: ten articles retelling one phone call are one
tie, not ten; merging first (story.merge) is what makes the weights mean something. Each edge
counts the story events from its source to its target, split by PLOVER quad class, and carries a
sign (cooperation +1, conflict -1, from the ``story`` lexicon's ``quad_signs``) summed over them.
A joint act with no target ("X, Y and Z signed a joint statement") ties its doers to each other.

The CSV form is the edge list (one directed edge a row, heaviest first: source, target, weight,
sign, the quad classes' counts, the story events), the table the same on a terminal. The JSON
form also lists ``ties``: each pair of actors with both directions summed, the measure
for "who is tied most strongly to whom" (see ``ties``).

Nodes are states by default (a president's acts count for the state whose office he holds, as
the actor coder's country code says), or individual actors with ``level="actor"``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from itertools import combinations
from typing import TYPE_CHECKING, Any

from ..errors import StorylineError
from ..model import ActorRef, StoryEvent
from .merge import INTENDED, Knowledge

if TYPE_CHECKING:  # networkx loads when a graph is first built
    import networkx as nx

LEVELS = ("country", "actor")
FORMATS = ("json", "graphml", "csv", "table")


def node_key(ref: ActorRef, level: str) -> str | None:
    """The node an actor counts for. Country level: its state (a minister, an army and unnamed
    police of Iraq all count for IRQ). Actor level: the actor; an unnamed group by its state and
    sector in CAMEO's way ("police in Baghdad" -> IRQCOP, beside protesters IRQOPP). Without
    either, the words of the text, case-folded ("Police" and "police" are one node)."""
    words = " ".join(ref.name.casefold().split()) if ref.name else None
    if level == "country":
        return ref.country or ref.actor_id or words
    if ref.actor_id:
        return ref.actor_id
    if ref.country and ref.sector:
        return f"{ref.country}{ref.sector}"
    return words


def _keys(refs: Iterable[ActorRef], level: str) -> dict[str, ActorRef]:
    out: dict[str, ActorRef] = {}
    for r in refs:
        k = node_key(r, level)
        if k and k not in out:
            out[k] = r
    return out


def build(events: Iterable[StoryEvent], lexicon: dict[str, Any], level: str = "country",
          include_background: bool = True) -> nx.DiGraph:
    """A directed graph of what happened (plans and hopes left out): nodes are actors, an edge source -> target per pair that some story
    event ties, with ``weight`` (story events), ``sign`` (sum of their signs), one count per quad
    class, ``relations`` (e.g. "met x2; mediated for x1") and ``story_events`` (their ids)."""
    if level not in LEVELS:
        raise StorylineError("E072", level=level, valid=', '.join(LEVELS))
    know = Knowledge.from_lexicon(lexicon)
    signs = {k: int(v) for k, v in (lexicon.get("quad_signs") or {}).items()}
    relations = {k.upper(): v for k, v in (lexicon.get("relations") or {}).items()}
    import networkx as nx

    g = nx.DiGraph()
    tallies: dict[tuple[str, str], dict[str, Any]] = {}
    for s in events:
        if s.background and not include_background:
            continue
        if s.status in INTENDED:  # a meeting announced is not a meeting held
            continue
        src, tgt = _keys(s.source, level), _keys(s.target, level)
        # with no target, a joint act: its doers act together
        pairs = [(a, b) for a in src for b in tgt if a != b] if tgt else list(combinations(sorted(src), 2))
        if not pairs:
            continue
        for k, r in {**src, **tgt}.items():
            if k not in g:
                g.add_node(k, label=r.name if level == "actor" or not r.country else r.country,
                           country=r.country or "", names=set())
            g.nodes[k]["names"].add(r.name)
        quad = know.quad(s.what) or "neutral"
        rel = relations.get((s.what or "").upper(), "acted with" if not tgt else "acted toward")
        if not tgt:
            rel = "joined in: " + rel
        for pair in pairs:
            t = tallies.setdefault(pair, {"weight": 0, "sign": 0, "quads": {}, "relations": {}, "ids": []})
            t["weight"] += 1
            t["sign"] += signs.get(quad, 0)
            t["quads"][quad] = t["quads"].get(quad, 0) + 1
            t["relations"][rel] = t["relations"].get(rel, 0) + 1
            t["ids"].append(s.id)
    for (a, b), t in tallies.items():
        g.add_edge(a, b, weight=t["weight"], sign=t["sign"],
                   relations="; ".join(f"{k} x{v}" for k, v in sorted(t["relations"].items(), key=lambda kv: (-kv[1], kv[0]))),
                   story_events=" ".join(t["ids"]),
                   **{q: t["quads"].get(q, 0) for q in sorted(set(signs) | set(t["quads"]))})
    for k in g.nodes:
        g.nodes[k]["names"] = "; ".join(sorted(g.nodes[k]["names"]))
    return g


def strongest(g: nx.DiGraph, n: int = 10) -> list[tuple[str, str, dict[str, Any]]]:
    """The heaviest edges, heaviest first (ties by name, so the order is stable)."""
    return sorted(g.edges(data=True), key=lambda e: (-e[2]["weight"], e[0], e[1]))[:n]


def ties(g: nx.DiGraph, n: int | None = None) -> list[tuple[str, str, dict[str, Any]]]:
    """The heaviest ties between two actors whichever way their acts went: an edge and its
    reverse summed (A urged B, B met A: a tie of two). Why: "who is tied most strongly to whom"
    is a question about pairs, and a joint act has no direction of its own (its doers are stored
    in name order), so directed weights split one relationship in two."""
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for a, b, d in g.edges(data=True):
        key = (a, b) if a <= b else (b, a)
        t = pairs.setdefault(key, {"weight": 0, "sign": 0, "story_events": []})
        t["weight"] += d["weight"]
        t["sign"] += d["sign"]
        t["story_events"].extend(d["story_events"].split())
    out = []
    for (a, b), t in pairs.items():
        t["story_events"] = sorted(set(t["story_events"]))
        t["weight"] = len(t["story_events"])  # a story event tying both ways counts once
        out.append((a, b, t))
    out.sort(key=lambda e: (-e[2]["weight"], e[0], e[1]))
    return out if n is None else out[:n]


def as_records(g: nx.DiGraph) -> dict[str, list[dict[str, Any]]]:
    """The graph as plain records: ``nodes``, ``edges`` heaviest first, ``ties`` (see ``ties``)."""
    nodes = [{"id": k, **d} for k, d in sorted(g.nodes(data=True))]
    edges = [{"source": a, "target": b, **d} for a, b, d in strongest(g, g.number_of_edges())]
    pairs = [{"actors": [a, b], "weight": d["weight"], "sign": d["sign"], "story_events": d["story_events"]}
             for a, b, d in ties(g)]
    return {"nodes": nodes, "edges": edges, "ties": pairs}


def render(g: nx.DiGraph, fmt: str) -> str:
    if fmt == "graphml":
        import networkx as nx

        buf = io.BytesIO()
        nx.write_graphml(g, buf)
        return buf.getvalue().decode("utf-8")
    if fmt == "json":
        return json.dumps(as_records(g), ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        return edge_list(g)
    if fmt == "table":
        return edge_table(g)
    raise StorylineError("E073", fmt=fmt, valid=', '.join(FORMATS))


def edge_columns(g: nx.DiGraph) -> list[str]:
    """The edge list's columns: the ends, weight and sign, the relations and each quad class's
    count, the story events."""
    rest = sorted({k for _, _, d in g.edges(data=True) for k in d} - {"weight", "sign", "story_events"})
    return ["source", "target", "weight", "sign", *rest, "story_events"]


def edge_list(g: nx.DiGraph) -> str:
    """The edges as CSV, heaviest first, one directed edge a row."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    columns = edge_columns(g)
    writer.writerow(columns)
    for a, b, d in strongest(g, g.number_of_edges()):
        writer.writerow([{"source": a, "target": b}.get(c, d.get(c, "")) for c in columns])
    return buf.getvalue()


def edge_table(g: nx.DiGraph, width: int = 160) -> str:
    """The edges as a table, heaviest first (story event ids counted, not listed)."""
    from rich.console import Console
    from rich.table import Table

    columns = [c for c in edge_columns(g) if c != "story_events"]
    table = Table(title=f"{g.number_of_nodes()} actors, {g.number_of_edges()} ties", title_justify="left")
    for c in columns:
        table.add_column(c, justify="left" if c in ("source", "target") else "right", overflow="fold")
    for a, b, d in strongest(g, g.number_of_edges()):
        table.add_row(*(str({"source": a, "target": b}.get(c, d.get(c, ""))) for c in columns))
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(table)
    return console.file.getvalue()  # type: ignore[attr-defined]
