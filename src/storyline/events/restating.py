"""Whether a later clause says again what an earlier one said, by its words (issue 12).

The merge (``merge``) folds a later act of the same class, status and participants into the
first. Clauses of the same class by the same sides, told in different sentences, are often two
acts: "the two delegations signed a permanent ceasefire agreement" and, later, "they agreed that
no decision would be made under outside pressure"; "the sides agreed to hold a new
round" and "Serbia suggested a meeting of the two leaders"; "Georgia carried out the
first successful mediation" and "the Prime Minister and the US envoy brokered the deal in June
2021". A restatement names the same thing again: it shares a word of content with the first
("the ceasefire", "prisoners", "the Lachin corridor"). So two clauses in different sentences
are one act only where they share such a word; the names of the participants, which make them
candidates in the first place, and words of saying or of the act's class alone do not count
(``restating_function_words`` in event_patterns.yaml lists the words that never count).

Acts named by a noun (a reference to an act told elsewhere) and restatements inside a direct
quotation are left to the merge's own rules.
"""

from __future__ import annotations

from typing import Any

#: Parts of speech whose words carry content.
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
#: Entity types of names: the participants, which the merge compares by itself.
NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL"})


def content_words(doc: Any, start: int, end: int, function_words: set[str] | frozenset[str]) -> set[str]:
    """The lemmas of the content words of a stretch of the document's text."""
    span = doc.spacy.char_span(start, end, alignment_mode="expand")
    if span is None:
        return set()
    return {t.lemma_.lower() for t in span if t.pos_ in CONTENT_POS and t.ent_type_ not in NAME_ENTS
            and t.lemma_.lower() not in function_words and not t.is_stop and len(t.text) > 1}


def shares_content(k: Any, e: Any, doc: Any, function_words: set[str] | frozenset[str],
                   classes: set[str] | frozenset[str]) -> bool:
    """``e`` may restate ``k`` by its words: an act of a class other than ``classes`` (acts with a
    content of their own: what is agreed, rejected), in the same sentence (the merge's own
    matter), or a word of content in common."""
    if k.what not in classes or k.sentence is None or e.sentence is None or k.sentence == e.sentence:
        return True
    return bool(content_words(doc, k.start, k.end, function_words) & content_words(doc, e.start, e.end, function_words))
