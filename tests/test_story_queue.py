"""Clustering takes candidate pairs lazily (issue 15): a pair is scored only when the bound of its
score comes up and its events are not yet one group, and the groups are those of scoring every
candidate first and taking them from the best score down."""

from __future__ import annotations

from story_cases import Ev, article, state
from storyline.model import ActorRef
from storyline.options import Options
from storyline.story import merge, storage
from storyline.story.merge import _pairs, gated, items_from_documents, score_bound, score_pair, with_spans
from storyline.story.text import TextSpace, gram_counts

DAY = "2019-05-14"
WORDS = ["troops shelled villages near the border", "artillery struck positions along the frontier",
         "forces fired rockets at settlements", "gunners hit the outskirts of the town"]


def _busy_day() -> list:
    """Many outlets telling the same few attacks of one day, in different words, with a few
    tellings naming other sides or no side at all (which gates keep apart or let join)."""
    docs = []
    sides = [("ARM", "AZE"), ("AZE", "ARM"), ("RUS", "TUR")]
    for n in range(18):
        src, tgt = sides[n % len(sides)]
        target = [] if n % 7 == 3 else [state(tgt)]
        docs.append(article(f"a{n}.txt", f"Outlet{n}", DAY, [Ev(
            f"On May 14 {src} {WORDS[n % len(WORDS)]}.", "ASSAULT", [state(src)], target, DAY,
            location="Tavush" if n % 2 else None)]))
    docs.append(article("p.txt", "Outlet99", DAY, [Ev("On May 14 Lavrov shelled the town.", "ASSAULT",
                                                       [ActorRef("Sergey Lavrov", "lavrov", "RUS")], [], DAY)],
                        persons={"lavrov": "person"}))
    return docs


def _eager(items: list, know: merge.Knowledge, settings) -> list[list[str]]:
    """The reference: every candidate scored first, sorted from the best score down, groups joined
    unless a pair across them is gated."""
    items = sorted(items, key=lambda it: it.order)
    counts = gram_counts([it.words for it in items], know.stopwords)
    space = TextSpace([], counts=counts)
    pairs = _pairs(items, know, settings, False, counts)
    scored = []
    for (i, j), c in zip(pairs, space.cosines(pairs), strict=True):
        ps = score_pair(items[i], items[j], c, know, settings)
        if ps is not None and ps.direct and ps.score >= settings.merge_threshold:
            scored.append((-ps.score, i, j))
    group = {i: {i} for i in range(len(items))}
    for _, i, j in sorted(scored):
        if group[i] is group[j]:
            continue
        if any(gated(items[x], items[y], lambda x=x, y=y: space.cosines([(x, y)])[0], know, settings)
               for x in group[i] for y in group[j]):
            continue
        joined = group[i] | group[j]
        for x in joined:
            group[x] = joined
    return sorted(sorted(items[x].key for x in g) for g in {id(g): g for g in group.values()}.values())


def test_lazy_clustering_gives_the_groups_of_scoring_every_candidate_first() -> None:
    know, settings = storage.knowledge(Options()), Options().story
    items = items_from_documents(_busy_day())
    with_spans(items, settings)
    got = sorted(sorted(it.key for it in g) for g in merge.cluster(items, know, settings))
    assert got == _eager(items, know, settings)
    assert 1 < len(got) < len(items)  # some tellings joined, some kept apart


def test_the_bound_is_never_under_the_score() -> None:
    know, settings = storage.knowledge(Options()), Options().story
    items = items_from_documents(_busy_day())
    with_spans(items, settings)
    space = TextSpace([it.words for it in items], know.stopwords)
    checked = 0
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            c = space.cosines([(i, j)])[0]
            ps = score_pair(items[i], items[j], c, know, settings)
            bound = score_bound(items[i], items[j], c, know, settings)
            if ps is not None:
                assert bound is not None and bound >= ps.score
                checked += 1
    assert checked > 50
