"""Normalisation keeps offsets meaningful; sentences split at final marks."""

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.text import normalise, split_sentences


def test_ascii_punctuation_between_chinese_becomes_full_width():
    assert normalise("县委书记,县长:李明(代)") == "县委书记，县长：李明（代）"
    assert normalise("增长1,000.5元 17:30") == "增长1,000.5元 17:30"


def test_full_width_digits_become_ascii():
    assert normalise("２０２６年") == "2026年"


def test_sentences_keep_closing_quotes_and_offsets():
    text = "他说：“要抓落实。”随后散会！\n第二行"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["他说：“要抓落实。”", "随后散会！", "第二行"]
    assert all(text[s.start:s.end] == s.text for s in sentences)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_normalises_and_splits_without_error(raw):
    text = normalise(raw)
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text
