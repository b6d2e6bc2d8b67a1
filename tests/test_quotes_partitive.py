"""A quotation said by "one" ("... ," one said) after a group has spoken: one member of that
group, spoken for by the group's name; unattributed where no group was named, never the word
"one" as a speaker's name (issue 12, news nobody tuned to). Sentences of our own."""

from __future__ import annotations

import pytest

from storyline.pipeline import Context
from test_quotes_issuers import speaker_of

ONE_OF_A_GROUP = [
    ('Japanese officials said they expected the yen to weaken soon.\n\n'
     '"We have already seen some signs of improvement," one said.', "Japanese officials"),
    ('Diplomats said the question was wide open.\n\n'
     '"Everything is in the melting pot," said one diplomat who declined to be named.\n\n'
     '"There is just not time to deal with these hurdles," one said.', "Diplomats"),
    ('"There is just not time to deal with these hurdles," one said.', None),  # no group: no speaker
]


@pytest.mark.parametrize(("text", "who"), ONE_OF_A_GROUP)
def test_one_is_one_of_the_group_named_before(ctx: Context, text: str, who: str | None) -> None:
    words = "hurdles" if "hurdles" in text else "signs of improvement"
    assert speaker_of(ctx, text, words) == who
