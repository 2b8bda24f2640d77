"""Name edges of projects, events, companies and initiatives, on sentences
written for these tests."""

from tests.unit.helpers import make_doc, names


def test_action_verbs_end_a_project_name(pipeline):
    doc = pipeline(make_doc("桃江县要狠抓项目建设，盯紧项目进度，力争年度项目早开工。"))
    assert not names(doc, "Project")


def test_a_quoted_part_is_taken_whole(pipeline):
    doc = pipeline(make_doc("3月1日，桃江县召开“奋勇争先为民有为再创佳绩”推进大会。"))
    assert "奋勇争先为民有为再创佳绩推进大会" in names(doc, "Event")


def test_investment_group_names_keep_their_verbs(pipeline):
    doc = pipeline(make_doc("由湖南湘江城市建设投资集团有限公司投资的桃花江码头项目开工。"))
    assert "湖南湘江城市建设投资集团有限公司" in names(doc, "Company")


def test_a_company_at_the_front_starts_the_project_name(pipeline):
    doc = pipeline(make_doc("宁乡市金洲工业园青禾机械有限公司农机项目开工建设。"))
    assert "青禾机械有限公司农机项目" in names(doc, "Project")
    assert "青禾机械有限公司" in names(doc, "Company")


def test_an_honour_is_not_a_project(pipeline):
    doc = pipeline(make_doc("宁乡经开区获评首批省级绿色制造示范园区。"))
    assert not any("示范园区" in n for n in names(doc, "Project"))


def test_quoted_items_sharing_a_head_are_separate_projects(pipeline):
    doc = pipeline(make_doc("灰汤镇全力打造“稻香”“荷韵”两大片区。"))
    assert {"“稻香”片区", "“荷韵”片区"} <= names(doc, "Project")


def test_first_coordinated_zone_starts_after_the_verb(pipeline):
    doc = pipeline(make_doc("全面加快青山坝、白石工业园区建设。"))
    assert "青山坝工业园区" in names(doc, "Project")
    assert not any(n.startswith(("全面", "面加快", "加快")) for n in names(doc, "Project"))


def test_a_count_is_not_part_of_a_meeting_name_and_a_bare_head_refers_to_it(pipeline):
    doc = pipeline(make_doc("宁乡市举行二季度15个重大产业项目集中开工仪式。市领导赵明远、钱敏出席开工仪式。"))
    assert names(doc, "Event") == {"二季度重大产业项目集中开工仪式"}


def test_a_level_character_coordinated_with_a_city_shares_its_meeting(pipeline):
    doc = pipeline(make_doc("岳阳市全面落实省、岳阳市农村工作会议部署。"))
    assert {"湖南省农村工作会议", "岳阳市农村工作会议"} <= names(doc, "Event")


def test_a_strategy_named_after_a_capital_is_not_a_meeting(pipeline):
    doc = pipeline(make_doc("长沙县大力实施“活力省会”战略。"))
    assert "“活力省会”战略" in names(doc, "Initiative")
    assert not names(doc, "Event")


def test_an_abbreviated_meeting_in_the_headline_is_the_same_meeting(pipeline):
    doc = pipeline(make_doc("4月2日，参加岳阳市三季度产业项目观摩会的代表来到平江县。",
                            title="岳市三季度产业项目观摩会代表赴平江观摩"))
    assert names(doc, "Event") == {"岳阳市三季度产业项目观摩会"}
