"""The recall test set of the public search: what citizens type, and what it must find.

Each query is written the way people type into a government site's search box: a word or two,
a document number copied from a letter, an agency's name, Traditional characters, stray spaces,
full-width digits. Each lists, by exact page title, the pages of the demo content that a person
reading them would say the query must find. The lists were written from the demo's texts
(``example_site/home/demo_*.py``) and not from what the search returns: a page is listed because
it is about what the query asks, never because one of its words happens to appear in it (a
document that names 县医疗保障局 among its partners is not listed for 医保), and a page that is
about it is listed even where it says so in other words (a 环境影响报告表 is what 环评 asks for).
Pages that are only loosely related are left out rather than argued over.

The demo is loaded as ``load_demo_content --documents 60`` on :data:`TODAY`: the dates (and so
the titles) of the meetings and of the annual report follow the day of loading.
"""

import datetime
from typing import NamedTuple

# The day of loading (that of tests/test_demo_content.py) and the number of policy documents.
TODAY = datetime.date(2026, 11, 21)
DEMO_DOCUMENTS = 60


class Case(NamedTuple):
    query: str
    expected: tuple[str, ...]


# Disclosure articles (demo_content.ARTICLES) ---------------------------------------------------

DISCLOSURE_PLAN_2026 = "示范县人民政府办公室关于印发《示范县2026年政务公开工作要点》的通知"
FLOOD_SEASON = "示范县人民政府办公室关于做好2026年汛期安全防范工作的通知"
KEY_PROJECTS_MEETING = "县发展和改革局召开2026年重点项目建设推进会"
AIR_QUALITY = "示范县2026年第三季度环境空气质量状况"
AUTUMN_ENROLMENT = "示范县教育局关于2026年秋季义务教育阶段学校招生工作的通告"
DRUG_SAFETY_INSPECTION = "县卫生健康局开展基层医疗机构药品使用安全专项检查"
RENOVATION_START = "示范县2026年城镇老旧小区改造项目开工公告"
COMMUNITY_DAY = "城关镇开展“政务公开进社区”主题活动"

# Policy documents (demo_documents: the first 60) -----------------------------------------------

