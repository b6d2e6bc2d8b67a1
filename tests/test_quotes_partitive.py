"""A quotation said by "one" ("... ," one said) after a group has spoken: one member of that
group, spoken for by the group's name; unattributed where no group was named, never the word
"one" as a speaker's name (issue 12, news nobody tuned to). Sentences of our own."""

from __future__ import annotations

from storyline.pipeline import Context
from test_quotes_issuers import speaker_of


def test_one_after_officials_is_one_of_the_officials(ctx: Context) -> None:
    text = ('Japanese officials said they expected the yen to weaken soon.\n\n'
            '"We have already seen some signs of improvement," one said.')
    assert speaker_of(ctx, text, "signs of improvement") == "Japanese officials"


def test_said_one_after_a_group_and_one_of_it_is_the_group(ctx: Context) -> None:
    text = ('Diplomats said the question was wide open.\n\n'
            '"Everything is in the melting pot," said one diplomat who declined to be named.\n\n'
            '"There is just not time to deal with these hurdles," said one.')
    assert speaker_of(ctx, text, "hurdles") == "Diplomats"


def test_one_with_no_group_before_it_is_no_speakers_name(ctx: Context) -> None:
    assert speaker_of(ctx, '"There is just not time to deal with these hurdles," one said.', "hurdles") is None
