"""Who leads and who takes part: speakers, reports read at a congress,
attendants, groundbreakings, plan owners; and where things are. Sentences
written for these tests."""

from tests.unit.helpers import make_doc, names, relations


def test_a_speaker_leads_what_the_rest_of_the_paragraph_sets_up(pipeline):
    doc = pipeline(make_doc("桃江县召开经济工作会议。",
                            "赵明远强调，新阶段要有新作为。建立“清单+闭环”工作机制，推动项目落地见效。"))
    assert ("LEADS", "赵明远", "“清单+闭环”工作机制") in relations(doc)


def test_we_in_a_report_is_the_reporting_body_not_the_leading_party(pipeline):
    doc = pipeline(make_doc("我代表桃江县人民政府，向大会作报告。",
                            "一年来，我们在县委的正确领导下，深入实施“强县富民”战略。"))
    rels = relations(doc)
    assert ("LEADS", "桃江县人民政府", "“强县富民”战略") in rels
    assert not any(r[0] == "LEADS" and r[1] == "桃江县委" for r in rels)


def test_the_author_and_the_body_of_a_report_take_part_in_the_congress(pipeline):
    doc = pipeline(make_doc("——在桃江县第十九届人民代表大会第二次会议上", "县长 周立新",
                            "各位代表：", "现在，我代表县人民政府，向大会作报告，请予审议。", title="政府工作报告"))
    event = "桃江县第十九届人民代表大会第二次会议"
    assert event in names(doc, "Event")
    rels = relations(doc)
    assert ("PARTICIPATES_IN", "周立新", event) in rels
    assert ("PARTICIPATES_IN", "桃江县人民政府", event) in rels


def test_attendants_take_part_in_the_activity_just_described(pipeline):
    doc = pipeline(make_doc("2月3日，桃江县开展“访企业、解难题”调研活动。",
                            "县委书记周立新带领县商务局、县工业和信息化局负责人深入企业。县领导孙海、钱敏参加调研。"))
    activity = "“访企业、解难题”调研活动"
    rels = relations(doc)
    assert ("PARTICIPATES_IN", "孙海", activity) in rels
    assert ("PARTICIPATES_IN", "钱敏", activity) in rels
    assert ("PARTICIPATES_IN", "桃江县商务局", activity) in rels


def test_led_by_a_guide_is_not_bringing_anyone_along(pipeline):
    doc = pipeline(make_doc("桃江县“桃江山水行”活动启动。", "游客在讲解员带领下参观湖南青禾食品有限公司。"))
    assert not any(r[0] == "PARTICIPATES_IN" for r in relations(doc))


def test_the_accompanied_official_leads_and_the_companions_take_part(pipeline):
    doc = pipeline(make_doc("4月2日，参加岳阳市重点项目观摩会的代表来到平江县。",
                            "岳阳市委书记刘海涛，岳阳市领导孙海、钱敏陪同观摩。"))
    event = "岳阳市重点项目观摩会"
    rels = relations(doc)
    assert ("LEADS", "刘海涛", event) in rels
    assert ("PARTICIPATES_IN", "孙海", event) in rels
    assert ("PARTICIPATES_IN", "刘海涛", event) not in rels


def test_announcing_a_groundbreaking_leads_the_ceremony_and_each_project(pipeline):
    doc = pipeline(make_doc("桃江县举行重大项目集中开工仪式。",
                            "县委书记周立新宣布集中开工。",
                            "开工项目如下：",
                            "由湖南青禾食品有限公司投资的年产3万吨米粉项目、",
                            "由湖南绿源新材料有限公司投资的年产5万吨石材项目。"))
    rels = relations(doc)
    assert ("LEADS", "周立新", "年产3万吨米粉项目") in rels
    assert ("LEADS", "周立新", "年产5万吨石材项目") in rels
    assert ("LEADS", "周立新", "重大项目集中开工仪式") in rels
    assert ("OPERATES", "湖南青禾食品有限公司", "年产3万吨米粉项目") in rels


def test_the_body_whose_plan_it_is_leads_it(pipeline):
    doc = pipeline(make_doc("桃江县召开全县经济工作会议。", "会议强调，要大力实施县委“五个桃江”发展思路。"))
    assert ("LEADS", "桃江县委", "“五个桃江”发展思路") in relations(doc)


def test_a_local_company_is_in_the_county_an_investor_is_not(pipeline):
    doc = pipeline(make_doc("桃江县县委书记周立新深入湖南青禾科技有限公司调研。",
                            "深圳绿源集团与桃江县签约投资建设光伏电站。"))
    rels = relations(doc)
    assert ("LOCATED_IN", "湖南青禾科技有限公司", "桃江县") in rels
    assert ("COOPERATES_WITH", "深圳绿源集团", "桃江县") in rels
    assert ("LOCATED_IN", "深圳绿源集团", "桃江县") not in rels


def test_a_national_party_congress_is_not_located_in_the_county(pipeline):
    doc = pipeline(make_doc("桃江县组织收看党的十九大开幕会。"))
    assert "党的十九大" in names(doc, "Event")
    assert not any(r[0] == "LOCATED_IN" and r[1] == "党的十九大" for r in relations(doc))


def test_a_zone_named_after_a_town_is_located_in_the_town(pipeline):
    doc = pipeline(make_doc("宁乡市灰汤镇加快建设灰汤华天产业园。"))
    assert ("LOCATED_IN", "灰汤华天产业园", "灰汤镇") in relations(doc)


def test_service_centres_are_not_departments_of_the_government(pipeline):
    doc = pipeline(make_doc("桃江县人民政府召开常务会议，桃江县商务局、桃江县政务服务中心负责人参加。"))
    rels = relations(doc)
    assert ("PART_OF", "桃江县商务局", "桃江县人民政府") in rels
    assert ("PART_OF", "桃江县政务服务中心", "桃江县人民政府") not in rels


def test_who_presides_over_the_meeting_just_named_leads_it(pipeline):
    from tests.unit.helpers import make_doc, relations

    doc = pipeline(make_doc("桃江县召开“清风行动”推进会。县委书记赵明远主持会议并讲话。"))
    leads = {(h, t) for r, h, t in relations(doc) if r == "LEADS"}
    assert ("赵明远", "“清风行动”推进会") in leads or any(h == "赵明远" and "推进会" in t for h, t in leads)
