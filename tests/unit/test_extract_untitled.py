"""Persons named without a title, and countries outside the division list."""

from tests.unit.helpers import make_doc, names


def test_a_tagged_name_after_punctuation_is_a_person(pipeline):
    doc = pipeline(make_doc("会议由王建国主持，李娜、陈刚等同志发言。"))
    assert {"王建国", "李娜"} <= names(doc, "Person")


def test_a_tagged_name_inside_quotes_or_a_longer_name_is_not(pipeline):
    doc = pipeline(make_doc("打造“王建国”品牌，湖南李娜食品有限公司参加。"))
    assert not {"王建国", "李娜"} & names(doc, "Person")


def test_countries_standing_alone_are_places(pipeline):
    doc = pipeline(make_doc("代表团赴德国、日本考察，美国人和日本籍专家参加。"))
    assert {"德国", "日本"} <= names(doc, "Place")
    doc = pipeline(make_doc("美国籍专家和德国人参加。"))
    assert not {"美国", "德国"} & names(doc, "Place")