FAMILY_DOCTOR_ASSESSMENT = "示范县卫生健康局关于印发《示范县家庭医生签约服务考核办法》的通知"
HOTLINE_ASSESSMENT = (
    "示范县人民政府办公室关于印发《示范县12345政务服务便民热线诉求办理考核办法》的通知"
)
AGENT_CONSTRUCTION_2019 = "示范县人民政府关于印发《示范县政府投资项目代建管理办法》的通知"
CLINIC_DRUGS = "示范县卫生健康局关于印发《示范县基层医疗卫生机构药品采购和使用管理办法》的通知"
INVESTMENT_PROMOTION_2019 = "示范县人民政府关于印发《示范县招商引资项目扶持实施办法》的通知"
TRAINING_PREPAYMENT = "示范县教育局关于印发《示范县校外培训机构预收费监管办法》的通知"
GRAIN_RESERVE_ROTATION = "示范县人民政府关于印发《示范县县级储备粮轮换管理细则》的通知"
KEY_PROJECTS_SERVICE = "示范县人民政府办公室关于印发《示范县县级重点项目建设包保服务办法》的通知"
SITE_DUST_2019 = "示范县住房和城乡建设局关于印发《示范县建筑工地扬尘污染防治管理办法》的通知"
EMERGENCY_MEDICAL = "示范县人民政府关于印发《示范县院前医疗急救管理办法》的通知"
SUPERVISION_RESULTS = "示范县人民政府办公室关于印发《示范县政务督查结果运用办法》的通知"
PRICE_MONITORING = "示范县发展和改革局关于印发《示范县重要民生商品价格监测工作规程》的通知"
RURAL_WASTE_ASSESSMENT = "示范县人民政府办公室关于印发《示范县农村生活垃圾治理考核办法》的通知"
CLINIC_PERFORMANCE = "示范县卫生健康局关于印发《示范县基层医疗卫生机构绩效考核实施细则》的通知"
FIREWORKS = "示范县燃放烟花爆竹管理规定"
FAMILY_DOCTOR_RULES = "示范县卫生健康局关于印发《示范县家庭医生签约服务管理办法》的通知"
INSURANCE_SAVINGS = (
    "示范县卫生健康局关于印发《示范县集中带量采购药品和医用耗材使用医保资金结余留用办法》的通知"
)
AIR_POLLUTION_2021 = "示范县生态环境局关于进一步规范大气污染防治有关事项的通知"
RURAL_SEWAGE_FACILITIES = (
    "示范县生态环境局关于印发《示范县农村生活污水治理设施运行维护管理办法》的通知"
)
GRAIN_SECURITY_2021 = "示范县人民政府关于完善粮食安全有关事项的通知"
VILLAGE_PUBLIC_WORKS = "示范县河口乡人民政府关于进一步规范村级公益事业建设有关事项的通知"
TRAINING_SUPERVISION = "示范县教育局关于印发《示范县校外培训机构监督管理办法》的通知"
DISCLOSURE_ASSESSMENT = "示范县人民政府办公室关于印发《示范县政务公开工作考核办法》的通知"
VOLUME_PROCUREMENT = (
    "示范县卫生健康局关于印发《示范县集中带量采购药品和医用耗材使用实施细则》的通知"
)
STRAW_2022 = "示范县人民政府关于印发《示范县秸秆禁烧和综合利用补助资金管理办法》的通知"
ENROLMENT_RULES = "示范县教育局关于印发《示范县义务教育学校招生入学实施办法》的通知"
INVESTMENT_OPINION = "示范县人民政府关于扎实推进政府投资管理工作的实施意见"
DISCLOSURE_PLAN_2023 = "示范县人民政府办公室关于印发《示范县2023年政务公开工作要点》的通知"
STRAW_PLAN_2023 = "示范县人民政府关于印发《示范县2023年秸秆综合利用工作要点》的通知"
INTERPRETATION_RULES = "示范县人民政府办公室关于印发《示范县政策解读和回应关切工作规程》的通知"
INTERPRETATION_NOTICE = "示范县人民政府办公室关于完善政策解读有关事项的通知"
RURAL_SEWAGE_2023 = "示范县人民政府办公室关于进一步规范农村生活污水治理有关事项的通知"
HOTLINE_OPINION = "示范县人民政府办公室关于扎实推进政务服务便民热线工作的实施意见"
FARMERS_MARKETS = "示范县城关镇人民政府关于完善农贸市场管理有关事项的通知"
WASTE_REWARDS = "示范县住房和城乡建设局关于印发《示范县农村生活垃圾治理以奖代补资金管理办法》的通知"
RURAL_HOUSING_2024 = "示范县住房和城乡建设局关于调整农村住房安全保障有关事项的通知"
SME_FUND = "示范县发展和改革局关于印发《示范县中小企业发展专项资金绩效评价办法》的通知"
NORMATIVE_RULES = "示范县人民政府关于印发《示范县行政规范性文件制定和监督管理实施细则》的通知"
GRAIN_SECURITY_2025 = "示范县人民政府办公室关于进一步规范粮食安全有关事项的通知"
INVESTMENT_2025 = "示范县人民政府关于完善政府投资管理有关事项的通知"
HOUSING_NOTICE_2025 = "示范县人民政府办公室关于做好2025年住房保障工作的通知"
HOUSING_OPINION = "示范县人民政府办公室关于加强住房保障工作的实施意见"
HOUSING_OPINION_FURTHER = "示范县人民政府办公室关于进一步加强住房保障工作的实施意见"
PROPERTY_PLAN = "示范县住房和城乡建设局关于印发《示范县物业服务三年行动方案（2025—2027年）》的通知"
OLD_COMPOUNDS_2025 = "示范县人民政府办公室关于调整城镇老旧小区改造有关事项的通知"
WASTE_REWARDS_2025 = (
    "示范县住房和城乡建设局关于印发《示范县农村生活垃圾治理以奖代补资金管理办法"
    "（2025年修订）》的通知"
)
DRUG_SUPPLY_2025 = "示范县卫生健康局关于做好2025年药品供应保障工作的通知"
SUPERVISION_OPINION = "示范县人民政府办公室关于进一步加强政务督查工作的实施意见"
STUDENT_AID_2025 = "示范县教育局关于做好2025年学生资助工作的通知"
INVESTMENT_PROMOTION_2025 = "示范县人民政府关于加强招商引资工作的实施意见"
LIVING_ENVIRONMENT = "示范县人民政府办公室关于加强农村人居环境整治工作的实施意见"
DUST_2025 = "示范县生态环境局关于完善扬尘污染治理有关事项的通知"
TRAINING_2026 = "示范县教育局关于完善校外培训治理有关事项的通知"
STUDENT_AID_PLAN_2026 = "示范县教育局关于印发《示范县2026年学生资助工作要点》的通知"
STRAW_2026 = (
    "示范县人民政府关于印发《示范县秸秆禁烧和综合利用补助资金管理办法（2026年修订）》的通知"
)
STUDENT_AID_2026 = "示范县教育局关于做好2026年学生资助工作的通知"
LAW_ENFORCEMENT_DISCLOSURE = "示范县人民政府办公室关于进一步加强行政执法公示工作的实施意见"
AGENT_CONSTRUCTION_2026 = "示范县发展和改革局关于印发《示范县政府投资项目代建管理办法》的通知"
EMERGENCY_MANAGEMENT = "示范县人民政府办公室关于加强应急管理工作的实施意见"
NORMATIVE_NOTICE = "示范县人民政府办公室关于明确行政规范性文件管理有关事项的通知"

