"""The pipeline on sentences written for these tests: every entity type
and every relation type comes out of it."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit.helpers import make_doc, names, relations


def test_stage_names_are_listed(pipeline):
    assert pipeline.stage_names[:2] == ["recognise_places", "find_focal_place"]
    assert "relations" in pipeline.stage_names


def test_titles_become_posts_in_the_right_bodies(pipeline):
    doc = pipeline(make_doc("3月2日，宁乡市委书记、市长杜明远主持召开“清风护航”行动推进会。"))
    assert "杜明远" in names(doc, "Person")
    assert {"宁乡市委", "宁乡市人民政府"} <= names(doc, "GovBody")
    posts = {(r.title, next(e.name for e in doc.entities if e.id == r.tail))
             for r in doc.relations if r.type.value == "HOLDS_POST"}
    assert posts == {("市委书记", "宁乡市委"), ("市长", "宁乡市人民政府")}


def test_department_abbreviation_resolves_to_the_focal_place(pipeline):
    doc = pipeline(make_doc("桃江县召开项目建设会议。", "县发改局启动“十五五”规划编制工作。"))
    assert "桃江县发展和改革局" in names(doc, "GovBody")
    rels = relations(doc)
    assert ("LEADS", "桃江县发展和改革局", "“十五五”规划编制") in rels
    assert ("LOCATED_IN", "桃江县发展和改革局", "桃江县") in rels


def test_towns_are_part_of_their_county_by_division_code(pipeline):
    doc = pipeline(make_doc("宁乡市灰汤镇和宁乡市金洲镇联合开展“美丽庭院”创建行动。"))
    assert {"宁乡市", "灰汤镇", "金洲镇"} <= names(doc, "Place")
    assert ("PART_OF", "灰汤镇", "宁乡市") in relations(doc)


def test_companies_projects_operate_and_cooperate(pipeline):
    doc = pipeline(make_doc("宁乡市举行项目集中开工仪式。", "由湖南康源食品有限公司投资的年产5万吨米粉生产线项目开工。"))
    assert "湖南康源食品有限公司" in names(doc, "Company")
    assert "年产5万吨米粉生产线项目" in names(doc, "Project")
    rels = relations(doc)
    assert ("OPERATES", "湖南康源食品有限公司", "年产5万吨米粉生产线项目") in rels
    assert ("COOPERATES_WITH", "湖南康源食品有限公司", "宁乡市") in rels
    assert ("LEADS", "宁乡市", "宁乡市举行项目集中开工仪式") in rels or \
        any(r[0] == "LEADS" and r[1] == "宁乡市" for r in rels)


def test_participants_of_an_event(pipeline):
    doc = pipeline(make_doc("桃江县召开“三比三赛”活动推进大会。县领导吴海、郑丽出席“三比三赛”活动推进大会。"))
    assert {"吴海", "郑丽"} <= names(doc, "Person")
    assert {r[0] for r in relations(doc) if r[1] in ("吴海", "郑丽")} == {"PARTICIPATES_IN"}


def test_organizations_by_head_noun(pipeline):
    doc = pipeline(make_doc("桃江县人民医院与湘北职业技术学院签署合作协议。"))
    assert {"桃江县人民医院", "湘北职业技术学院"} <= names(doc, "Organization")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("县委书记市长镇村局项目“”，。、公司有限大会湖南宁乡李王张开展启动的了 \n")), max_size=200))
def test_arbitrary_text_never_raises(pipeline, text):
    doc = pipeline(make_doc(text or "空"))
    ids = {e.id for e in doc.entities}
    assert all(r.head in ids and r.tail in ids for r in doc.relations)