HEALTH_BUREAU_DOCUMENTS = (
    FAMILY_DOCTOR_ASSESSMENT,
    CLINIC_DRUGS,
    CLINIC_PERFORMANCE,
    FAMILY_DOCTOR_RULES,
    INSURANCE_SAVINGS,
    VOLUME_PROCUREMENT,
    DRUG_SUPPLY_2025,
)
EDUCATION_BUREAU_DOCUMENTS = (
    TRAINING_PREPAYMENT,
    TRAINING_SUPERVISION,
    ENROLMENT_RULES,
    STUDENT_AID_2025,
    TRAINING_2026,
    STUDENT_AID_PLAN_2026,
    STUDENT_AID_2026,
)

# Policy interpretations (of the documents above that have one) ---------------------------------

RURAL_WASTE_GRAPHIC = "图解：《示范县农村生活垃圾治理考核办法》"
FIREWORKS_QA = "《示范县燃放烟花爆竹管理规定》政策问答"
FAMILY_DOCTOR_GRAPHIC = "图解：《示范县家庭医生签约服务管理办法》"
STRAW_QA = "《示范县秸秆禁烧和综合利用补助资金管理办法（2026年修订）》政策问答"
LAW_ENFORCEMENT_TEXT = "《示范县人民政府办公室关于进一步加强行政执法公示工作的实施意见》政策解读"
AGENT_CONSTRUCTION_TEXT = "《示范县政府投资项目代建管理办法》政策解读"
EMERGENCY_QA = "《示范县人民政府办公室关于加强应急管理工作的实施意见》政策问答"
NORMATIVE_GRAPHIC = "图解：《示范县人民政府办公室关于明确行政规范性文件管理有关事项的通知》"

GRAPHICS = (RURAL_WASTE_GRAPHIC, FAMILY_DOCTOR_GRAPHIC, NORMATIVE_GRAPHIC)
QUESTIONS_AND_ANSWERS = (FIREWORKS_QA, STRAW_QA, EMERGENCY_QA)
INTERPRETATIONS = (
    *GRAPHICS,
    *QUESTIONS_AND_ANSWERS,
    LAW_ENFORCEMENT_TEXT,
    AGENT_CONSTRUCTION_TEXT,
)

# Major construction projects (demo_projects.PROJECTS) ------------------------------------------

CULTURAL_CENTRE = "示范县文化中心（图书馆、文化馆、博物馆）建设项目"
WATER_PLANT = "示范县第二水厂及配套管网工程"
BRIDGE = "滨河东路柳林河大桥拆除重建工程"
WORKSHOPS = "示范县经济开发区标准化厂房（一期）项目"
FITNESS_CENTRE = "示范县全民健身中心建设项目"
RENOVATION_PROJECT = "示范县2026年城镇老旧小区改造项目"
MIDDLE_SCHOOL = "示范县城北中学新建项目"
HOSPITAL = "示范县人民医院门急诊综合楼建设项目"
RENTAL_HOUSING = "滨河花园保障性租赁住房项目"
RENMIN_ROAD = "人民路（建设路—滨河东路）改造提升工程"
RIVERSIDE_PARK = "滨河公园（二期）建设工程"
RURAL_ROADS = "河口乡农村公路提档升级工程"

# Meetings with public representatives (demo_participation.meetings(TODAY)) ---------------------

ELEVATORS_MEETING = "县政府2025年第20次常务会议公众代表列席及意见采纳情况"
AFTER_SCHOOL_MEETING = "县政府2025年第26次常务会议公众代表列席及意见采纳情况"
ELDERLY_MEALS_MEETING = "县政府2026年第4次常务会议公众代表列席及意见采纳情况"
TRAFFIC_MEETING = "县政府2026年第12次常务会议公众代表列席及意见采纳情况"
COMMERCE_MEETING = "县政府2026年第20次常务会议公众代表列席及意见采纳情况"
MEETINGS = (
    ELEVATORS_MEETING,
    AFTER_SCHOOL_MEETING,
    ELDERLY_MEALS_MEETING,
    TRAFFIC_MEETING,
    COMMERCE_MEETING,
)

# Comment solicitations (demo_participation.SOLICITATIONS) --------------------------------------

DOG_RULES = "关于《示范县养犬管理规定（征求意见稿）》公开征求意见的公告"
GAS_PIPES = "关于《示范县城区燃气管道老化更新改造实施方案（征求意见稿）》公开征求意见的公告"
WASTE_SORTING = "关于《示范县农村生活垃圾分类管理办法（征求意见稿）》公开征求意见的预告"
PARK_RULES = "关于《示范县城市公园管理办法（征求意见稿）》公开征求意见的公告"
HOME_CARE = "关于《示范县居家养老服务补贴实施办法（征求意见稿）》公开征求意见的公告"
SOLICITATIONS = (DOG_RULES, GAS_PIPES, WASTE_SORTING, PARK_RULES, HOME_CARE)

# The annual report (demo_reports: the county's report for the year before TODAY) -------------

ANNUAL_REPORT = "示范县人民政府2025年政府信息公开工作年度报告"

# The queries -----------------------------------------------------------------------------------

QUERIES = [
    # Document numbers and codes, as copied from a letter or a notice board.
    Case("示教发〔2022〕5号", (ENROLMENT_RULES,)),
    Case("示政办发〔２０２６〕４３号", (EMERGENCY_MANAGEMENT,)),  # full-width digits
    Case("示建发〔2024〕1号", (RURAL_HOUSING_2024,)),  # repealed, still disclosed
    Case("示政令〔2020〕1号", (FIREWORKS,)),
    Case("城政发〔2023〕2号", (FARMERS_MARKETS,)),
    Case("示政发 2025 5号", (NORMATIVE_RULES,)),  # typed without the brackets
    Case("2501-379901-04-02-173058", (RURAL_ROADS,)),  # the project code
    # The penalty decision in the hospital project's quality and safety records.
    Case("示建罚字〔2026〕第18号", (HOSPITAL,)),
    # Elderly care, health insurance, medicine.
    Case("养老", (HOME_CARE, COMMUNITY_DAY)),  # the article explains 居家养老服务补贴
    Case("居家养老服务补贴", (HOME_CARE,)),
    # Documents about the insurance fund, not those naming 县医疗保障局 as a partner.
    Case("医保", (INSURANCE_SAVINGS, VOLUME_PROCUREMENT)),
    Case("醫療保障", (INSURANCE_SAVINGS, VOLUME_PROCUREMENT)),
    Case("家庭医生   签约", (FAMILY_DOCTOR_ASSESSMENT, FAMILY_DOCTOR_RULES, FAMILY_DOCTOR_GRAPHIC)),
    Case("院前急救", (EMERGENCY_MEDICAL,)),
    Case(
        "药品",
        (
            CLINIC_DRUGS,
            DRUG_SAFETY_INSPECTION,
            VOLUME_PROCUREMENT,
            INSURANCE_SAVINGS,
            DRUG_SUPPLY_2025,
        ),
    ),
    Case("带量采购", (VOLUME_PROCUREMENT, INSURANCE_SAVINGS)),
    Case("药品使用安全检查", (DRUG_SAFETY_INSPECTION,)),
    Case("县人民医院", (HOSPITAL, ELDERLY_MEALS_MEETING)),  # a meeting topic: 门诊楼改造
    Case("医共体", (ELDERLY_MEALS_MEETING,)),  # 县域医疗共同体, as the representatives call it
    # Schools.
    Case("学校", (AUTUMN_ENROLMENT, ENROLMENT_RULES, MIDDLE_SCHOOL)),
    Case("义务教育 入学", (AUTUMN_ENROLMENT, ENROLMENT_RULES)),
    Case("秋季招生", (AUTUMN_ENROLMENT,)),
    Case("城北中学", (MIDDLE_SCHOOL,)),
    Case("学生资助", (STUDENT_AID_2025, STUDENT_AID_PLAN_2026, STUDENT_AID_2026)),
    Case("幼儿园 资助", (STUDENT_AID_2025, STUDENT_AID_PLAN_2026, STUDENT_AID_2026)),
    Case("校外培训", (TRAINING_PREPAYMENT, TRAINING_SUPERVISION, TRAINING_2026)),
    Case("课后服务", (AFTER_SCHOOL_MEETING,)),
    # Land, demolition and the life of construction projects (their lifecycle records).
    Case("征收", (FITNESS_CENTRE, MIDDLE_SCHOOL, RENTAL_HOUSING)),
    Case("征地补偿", (FITNESS_CENTRE, MIDDLE_SCHOOL, RENTAL_HOUSING)),
    # The school's compensation plan says there is none; 14 houses are resettled for the flats.
    Case("拆迁", (MIDDLE_SCHOOL, RENTAL_HOUSING)),
    # The water plant's 环境影响报告表 and its approval; the article on solving 环评 problems.
    Case("环评", (WATER_PLANT, KEY_PROJECTS_MEETING)),
    Case("招标", (BRIDGE, WORKSHOPS, RENOVATION_PROJECT, MIDDLE_SCHOOL, RENTAL_HOUSING)),
    Case(
        "中标结果",
        (
            WORKSHOPS,
            FITNESS_CENTRE,
            RENOVATION_PROJECT,
            MIDDLE_SCHOOL,
            HOSPITAL,
            RENTAL_HOUSING,
            RENMIN_ROAD,
            RIVERSIDE_PARK,
            RURAL_ROADS,
        ),
    ),
    Case("中标候选人公示", (BRIDGE,)),
    Case("行政执法公示", (LAW_ENFORCEMENT_DISCLOSURE, LAW_ENFORCEMENT_TEXT)),
    Case("行政处罚", (HOSPITAL, LAW_ENFORCEMENT_DISCLOSURE, LAW_ENFORCEMENT_TEXT)),
    # Roads and other projects.
    Case("道路", (RENMIN_ROAD, RURAL_ROADS, TRAFFIC_MEETING)),
    Case("农村 道路", (RURAL_ROADS,)),
    Case("農村公路", (RURAL_ROADS,)),
    Case("人民路改造", (RENMIN_ROAD,)),
    Case("柳林河大桥", (BRIDGE,)),
    Case("图书馆 博物馆", (CULTURAL_CENTRE,)),
    Case("游泳馆", (FITNESS_CENTRE,)),
    Case("第二水厂", (WATER_PLANT,)),
    Case("标准化厂房", (WORKSHOPS,)),
    Case("电动自行车 充电", (TRAFFIC_MEETING,)),
    Case("停车收费", (AFTER_SCHOOL_MEETING,)),  # a meeting topic
    Case("农村供水", (COMMERCE_MEETING,)),
    # Housing.
    Case(
        "住房保障", (HOUSING_NOTICE_2025, HOUSING_OPINION, HOUSING_OPINION_FURTHER, RENTAL_HOUSING)
    ),
    Case("公共租赁住房", (HOUSING_NOTICE_2025, HOUSING_OPINION, HOUSING_OPINION_FURTHER)),
    Case("保障性租赁住房", (RENTAL_HOUSING,)),
    Case("老旧小区改造", (RENOVATION_START, OLD_COMPOUNDS_2025, RENOVATION_PROJECT)),
    Case("物业服务", (PROPERTY_PLAN,)),
    Case("加装电梯", (ELEVATORS_MEETING,)),
    Case("燃气管道改造", (GAS_PIPES,)),
    # Environment, safety and the county's order.
    Case("  防汛  ", (FLOOD_SEASON,)),
    Case("汛期 安全", (FLOOD_SEASON,)),
    Case("应急预案", (EMERGENCY_MANAGEMENT, EMERGENCY_QA)),
    Case("環境空氣質量", (AIR_QUALITY,)),
    Case("ＰＭ２．５", (AIR_QUALITY,)),
    Case("重污染天气", (AIR_POLLUTION_2021, SITE_DUST_2019, DUST_2025)),
    Case("扬尘", (SITE_DUST_2019, DUST_2025)),
    Case("秸秆禁烧", (STRAW_2022, STRAW_2026, STRAW_QA, STRAW_PLAN_2023)),
    Case("燃放煙花爆竹", (FIREWORKS, FIREWORKS_QA)),
    Case(
        "农村生活垃圾",
        (
            RURAL_WASTE_ASSESSMENT,
            RURAL_WASTE_GRAPHIC,
            WASTE_REWARDS,
            WASTE_REWARDS_2025,
            LIVING_ENVIRONMENT,
            WASTE_SORTING,
        ),
    ),
    Case("垃圾 分类", (WASTE_SORTING,)),
    Case(
        "人居环境",
        (
            LIVING_ENVIRONMENT,
            WASTE_SORTING,
            RURAL_WASTE_ASSESSMENT,
            RURAL_WASTE_GRAPHIC,
            WASTE_REWARDS,
            WASTE_REWARDS_2025,
        ),
    ),
    Case("農村生活污水", (RURAL_SEWAGE_FACILITIES, RURAL_SEWAGE_2023)),
    Case("养犬", (DOG_RULES,)),
    Case("公园", (PARK_RULES, RIVERSIDE_PARK)),
    Case("农贸市场", (FARMERS_MARKETS, ELEVATORS_MEETING)),
    Case("老年助餐", (ELDERLY_MEALS_MEETING,)),
    # The economy.
    Case(
        "政府投资项目",
        (
            AGENT_CONSTRUCTION_2019,
            AGENT_CONSTRUCTION_2026,
            AGENT_CONSTRUCTION_TEXT,
            INVESTMENT_OPINION,
            INVESTMENT_2025,
        ),
    ),
    Case("招商引资", (INVESTMENT_PROMOTION_2019, INVESTMENT_PROMOTION_2025)),
    Case("储备粮", (GRAIN_RESERVE_ROTATION, GRAIN_SECURITY_2021, GRAIN_SECURITY_2025)),
    Case("价格监测", (PRICE_MONITORING,)),
    Case("中小企业", (SME_FUND, WORKSHOPS)),  # the workshops are let to small firms
    Case("重点项目", (KEY_PROJECTS_MEETING, KEY_PROJECTS_SERVICE)),
    Case("一事一议", (VILLAGE_PUBLIC_WORKS,)),
    # Agencies and places: what the agency published, or what happens there.
    Case(
        "县教育局",
        (*EDUCATION_BUREAU_DOCUMENTS, AUTUMN_ENROLMENT, MIDDLE_SCHOOL),
    ),
    Case(
        "衛生健康局",
        (*HEALTH_BUREAU_DOCUMENTS, DRUG_SAFETY_INSPECTION, HOME_CARE, HOSPITAL),
    ),
    Case(
        "生态环境局",
        (
            AIR_POLLUTION_2021,
            RURAL_SEWAGE_FACILITIES,
            DUST_2025,
            RURAL_SEWAGE_2023,  # the bureau leads the work it regulates
            AIR_QUALITY,
            WASTE_SORTING,
        ),
    ),
    Case("河口乡", (VILLAGE_PUBLIC_WORKS, RURAL_ROADS, WATER_PLANT)),
    # Government at work: openness, supervision, rules.
    Case(
        "政务公开",
        (
            DISCLOSURE_PLAN_2026,
            COMMUNITY_DAY,
            DISCLOSURE_ASSESSMENT,
            DISCLOSURE_PLAN_2023,
            ANNUAL_REPORT,
        ),
    ),
    Case("2026年政务公开工作要点", (DISCLOSURE_PLAN_2026,)),
    Case("１２３４５热线", (HOTLINE_ASSESSMENT, HOTLINE_OPINION)),
    Case("政务督查", (SUPERVISION_RESULTS, SUPERVISION_OPINION)),
    Case("行政规范性文件", (NORMATIVE_RULES, NORMATIVE_NOTICE, NORMATIVE_GRAPHIC)),
    # What the portal calls its sections: the interpretations and the solicitations.
    Case("政策解读", (*INTERPRETATIONS, INTERPRETATION_RULES, INTERPRETATION_NOTICE)),
    Case("图解", GRAPHICS),
    Case("秸秆 政策问答", (STRAW_QA,)),
    Case("代建管理办法 解读", (AGENT_CONSTRUCTION_TEXT,)),
    Case("意见征集", SOLICITATIONS),
    Case("征求意见稿", SOLICITATIONS),
    Case("公众代表列席", MEETINGS),
    # The annual report.
    Case("政府信息公开年度报告", (ANNUAL_REPORT,)),
    Case("依申请公开", (ANNUAL_REPORT,)),
    Case("行政复议", (ANNUAL_REPORT,)),  # its section 四, on reviews and lawsuits
    Case("建议提案办理", (ANNUAL_REPORT,)),
]
