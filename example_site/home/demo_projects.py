"""The major construction projects (重大建设项目) of the demo: twelve made-up projects of 示范县.

Each project is at a different point of its life, from a cultural centre whose proposal has just
been received to three projects that are completed, and each has the lifecycle records of the
stages it has passed, in the eight categories of ``gov_disclosure.projects.lifecycle``. Every
record carries its disclosure date. Most were disclosed well within the time limit (20 working
days, 7 for licensing and penalty decisions), but three were disclosed late and one project has
passed a stage without disclosing anything (:data:`LATE_RECORDS`, :data:`MISSING_STAGE`), so
that the admin's timeliness and completeness reports have something to show.

Every name, code, number, company and event here is invented for the demo; 示州市 is the
fictional prefecture of the county.
"""

import datetime
import io
from decimal import Decimal

from .demo_content import p
from .demo_documents import add_workdays

# The lifecycle categories (``gov_disclosure.projects.lifecycle.Stage``).
SERVICES = "approval_services"
RESULTS = "approval_results"
TENDERING = "tendering"
LAND = "land_expropriation"
DESIGN = "design_changes"
CONSTRUCTION = "construction"
QUALITY = "quality_safety"
COMPLETION = "completion"
STAGES = (SERVICES, RESULTS, TENDERING, LAND, DESIGN, CONSTRUCTION, QUALITY, COMPLETION)

LICENSING = "licensing"
PENALTY = "penalty"

INDEX = {
    "slug": "zdxm",
    "title": "重大建设项目",
    "intro": (
        "<p>本栏目依据重大建设项目批准和实施领域政府信息公开的有关规定，集中公开本县重大建设"
        "项目从审批服务、批准结果、招标投标、征收土地、重大设计变更、施工建设、质量安全监督到"
        "竣工验收各阶段的信息。</p>"
        "<p>项目信息自形成或者变更之日起20个工作日内公开，行政许可和行政处罚决定自作出之日起"
        "7个工作日内公开。对项目信息有疑问的，可以向项目责任单位咨询。</p>"
    ),
}

# Offices and companies that appear in many records.
DRC = "示范县发展和改革局"
NATURAL_RESOURCES = "示范县自然资源局"
ECOLOGY = "示范县生态环境局"
HOUSING = "示范县住房和城乡建设局"
COUNTY_GOVERNMENT = "示范县人民政府"
SAFETY_CENTRE = "示范县建设工程质量安全服务中心"
SUPERVISOR_ANTAI = "示州安泰工程监理有限公司"
SUPERVISOR_ZHENGHENG = "示州正衡工程咨询有限公司"
FEASIBILITY = "政府投资项目可行性研究报告审批"
PROPOSAL = "政府投资项目建议书审批"
SITE_SELECTION = "建设项目用地预审与选址意见书核发"
BUILDING_PERMIT = "准予核发建筑工程施工许可证"

D = Decimal


def record(stage, event_date, title, content, *, after=None, disclosed=None, decision="", **fields):
    """One lifecycle record, disclosed ``after`` working days after the event or on ``disclosed``.

    Approval results are licensing decisions; they and penalty decisions are disclosed sooner.
    """
    if stage == RESULTS and not decision:
        decision = LICENSING
    if disclosed is None:
        disclosed = add_workdays(event_date, after or (2 if decision else 5))
    return {
        "stage": stage,
        "event_date": event_date,
        "title": title,
        "content": content,
        "decision_type": decision,
        "disclosure_date": disclosed,
        **fields,
    }


def d(year, month, day):
    return datetime.date(year, month, day)


# Disclosed late on purpose: (project slug, record title).
LATE_RECORDS = [
    ("binhe-bridge-rebuild", "关于滨河东路柳林河大桥拆除重建工程可行性研究报告的批复"),
    ("binhe-garden-rental-housing", "滨河花园保障性租赁住房项目施工总承包中标结果公示"),
    ("renmin-road-upgrade", "人民路（建设路—滨河东路）改造提升工程竣工验收备案及决算情况"),
]
# Passed without any record on purpose: (project slug, stage).
MISSING_STAGE = ("old-residential-renovation-2026", SERVICES)

# Photos: generated pictures (see :func:`picture`), keyed by the title of their image.
IMAGES = {
    "chengbei-school-site": {
        "title": "城北中学新建项目施工现场（示意图）",
        "filename": "chengbei-school-site.png",
        "scene": "construction",
    },
    "renmin-road-finished": {
        "title": "改造完成后的人民路（示意图）",
        "filename": "renmin-road-finished.png",
        "scene": "road",
    },
}

PROJECTS = [
    # 1. Approval services under way: the proposal has just been received.
    {
        "slug": "county-cultural-centre",
        "title": "示范县文化中心（图书馆、文化馆、博物馆）建设项目",
        "project_code": "2609-379901-04-01-930164",
        "project_type": "文化设施",
        "plan_year": 2027,
        "district": "城关镇",
        "address": "城关镇文昌路以西、南环路以北",
        "latitude": D("35.901930"),
        "longitude": D("117.399610"),
        "owner_unit": "示范县文化旅游投资有限公司",
        "total_investment": D("26500"),
        "planned_start": d(2027, 6, 1),
        "planned_completion": d(2029, 12, 31),
        "current_stage": SERVICES,
        "not_applicable_stages": [],
        "agency": "development",
        "category": ("城乡建设、环境保护", "城乡建设（含住房）"),
        "summary": p(
            "项目拟集中建设县图书馆新馆、文化馆和博物馆，总建筑面积约3.6万平方米，配套建设"
            "文化广场、地下停车场和室外展陈空间。",
            "建成后，县图书馆藏书能力由现在的20万册提高到60万册，文化馆可同时开展12个门类的"
            "群众文化培训，博物馆集中展示本县出土文物和非物质文化遗产。",
        ),
        "records": [
            record(
                SERVICES,
                d(2026, 9, 15),
                "示范县文化中心建设项目建议书审批事项受理",
                p(
                    "9月15日，县发展和改革局受理示范县文化旅游投资有限公司报送的示范县文化中心"
                    "建设项目建议书，将组织专家评审后按规定时限办结。",
                    "办理依据、申报材料和办理流程见县政务服务网“政府投资项目建议书审批”事项。",
                ),
                after=3,
                service_item=PROPOSAL,
                handling_unit=DRC,
            ),
            record(
                SERVICES,
                d(2026, 10, 22),
                "示范县文化中心建设项目用地预审与选址意见书办理情况",
                p(
                    "县自然资源局已受理项目用地预审与选址申请。项目拟选址于城关镇文昌路以西、"
                    "南环路以北，拟用地约62亩，符合县国土空间总体规划确定的公共服务设施用地布局。"
                ),
                after=4,
                service_item=SITE_SELECTION,
                handling_unit=NATURAL_RESOURCES,
            ),
            record(
                SERVICES,
                d(2026, 11, 10),
                "示范县文化中心建设项目可行性研究报告审批事项受理",
                p(
                    "11月10日，县发展和改革局受理项目可行性研究报告。项目建议书已经县人民政府"
                    "常务会议研究同意，可行性研究报告将委托第三方机构评估后审批。"
                ),
                after=2,
                service_item=FEASIBILITY,
                handling_unit=DRC,
            ),
        ],
    },
    # 2. Just approved: the feasibility study was approved in October.
    {
        "slug": "second-water-plant",
        "title": "示范县第二水厂及配套管网工程",
        "project_code": "2601-379901-04-01-417283",
        "project_type": "供排水与燃气",
        "plan_year": 2026,
        "district": "河口乡",
        "address": "河口乡柳林河北岸、原河口砖厂以东",
        "latitude": D("35.862470"),
        "longitude": D("117.428890"),
        "owner_unit": "示范县水务集团有限公司",
        "total_investment": D("19800"),
        "planned_start": d(2027, 3, 1),
        "planned_completion": d(2028, 12, 31),
        "current_stage": RESULTS,
        "not_applicable_stages": [],
        "agency": "housing",
        "category": ("城乡建设、环境保护", "城乡建设（含住房）"),
        "summary": p(
            "新建日供水能力5万立方米的地表水厂一座，以柳林河水库为水源，采用常规处理加臭氧—"
            "活性炭深度处理工艺；配套敷设DN300至DN800供水主管网约36公里，新建加压泵站2座。",
            "项目建成后与县第一水厂联网供水，县城和河口乡、柳林镇约16万人将用上深度处理的"
            "自来水，供水保证率提高到97%以上。",
        ),
        "records": [
            record(
                SERVICES,
                d(2026, 1, 20),
                "示范县第二水厂及配套管网工程可行性研究报告审批事项受理",
                p(
                    "1月20日，县发展和改革局受理示范县水务集团有限公司报送的项目可行性研究报告，"
                    "将委托工程咨询机构开展评估。"
                ),
                after=4,
                service_item=FEASIBILITY,
                handling_unit=DRC,
            ),
            record(
                SERVICES,
                d(2026, 3, 17),
                "示范县第二水厂及配套管网工程环境影响报告表审批事项受理",
                p(
                    "县生态环境局已受理项目环境影响报告表，受理情况和报告表全本同时在县生态环境局"
                    "网站公示，公示期10个工作日。"
                ),
                after=3,
                service_item="建设项目环境影响评价文件审批",
                handling_unit=ECOLOGY,
            ),
            record(
                RESULTS,
                d(2026, 4, 28),
                "关于示范县第二水厂及配套管网工程环境影响报告表的批复",
                p(
                    "经审查，项目在落实报告表提出的施工期扬尘、噪声防治和排泥水处理措施后，对环境"
                    "的不利影响能够得到缓解和控制，同意项目按照报告表所列性质、规模、地点和环境保护"
                    "措施进行建设。"
                ),
                approval_result="同意建设",
                approval_number="示环审〔2026〕23号",
                approving_unit=ECOLOGY,
            ),
            record(
                RESULTS,
                d(2026, 10, 20),
                "关于示范县第二水厂及配套管网工程可行性研究报告的批复",
                p(
                    "原则同意项目可行性研究报告。项目总投资19800万元，其中申请地方政府专项债券"
                    "资金12000万元，其余由项目单位自筹解决。",
                    "请项目单位据此抓紧开展初步设计，并依法办理用地、规划等手续。",
                ),
                approval_result="同意建设",
                approval_number="示发改投资〔2026〕118号",
                approving_unit=DRC,
            ),
        ],
    },
    # 3. Tendering; the approval of its feasibility study was disclosed late.
    {
        "slug": "binhe-bridge-rebuild",
        "title": "滨河东路柳林河大桥拆除重建工程",
        "project_code": "2503-379901-04-01-628147",
        "project_type": "桥梁隧道",
        "plan_year": 2026,
        "district": "城关镇",
        "address": "城关镇滨河东路跨柳林河处",
        "latitude": D("35.874310"),
        "longitude": D("117.451920"),
        "owner_unit": "示范县城市建设投资有限公司",
        "total_investment": D("4280"),
        "planned_start": d(2026, 12, 15),
        "planned_completion": d(2028, 5, 31),
        "current_stage": TENDERING,
        "not_applicable_stages": [LAND],
        "agency": "housing",
        "category": ("城乡建设、环境保护", "城乡建设（含住房）"),
        "summary": p(
            "原桥建于1992年，经检测评定为四类危桥。项目在原址拆除重建，新桥全长186米、宽32米，"
            "采用预应力混凝土连续箱梁，设计荷载为城-A级，同步建设两岸引道和防洪护岸。",
            "施工期间在上游30米处搭建临时便桥，保障行人和非机动车通行；机动车按交通组织方案"
            "绕行建设路大桥。",
        ),
        "records": [
            record(
                SERVICES,
                d(2025, 3, 11),
                "滨河东路柳林河大桥拆除重建工程可行性研究报告审批事项受理",
                p("3月11日，县发展和改革局受理项目可行性研究报告，并委托第三方机构开展评估。"),
                after=3,
                service_item=FEASIBILITY,
                handling_unit=DRC,
            ),
            record(
                SERVICES,
                d(2025, 5, 20),
                "滨河东路柳林河大桥拆除重建工程涉河建设方案审批事项受理",
                p(
                    "县水利局受理项目在柳林河河道管理范围内的工程建设方案，将组织防洪影响评价"
                    "专家审查。"
                ),
                after=4,
                service_item="河道管理范围内建设项目工程建设方案审批",
                handling_unit="示范县水利局",
            ),
            record(
                RESULTS,
                d(2025, 7, 2),
                "关于滨河东路柳林河大桥拆除重建工程可行性研究报告的批复",
                p(
                    "同意实施滨河东路柳林河大桥拆除重建工程。项目估算总投资4280万元，资金来源为"
                    "上级补助资金和县级财政资金。",
                    "请项目单位按照批复内容开展初步设计，严格控制投资规模。",
                ),
                disclosed=d(2025, 7, 28),
                approval_result="同意建设",
                approval_number="示发改投资〔2025〕88号",
                approving_unit=DRC,
            ),
            record(
                RESULTS,
                d(2026, 6, 10),
                "关于滨河东路柳林河大桥拆除重建工程初步设计及概算的批复",
                p(
                    "同意项目初步设计。核定项目总概算4280万元，其中建筑安装工程费3610万元，"
                    "工程建设其他费用452万元，预备费218万元。"
                ),
                approval_result="同意初步设计，核定总概算4280万元",
                approval_number="示发改投资〔2026〕65号",
                approving_unit=DRC,
            ),
            record(
                TENDERING,
                d(2026, 10, 16),
                "滨河东路柳林河大桥拆除重建工程施工招标公告",
                p(
                    "本项目施工采用公开招标方式，资格审查采用资格后审，要求投标人具有市政公用工程"
                    "施工总承包二级及以上资质。",
                    "投标文件递交截止时间为2026年11月9日上午9时30分，开标地点为示范县公共资源"
                    "交易中心。",
                ),
                after=1,
                tender_method="open",
            ),
            record(
                TENDERING,
                d(2026, 11, 13),
                "滨河东路柳林河大桥拆除重建工程施工中标候选人公示",
                p(
                    "经评标委员会评审，第一中标候选人为示州市路桥建设集团有限公司，投标报价"
                    "3652.40万元。公示期为2026年11月16日至11月18日，投标人或者其他利害关系人对"
                    "评标结果有异议的，应当在公示期内向招标人提出。"
                ),
                after=1,
                tender_method="open",
                winning_bidder="示州市路桥建设集团有限公司（第一中标候选人）",
            ),
        ],
    },
    # 4. Tendering: the contractor was chosen in October.
    {
        "slug": "industrial-park-workshops",
        "title": "示范县经济开发区标准化厂房（一期）项目",
        "project_code": "2507-379901-04-01-852463",
        "project_type": "产业园区",
        "plan_year": 2026,
        "district": "石桥镇",
        "address": "示范县经济开发区纬三路以北、经五路以西",
        "latitude": D("35.935610"),
        "longitude": D("117.367250"),
        "owner_unit": "示范县经济开发区投资建设有限公司",
        "total_investment": D("12600"),
        "planned_start": d(2026, 12, 1),
        "planned_completion": d(2028, 3, 31),
        "current_stage": TENDERING,
        "not_applicable_stages": [LAND],
        "agency": "development",
        "category": ("国民经济管理、国有资产监管", "发展规划"),
        "summary": p(
            "在经济开发区已收储的国有建设用地上建设单层和多层标准化厂房14栋，总建筑面积约"
            "8.2万平方米，配套建设研发办公楼、职工宿舍、道路管网和污水预处理设施。",
            "厂房建成后以租赁方式面向中小企业招商，重点承接农产品精深加工和装备零部件制造项目。",
        ),
        "records": [
            record(
                SERVICES,
                d(2025, 8, 19),
                "示范县经济开发区标准化厂房（一期）项目可行性研究报告审批事项受理",
                p("8月19日，县发展和改革局受理项目可行性研究报告。"),
                after=2,
                service_item=FEASIBILITY,
                handling_unit=DRC,
            ),
            record(
                RESULTS,
                d(2025, 10, 14),
                "关于示范县经济开发区标准化厂房（一期）项目可行性研究报告的批复",
                p(
                    "同意建设示范县经济开发区标准化厂房（一期）项目。项目总投资12600万元，资金来源"
                    "为地方政府专项债券资金和项目单位自筹资金。"
                ),
                approval_result="同意建设",
                approval_number="示发改投资〔2025〕131号",
                approving_unit=DRC,
            ),
            record(
                RESULTS,
                d(2026, 5, 18),
                "示范县经济开发区标准化厂房（一期）项目建设工程规划许可证核发",
                p(
                    "经审查，项目总平面布置和建筑设计方案符合经济开发区控制性详细规划，准予核发"
                    "建设工程规划许可证。"
                ),
                approval_result="准予核发建设工程规划许可证",
                approval_number="建字第379901202605180003号",
                approving_unit=NATURAL_RESOURCES,
            ),
            record(
                TENDERING,
                d(2026, 9, 25),
                "示范县经济开发区标准化厂房（一期）项目施工总承包招标公告",
                p(
                    "本项目施工总承包采用公开招标方式，要求投标人具有建筑工程施工总承包二级及以上"
                    "资质，不接受联合体投标。投标文件递交截止时间为2026年10月20日上午9时。"
                ),
                after=2,
                tender_method="open",
            ),
            record(
                TENDERING,
                d(2026, 10, 30),
                "示范县经济开发区标准化厂房（一期）项目施工总承包中标结果公示",
                p(
                    "经评标委员会评审和公示，确定中标人为示州华晟建设集团有限公司，中标价"
                    "10275.66万元，工期480日历天。"
                ),
                after=3,
                tender_method="open",
                winning_bidder="示州华晟建设集团有限公司",
                contract_amount=D("10275.66"),
            ),
        ],
    },
    # 5. Land expropriation under way.
    {
        "slug": "fitness-centre",
        "title": "示范县全民健身中心建设项目",
        "project_code": "2406-379901-04-01-739205",
        "project_type": "体育场馆",
        "plan_year": 2025,
        "district": "城关镇",
        "address": "城关镇南环路以南、文昌路以东",
        "latitude": D("35.898760"),
        "longitude": D("117.408340"),
        "owner_unit": "示范县城市建设投资有限公司",
        "total_investment": D("21500"),
        "planned_start": d(2027, 3, 1),
        "planned_completion": d(2029, 6, 30),
        "current_stage": LAND,
        "not_applicable_stages": [],
        "agency": "development",
        "category": ("城乡建设、环境保护", "城乡建设（含住房）"),
        "summary": p(
            "建设3000座体育馆、全民健身馆和25米标准游泳馆各一座，总建筑面积约3.8万平方米，"
            "同步建设400米标准田径场、笼式足球场、门球场和健身步道。",
            "场馆建成后按规定向社会免费或者低收费开放，可承办省市级单项体育赛事。",
        ),
        "records": [
            record(
                SERVICES,
                d(2024, 6, 25),
                "示范县全民健身中心建设项目建议书审批事项受理",
                p("6月25日，县发展和改革局受理示范县全民健身中心建设项目建议书。"),
                after=3,
                service_item=PROPOSAL,
                handling_unit=DRC,
            ),
            record(
                RESULTS,
                d(2025, 4, 16),
                "关于示范县全民健身中心建设项目可行性研究报告的批复",
                p(
                    "同意建设示范县全民健身中心。项目总投资21500万元，资金来源为中央预算内投资、"
                    "省级体育彩票公益金和县级财政资金。"
                ),
                approval_result="同意建设",
                approval_number="示发改投资〔2025〕47号",
                approving_unit=DRC,
            ),
            record(
                TENDERING,
                d(2025, 8, 22),
                "示范县全民健身中心建设项目设计中标结果公示",
                p(
                    "项目方案及施工图设计采用公开招标方式，中标人为示州市建筑设计研究院有限公司，"
                    "中标价586.00万元。"
                ),
                after=3,
                tender_method="open",
                winning_bidder="示州市建筑设计研究院有限公司",
                contract_amount=D("586.00"),
            ),
            record(
                LAND,
                d(2025, 10, 28),
                "示范县全民健身中心建设项目征收土地预公告",
                p(
                    "县人民政府拟征收城关镇南关村、王官庄村集体土地约118.6亩，用于示范县全民健身"
                    "中心建设。自本预公告发布之日起，任何单位和个人不得在拟征收范围内抢栽抢建；"
                    "违反规定抢栽抢建的，对抢栽抢建部分不予补偿。"
                ),
                after=2,
                approval_number="示政征预〔2025〕7号",
                approving_unit=COUNTY_GOVERNMENT,
                land_area=D("118.60"),
                compensation="拟征收范围内开展土地现状调查和社会稳定风险评估，补偿安置方案另行公告。",
            ),
            record(
                LAND,
                d(2026, 2, 10),
                "示范县全民健身中心建设项目征地补偿安置方案公告",
                p(
                    "现将征地补偿安置方案予以公告。被征地的农村集体经济组织、农村村民或者其他权利人"
                    "对方案有意见的，可以在公告之日起30日内向城关镇人民政府书面提出。"
                ),
                after=4,
                approval_number="示政征〔2026〕3号",
                approving_unit=COUNTY_GOVERNMENT,
                land_area=D("118.60"),
                compensation=(
                    "土地补偿费和安置补助费按区片综合地价每亩6.8万元支付；地上附着物和青苗按县"
                    "统一标准补偿；被征地农民按规定纳入养老保险等社会保障体系。"
                ),
            ),
            record(
                LAND,
                d(2026, 9, 8),
                "示范县全民健身中心建设项目征收土地公告",
                p(
                    "项目用地已经依法批准。土地补偿费、安置补助费等费用已足额预存，被征地村民养老"
                    "保险补贴资金已落实。请相关权利人在公告规定期限内持土地权属证明办理补偿登记。"
                ),
                after=5,
                approval_number="示政征〔2026〕15号",
                approving_unit=COUNTY_GOVERNMENT,
                land_area=D("118.60"),
                compensation=(
                    "按已公告的征地补偿安置方案执行，共涉及农户96户，补偿费用由县人民政府"
                    "统一支付至被征地农村集体经济组织和权利人。"
                ),
            ),
        ],
    },
    # 6. Construction; its approval services were never disclosed (MISSING_STAGE).
    {
        "slug": "old-residential-renovation-2026",
        "title": "示范县2026年城镇老旧小区改造项目",
        "project_code": "2603-379901-04-01-304718",
        "project_type": "城市更新",
        "plan_year": 2026,
        "district": "城关镇",
        "address": "城关镇建设路、人民路、府前街沿线12个小区",
        "latitude": None,
        "longitude": None,
        "owner_unit": "示范县住房和城乡建设局",
        "total_investment": D("13600"),
        "planned_start": d(2026, 8, 10),
        "planned_completion": d(2027, 6, 30),
        "actual_start": d(2026, 8, 10),
        "current_stage": CONSTRUCTION,
        "not_applicable_stages": [LAND, DESIGN],
        "agency": "housing",
        "category": ("城乡建设、环境保护", "城乡建设（含住房）"),
        "summary": p(
            "改造城关镇2000年以前建成的老旧小区12个，涉及86栋楼、2140户居民。主要实施雨污分流"
            "管网改造、楼体外墙保温、屋面防水、停车位和充电设施建设、小区绿化提升等内容。",
            "改造内容经过入户征求意见确定，每个小区的改造方案在小区公告栏公示。",
        ),
        "records": [
            record(
                RESULTS,
                d(2026, 4, 22),
                "关于示范县2026年城镇老旧小区改造项目可行性研究报告的批复",
                p(
                    "同意实施示范县2026年城镇老旧小区改造项目。项目总投资13600万元，资金来源为"
                    "中央和省级补助资金、县级配套资金。"
                ),
                approval_result="同意建设",
                approval_number="示发改投资〔2026〕47号",
                approving_unit=DRC,
            ),
            record(
                TENDERING,
                d(2026, 6, 19),
                "示范县2026年城镇老旧小区改造项目施工招标公告",
                p(
                    "本项目施工分两个标段公开招标：一标段为建设路、人民路沿线7个小区，二标段为"
                    "府前街沿线5个小区。投标人可以同时投标两个标段，但只能中标一个标段。"
                ),
                after=2,
                tender_method="open",
            ),
            record(
                TENDERING,
                d(2026, 7, 17),
                "示范县2026年城镇老旧小区改造项目施工一标段中标结果公示",
                p("一标段中标人为示范县城建工程有限公司，中标价6218.45万元，工期320日历天。"),
                after=2,
                tender_method="open",
                winning_bidder="示范县城建工程有限公司",
                contract_amount=D("6218.45"),
            ),
            record(
                TENDERING,
                d(2026, 7, 17),
                "示范县2026年城镇老旧小区改造项目施工二标段中标结果公示",
                p("二标段中标人为示州市第二建筑工程有限公司，中标价5837.90万元，工期320日历天。"),
                after=2,
                tender_method="open",
                winning_bidder="示州市第二建筑工程有限公司",
                contract_amount=D("5837.90"),
            ),
            record(
                CONSTRUCTION,
                d(2026, 8, 10),
                "示范县2026年城镇老旧小区改造项目开工",
                p(
                    "项目于2026年8月10日正式开工，计划2027年6月30日前完工。施工期间夜间（22时至"
                    "次日6时）不进行产生噪声的施工作业，监督电话：0530-6123306。"
                ),
                after=2,
                contractor="示范县城建工程有限公司（一标段）、示州市第二建筑工程有限公司（二标段）",
                supervisor=SUPERVISOR_ANTAI,
            ),
            record(
                CONSTRUCTION,
                d(2026, 10, 30),
                "示范县2026年城镇老旧小区改造项目施工进展情况",
                p(
                    "截至10月底，12个小区中已有5个完成雨污分流管网改造，外墙保温施工完成38栋，"
                    "新建停车位412个、充电桩60个，完成投资5120万元，占总投资的37.6%。"
                ),
                after=6,
                contractor="示范县城建工程有限公司（一标段）、示州市第二建筑工程有限公司（二标段）",
                supervisor=SUPERVISOR_ANTAI,
            ),
        ],
    },
    # 7. Construction, with a first quality and safety inspection.
    {
        "slug": "chengbei-middle-school",
        "title": "示范县城北中学新建项目",
        "project_code": "2411-379901-04-01-215836",
        "project_type": "学校",
        "plan_year": 2025,
        "district": "城关镇",
        "address": "城关镇北环路与文昌路交叉口东北角",
        "latitude": D("35.921640"),
        "longitude": D("117.402180"),
        "owner_unit": "示范县教育局",
        "total_investment": D("18600"),
        "planned_start": d(2025, 9, 1),
        "planned_completion": d(2027, 7, 31),
        "actual_start": d(2025, 9, 18),
        "current_stage": CONSTRUCTION,
        "not_applicable_stages": [DESIGN],
        "agency": "education",
        "category": ("科技、教育", "教育"),
        "summary": p(
            "新建初级中学一所，规划48个教学班，可提供学位2400个。项目用地约86亩，总建筑面积约"
            "5.2万平方米，建设教学楼、实验楼、图书馆、风雨操场、学生宿舍和食堂，配套建设400米"
            "标准运动场和地下停车场。",
            "学校建成后将缓解县城北部片区初中学位紧张的问题，计划2027年秋季学期招生。",
        ),
        "photos": [
            {
                "image": "chengbei-school-site",
                "caption": "教学楼主体结构施工",
                "taken_on": d(2026, 10, 26),
            },
        ],
        "records": [
            record(
                SERVICES,
                d(2024, 11, 12),
                "示范县城北中学新建项目可行性研究报告审批事项受理",
                p(
                    "11月12日，县发展和改革局受理县教育局报送的示范县城北中学新建项目可行性研究"
                    "报告，将依法在规定时限内办结。"
                ),
                after=4,
                service_item=FEASIBILITY,
                handling_unit=DRC,
            ),
            record(
                SERVICES,
                d(2025, 1, 8),
                "示范县城北中学新建项目用地预审与选址意见书办理情况",
                p(
                    "县自然资源局已受理项目用地预审与选址申请。项目拟用地约86.4亩，选址符合县国土"
                    "空间总体规划和中小学布局规划。"
                ),
                after=5,
                service_item=SITE_SELECTION,
                handling_unit=NATURAL_RESOURCES,
            ),
            record(
                RESULTS,
                d(2025, 3, 6),
                "关于示范县城北中学新建项目可行性研究报告的批复",
                p(
                    "同意新建示范县城北中学。项目总投资18600万元，资金来源为中央预算内投资、地方"
                    "政府专项债券资金和县级财政资金。",
                    "请县教育局据此开展初步设计，落实各项建设条件，确保按期开工。",
                ),
                approval_result="同意建设",
                approval_number="示发改投资〔2025〕36号",
                approving_unit=DRC,
            ),
            record(
                LAND,
                d(2025, 4, 10),
                "示范县城北中学新建项目征收土地预公告",
                p(
                    "县人民政府拟征收城关镇后营村、北关村集体土地约86.4亩，用于示范县城北中学"
                    "建设。自本预公告发布之日起，在拟征收范围内抢栽抢建的部分不予补偿。"
                ),
                after=3,
                approval_number="示政征预〔2025〕4号",
                approving_unit=COUNTY_GOVERNMENT,
                land_area=D("86.40"),
                compensation="拟征收范围内开展土地现状调查和社会稳定风险评估，补偿安置方案另行公告。",
            ),
            record(
                LAND,
                d(2025, 6, 16),
                "示范县城北中学新建项目征地补偿安置方案公告",
                p(
                    "现将征地补偿安置方案予以公告，公告期30日。有关权利人对方案有意见的，可以在"
                    "公告期内向城关镇人民政府书面提出。"
                ),
                after=4,
                approval_number="示政征〔2025〕9号",
                approving_unit=COUNTY_GOVERNMENT,
                land_area=D("86.40"),
                compensation=(
                    "土地补偿费和安置补助费按区片综合地价每亩6.8万元支付，地上附着物和青苗按县"
                    "统一标准补偿，被征地农民按规定纳入社会保障；涉及农户58户，无住房拆迁。"
                ),
            ),
            record(
                TENDERING,
                d(2025, 7, 4),
                "示范县城北中学新建项目施工总承包招标公告",
                p(
                    "本项目施工总承包采用公开招标方式，资格审查采用资格后审，投标文件递交截止时间"
                    "为2025年7月28日上午9时30分。"
                ),
                after=1,
                tender_method="open",
            ),
            record(
                TENDERING,
                d(2025, 8, 5),
                "示范县城北中学新建项目施工总承包中标结果公示",
                p(
                    "经评标委员会评审和中标候选人公示，确定中标人为示州市第二建筑工程有限公司，"
                    "中标价15368.52万元，工期680日历天。"
                ),
                after=2,
                tender_method="open",
                winning_bidder="示州市第二建筑工程有限公司",
                contract_amount=D("15368.52"),
            ),
            record(
                RESULTS,
                d(2025, 9, 12),
                "示范县城北中学新建项目建筑工程施工许可证核发",
                p("项目施工图已经审查合格，建设资金已经落实，准予核发建筑工程施工许可证。"),
                approval_result=BUILDING_PERMIT,
                approval_number="379901202509120101",
                approving_unit=HOUSING,
            ),
            record(
                CONSTRUCTION,
                d(2025, 9, 18),
                "示范县城北中学新建项目开工",
                p(
                    "项目于2025年9月18日开工，计划2027年7月底前竣工。施工单位已设立项目公示牌，"
                    "公布建设、施工、监理单位名称和监督电话。"
                ),
                after=3,
                contractor="示州市第二建筑工程有限公司",
                supervisor=SUPERVISOR_ANTAI,
            ),
            record(
                QUALITY,
                d(2026, 5, 20),
                "示范县城北中学新建项目施工质量安全监督检查情况",
                p(
                    "县建设工程质量安全服务中心对项目开展监督检查，抽查了教学楼和实验楼主体结构的"
                    "钢筋保护层厚度和混凝土强度，并检查了脚手架和临时用电。"
                ),
                after=6,
                inspection_unit=SAFETY_CENTRE,
                inspection_result=(
                    "实体质量抽测结果符合设计要求；发现脚手架连墙件缺失2处、配电箱未上锁1处，"
                    "已当场责令整改，5月27日复查合格。"
                ),
            ),
            record(
                CONSTRUCTION,
                d(2026, 10, 26),
                "示范县城北中学新建项目教学楼主体结构封顶",
                p(
                    "10月26日，项目教学楼主体结构顺利封顶，实验楼和图书馆正在进行主体施工，项目累计"
                    "完成投资10260万元。"
                ),
                after=4,
                contractor="示州市第二建筑工程有限公司",
                supervisor=SUPERVISOR_ANTAI,
            ),
        ],
    },
    # 8. Quality and safety supervision, with a major design change and a penalty decision.
    {
        "slug": "county-hospital-outpatient-building",
        "title": "示范县人民医院门急诊综合楼建设项目",
        "project_code": "2402-379901-04-01-473920",
        "project_type": "医院",
        "plan_year": 2024,
        "district": "城关镇",
        "address": "城关镇健康路102号（县人民医院院内）",
        "latitude": D("35.913870"),
        "longitude": D("117.389560"),
        "owner_unit": "示范县人民医院",
        "total_investment": D("34060"),
        "planned_start": d(2024, 10, 1),
        "planned_completion": d(2027, 4, 30),
        "actual_start": d(2024, 10, 28),
        "current_stage": QUALITY,
        "not_applicable_stages": [LAND],
        "agency": "health",
        "category": ("卫生、体育", "卫生"),
        "summary": p(
            "在县人民医院现址拆除旧门诊楼，新建地上12层、地下2层的门急诊综合楼，总建筑面积约"
            "4.6万平方米，设门诊、急诊急救中心、医技检查区和住院病区，新增床位400张。",
            "项目建成后，县人民医院日门诊接诊能力可达3000人次，胸痛、卒中、创伤等急救中心集中"
            "布置在一层，缩短急诊患者救治时间。",
        ),
        "records": [
            record(
                SERVICES,
                d(2024, 3, 5),
                "示范县人民医院门急诊综合楼建设项目建议书审批事项受理",
                p("3月5日，县发展和改革局受理县人民医院报送的门急诊综合楼建设项目建议书。"),
                after=3,
                service_item=PROPOSAL,
                handling_unit=DRC,
            ),
            record(
                RESULTS,
                d(2024, 4, 18),
                "关于示范县人民医院门急诊综合楼建设项目可行性研究报告的批复",
                p(
                    "同意建设示范县人民医院门急诊综合楼。项目总投资32800万元，资金来源为中央预算内"
                    "投资、地方政府专项债券资金和医院自筹资金。"
                ),
                approval_result="同意建设",
                approval_number="示发改投资〔2024〕58号",
                approving_unit=DRC,
            ),
            record(
                RESULTS,
                d(2024, 6, 21),
                "关于示范县人民医院门急诊综合楼建设项目初步设计及概算的批复",
                p("同意项目初步设计，核定总概算32800万元，其中医疗设备购置费4600万元。"),
                approval_result="同意初步设计，核定总概算32800万元",
                approval_number="示发改投资〔2024〕97号",
                approving_unit=DRC,
            ),
            record(
                TENDERING,
                d(2024, 8, 16),
                "示范县人民医院门急诊综合楼建设项目施工总承包中标结果公示",
                p("中标人为示州华晟建设集团有限公司，中标价27436.80万元，工期900日历天。"),
                after=3,
                tender_method="open",
                winning_bidder="示州华晟建设集团有限公司",
                contract_amount=D("27436.80"),
            ),
            record(
                TENDERING,
                d(2024, 8, 30),
                "示范县人民医院门急诊综合楼建设项目监理中标结果公示",
                p("中标人为示州正衡工程咨询有限公司，中标价386.50万元。"),
                after=3,
                tender_method="open",
                winning_bidder=SUPERVISOR_ZHENGHENG,
                contract_amount=D("386.50"),
            ),
            record(
                RESULTS,
                d(2024, 10, 22),
                "示范县人民医院门急诊综合楼建设项目建筑工程施工许可证核发",
                p("项目施工图已经审查合格，施工、监理单位已经确定，准予核发建筑工程施工许可证。"),
                approval_result=BUILDING_PERMIT,
                approval_number="379901202410220201",
                approving_unit=HOUSING,
            ),
            record(
                CONSTRUCTION,
                d(2024, 10, 28),
                "示范县人民医院门急诊综合楼建设项目开工",
                p(
                    "项目于2024年10月28日开工。施工期间医院门诊临时迁至院内综合楼一至三层，急诊"
                    "入口改由健康路北门进入。"
                ),
                after=3,
                contractor="示州华晟建设集团有限公司",
                supervisor=SUPERVISOR_ZHENGHENG,
            ),
            record(
                DESIGN,
                d(2025, 5, 14),
                "关于示范县人民医院门急诊综合楼建设项目重大设计变更及概算调整的批复",
                p(
                    "同意项目第五层普通病区调整为平急两用病区，调整后项目总概算由32800万元调整为"
                    "34060万元，增加部分由医院自筹解决。"
                ),
                after=5,
                change_reason=(
                    "根据公共卫生应急能力建设要求，将第五层普通病区调整为平急两用病区，增设负压"
                    "隔离病房12间和独立通风系统，概算增加1260万元。"
                ),
                approval_number="示发改投资〔2025〕71号",
                approving_unit=DRC,
            ),
            record(
                CONSTRUCTION,
                d(2025, 12, 30),
                "示范县人民医院门急诊综合楼主体结构封顶",
                p("12月30日，门急诊综合楼主体结构封顶，转入二次结构、机电安装和幕墙施工。"),
                after=4,
                contractor="示州华晟建设集团有限公司",
                supervisor=SUPERVISOR_ZHENGHENG,
            ),
            record(
                QUALITY,
                d(2026, 3, 24),
                "示范县人民医院门急诊综合楼建设项目质量安全监督检查通报",
                p("县建设工程质量安全服务中心对项目开展季度监督检查，检查结果通报如下。"),
                after=5,
                inspection_unit=SAFETY_CENTRE,
                inspection_result=(
                    "主体结构实体质量抽测合格；八层至十层临边防护不到位、部分作业人员未系安全带，"
                    "责令施工单位于3月31日前完成整改。"
                ),
            ),
            record(
                QUALITY,
                d(2026, 4, 9),
                "示范县住房和城乡建设局行政处罚决定书（示建罚字〔2026〕第18号）",
                p(
                    "经查，示州华晟建设集团有限公司在示范县人民医院门急诊综合楼建设项目施工中，"
                    "对责令限期改正的高处作业安全防护问题逾期未改正。依据《建设工程安全生产管理"
                    "条例》有关规定，决定对该公司处罚款人民币5万元。"
                ),
                after=3,
                decision=PENALTY,
                inspection_unit=HOUSING,
                inspection_result="逾期未改正安全隐患，处罚款人民币5万元；复查时已整改完毕。",
            ),
            record(
                QUALITY,
                d(2026, 9, 15),
                "示范县人民医院门急诊综合楼建设项目消防及机电安装质量专项检查",
                p(
                    "县建设工程质量安全服务中心会同县消防救援大队，对项目消防和机电安装工程开展专项检查。"
                ),
                after=5,
                inspection_unit=SAFETY_CENTRE,
                inspection_result="消防管道试压、风管安装和电缆敷设符合设计和规范要求，未发现质量问题。",
            ),
        ],
    },
    # 9. Quality and safety supervision; its contract award was disclosed late.
    {
        "slug": "binhe-garden-rental-housing",
        "title": "滨河花园保障性租赁住房项目",
        "project_code": "2308-379901-04-01-561739",
        "project_type": "保障性住房",
        "plan_year": 2024,
        "district": "城关镇",
        "address": "城关镇滨河东路与建设路交叉口西南角",
        "latitude": D("35.905180"),
        "longitude": D("117.411460"),
        "owner_unit": "示范县安居投资有限公司",
        "total_investment": D("24600"),
        "planned_start": d(2024, 6, 1),
        "planned_completion": d(2026, 12, 31),
        "actual_start": d(2024, 6, 20),
        "current_stage": QUALITY,
        "not_applicable_stages": [DESIGN],
        "agency": "housing",
        "category": ("城乡建设、环境保护", "城乡建设（含住房）"),
        "summary": p(
            "建设保障性租赁住房8栋、共960套，户型以40至70平方米的小户型为主，配套建设社区服务"
            "用房、幼儿园和地下停车库，总建筑面积约9.1万平方米。",
            "房源建成后面向新市民、青年人和城镇住房困难家庭配租，租金不高于同地段同品质市场"
            "租赁住房租金的90%。",
        ),
        "records": [
            record(
                SERVICES,
                d(2023, 9, 5),
                "滨河花园保障性租赁住房项目可行性研究报告审批事项受理",
                p("9月5日，县发展和改革局受理示范县安居投资有限公司报送的项目可行性研究报告。"),
                after=4,
                service_item=FEASIBILITY,
                handling_unit=DRC,
            ),
            record(
                RESULTS,
                d(2023, 10, 19),
                "关于滨河花园保障性租赁住房项目可行性研究报告的批复",
                p(
                    "同意建设滨河花园保障性租赁住房项目。项目总投资24600万元，资金来源为中央预算内"
                    "投资、保障性租赁住房专项借款和项目单位自筹资金。"
                ),
                approval_result="同意建设",
                approval_number="示发改投资〔2023〕139号",
                approving_unit=DRC,
            ),
            record(
                LAND,
                d(2023, 11, 20),
                "滨河花园保障性租赁住房项目征收土地预公告",
                p(
                    "县人民政府拟征收城关镇东关村集体土地约62.75亩，用于滨河花园保障性租赁住房"
                    "项目建设。预公告发布后，拟征收范围内暂停办理户口迁入、分户和新建改建房屋手续。"
                ),
                after=3,
                approval_number="示政征预〔2023〕11号",
                approving_unit=COUNTY_GOVERNMENT,
                land_area=D("62.75"),
                compensation="拟征收范围内开展土地现状调查和社会稳定风险评估，补偿安置方案另行公告。",
            ),
            record(
                LAND,
                d(2024, 2, 28),
                "滨河花园保障性租赁住房项目征地补偿安置方案公告",
                p("现将征地补偿安置方案予以公告，公告期30日。"),
                after=4,
                approval_number="示政征〔2024〕2号",
                approving_unit=COUNTY_GOVERNMENT,
                land_area=D("62.75"),
                compensation=(
                    "土地补偿费和安置补助费按区片综合地价每亩6.5万元支付；涉及的14户住房按"
                    "产权调换或者货币补偿方式安置，由被征收人自愿选择。"
                ),
            ),
            record(
                TENDERING,
                d(2024, 4, 12),
                "滨河花园保障性租赁住房项目施工总承包招标公告",
                p(
                    "本项目施工总承包采用公开招标方式，要求投标人具有建筑工程施工总承包一级及以上"
                    "资质。投标文件递交截止时间为2024年5月8日上午9时。"
                ),
                after=2,
                tender_method="open",
            ),
            record(
                TENDERING,
                d(2024, 5, 17),
                "滨河花园保障性租赁住房项目施工总承包中标结果公示",
                p("中标人为示州市建工集团有限公司，中标价20873.45万元，工期900日历天。"),
                disclosed=d(2024, 6, 25),
                tender_method="open",
                winning_bidder="示州市建工集团有限公司",
                contract_amount=D("20873.45"),
            ),
            record(
                RESULTS,
                d(2024, 6, 14),
                "滨河花园保障性租赁住房项目建筑工程施工许可证核发",
                p("项目施工图已经审查合格，准予核发建筑工程施工许可证。"),
                approval_result=BUILDING_PERMIT,
                approval_number="379901202406140301",
                approving_unit=HOUSING,
            ),
            record(
                CONSTRUCTION,
                d(2024, 6, 20),
                "滨河花园保障性租赁住房项目开工",
                p("项目于2024年6月20日开工，计划2026年12月底前竣工。"),
                after=3,
                contractor="示州市建工集团有限公司",
                supervisor=SUPERVISOR_ZHENGHENG,
            ),
            record(
                QUALITY,
                d(2025, 4, 15),
                "滨河花园保障性租赁住房项目质量安全监督检查情况",
                p("县建设工程质量安全服务中心对项目1号至8号楼主体施工开展监督检查。"),
                after=5,
                inspection_unit=SAFETY_CENTRE,
                inspection_result="主体结构实体质量抽测合格；塔吊附着装置检测报告过期1份，已责令补检，复查合格。",
            ),
            record(
                CONSTRUCTION,
                d(2025, 11, 26),
                "滨河花园保障性租赁住房项目主体结构全部封顶",
                p("11月26日，项目8栋住宅楼主体结构全部封顶，转入装饰装修和室外配套工程施工。"),
                after=4,
                contractor="示州市建工集团有限公司",
                supervisor=SUPERVISOR_ZHENGHENG,
            ),
            record(
                QUALITY,
                d(2026, 7, 8),
                "滨河花园保障性租赁住房项目住宅工程分户验收专项检查",
                p(
                    "县建设工程质量安全服务中心对项目住宅工程分户验收开展专项检查，随机抽查住户120套。"
                ),
                after=5,
                inspection_unit=SAFETY_CENTRE,
                inspection_result="抽查住户的净高、楼地面平整度和门窗安装符合要求，3套卫生间闭水试验渗漏，已返修。",
            ),
            record(
                QUALITY,
                d(2026, 10, 27),
                "滨河花园保障性租赁住房项目消防设施及室外配套工程质量检查",
                p("县建设工程质量安全服务中心对项目消防设施和室外管网、道路工程开展检查。"),
                after=4,
                inspection_unit=SAFETY_CENTRE,
                inspection_result="消防设施联动调试正常，室外雨污管网闭水试验合格，具备竣工验收条件。",
            ),
        ],
    },
    # 10. Completed in 2024; its acceptance filing was disclosed late.
    {
        "slug": "renmin-road-upgrade",
        "title": "人民路（建设路—滨河东路）改造提升工程",
        "project_code": "2305-379901-04-01-106552",
        "project_type": "道路交通",
        "plan_year": 2023,
        "district": "城关镇",
        "address": "城关镇人民路（建设路至滨河东路段）",
        "latitude": D("35.910420"),
        "longitude": D("117.396730"),
        "owner_unit": "示范县城市建设投资有限公司",
        "total_investment": D("6850"),
        "planned_start": d(2023, 9, 1),
        "planned_completion": d(2024, 8, 31),
        "actual_start": d(2023, 9, 15),
        "actual_completion": d(2024, 9, 26),
        "current_stage": COMPLETION,
        "not_applicable_stages": [LAND, DESIGN],
        "agency": "housing",
        "category": ("城乡建设、环境保护", "城乡建设（含住房）"),
        "summary": p(
            "改造道路全长2.4公里，红线宽度36米。实施路面“白改黑”、雨污分流管网、人行道和无障碍"
            "设施、路灯和交通信号系统改造，同步将沿线架空电力、通信线路入地。",
            "改造后人民路机动车道由双向四车道调整为双向六车道，新增非机动车道和港湾式公交站6处。",
        ),
        "photos": [
            {
                "image": "renmin-road-finished",
                "caption": "改造后的人民路建设路路口以东路段",
                "taken_on": d(2024, 10, 15),
            },
        ],
        "records": [
            record(
                SERVICES,
                d(2023, 5, 10),
                "人民路（建设路—滨河东路）改造提升工程可行性研究报告审批事项受理",
                p("5月10日，县发展和改革局受理项目可行性研究报告。"),
                after=3,
                service_item=FEASIBILITY,
                handling_unit=DRC,
            ),
            record(
                RESULTS,
                d(2023, 6, 8),
                "关于人民路（建设路—滨河东路）改造提升工程可行性研究报告的批复",
                p(
                    "同意实施人民路（建设路—滨河东路）改造提升工程。项目总投资6850万元，资金来源为"
                    "上级补助资金和县级财政资金。"
                ),
                approval_result="同意建设",
                approval_number="示发改投资〔2023〕64号",
                approving_unit=DRC,
            ),
            record(
                TENDERING,
                d(2023, 8, 11),
                "人民路（建设路—滨河东路）改造提升工程施工中标结果公示",
                p("中标人为示州市路桥建设集团有限公司，中标价5912.37万元，工期330日历天。"),
                after=2,
                tender_method="open",
                winning_bidder="示州市路桥建设集团有限公司",
                contract_amount=D("5912.37"),
            ),
            record(
                CONSTRUCTION,
                d(2023, 9, 15),
                "人民路（建设路—滨河东路）改造提升工程开工",
                p(
                    "项目于2023年9月15日开工，采取半幅施工、半幅通行的方式组织交通，请过往车辆"
                    "和行人注意绕行。"
                ),
                after=2,
                contractor="示州市路桥建设集团有限公司",
                supervisor=SUPERVISOR_ANTAI,
            ),
            record(
                QUALITY,
                d(2024, 4, 17),
                "人民路（建设路—滨河东路）改造提升工程质量安全监督检查情况",
                p("县建设工程质量安全服务中心对项目雨污管网和路面基层施工开展监督检查。"),
                after=5,
                inspection_unit=SAFETY_CENTRE,
                inspection_result="管道闭水试验和基层压实度检测合格；沟槽开挖个别路段围挡不连续，已整改。",
            ),
            record(
                CONSTRUCTION,
                d(2024, 6, 28),
                "人民路改造提升工程主车道恢复通行",
                p("6月28日，人民路主车道沥青路面摊铺完成，恢复双向通行，人行道和绿化继续施工。"),
                after=2,
                contractor="示州市路桥建设集团有限公司",
                supervisor=SUPERVISOR_ANTAI,
            ),
            record(
                COMPLETION,
                d(2024, 9, 26),
                "人民路（建设路—滨河东路）改造提升工程竣工验收",
                p(
                    "9月26日，建设单位组织设计、施工、监理等单位对项目进行竣工验收，县建设工程质量"
                    "安全服务中心进行监督。验收组查看了工程实体并查阅了工程资料。"
                ),
                after=6,
                acceptance_result="验收合格，同意交付使用",
            ),
            record(
                COMPLETION,
                d(2024, 11, 8),
                "人民路（建设路—滨河东路）改造提升工程竣工验收备案及决算情况",
                p(
                    "项目已在县住房和城乡建设局办理竣工验收备案。经县审计局审计，项目竣工决算"
                    "6634.18万元，比批复总投资节约215.82万元。"
                ),
                disclosed=d(2024, 12, 16),
                acceptance_result="已办理竣工验收备案",
                final_cost=D("6634.18"),
            ),
        ],
    },
    # 11. Completed in 2025, after a design change.
    {
        "slug": "binhe-park-phase-2",
        "title": "滨河公园（二期）建设工程",
        "project_code": "2404-379901-04-01-284651",
        "project_type": "园林绿化",
        "plan_year": 2024,
        "district": "城关镇",
        "address": "城关镇滨河东路以东、柳林河西岸",
        "latitude": D("35.907650"),
        "longitude": D("117.417830"),
        "owner_unit": "示范县城市建设投资有限公司",
        "total_investment": D("3960"),
        "planned_start": d(2024, 9, 1),
        "planned_completion": d(2025, 6, 30),
        "actual_start": d(2024, 9, 10),
        "actual_completion": d(2025, 6, 18),
        "current_stage": COMPLETION,
        "not_applicable_stages": [LAND],
        "agency": "housing",
        "category": ("城乡建设、环境保护", "城乡建设（含住房）"),
        "summary": p(
            "沿柳林河西岸建设带状公园约1.8公里，面积约16.5万平方米，建设滨水步道、骑行道、"
            "儿童游乐区、口袋花园、公共厕所和生态停车场。",
            "公园与一期工程连通后，形成贯通县城的3.5公里滨河绿道。",
        ),
        "records": [
            record(
                SERVICES,
                d(2024, 4, 16),
                "滨河公园（二期）建设工程可行性研究报告审批事项受理",
                p("4月16日，县发展和改革局受理项目可行性研究报告。"),
                after=3,
                service_item=FEASIBILITY,
                handling_unit=DRC,
            ),
            record(
                RESULTS,
                d(2024, 5, 30),
                "关于滨河公园（二期）建设工程可行性研究报告的批复",
                p("同意建设滨河公园（二期）。项目总投资3960万元，资金来源为县级财政资金。"),
                approval_result="同意建设",
                approval_number="示发改投资〔2024〕86号",
                approving_unit=DRC,
            ),
            record(
                TENDERING,
                d(2024, 8, 9),
                "滨河公园（二期）建设工程施工中标结果公示",
                p("中标人为示州市园林建设有限公司，中标价3376.92万元，工期270日历天。"),
                after=2,
                tender_method="open",
                winning_bidder="示州市园林建设有限公司",
                contract_amount=D("3376.92"),
            ),
            record(
                CONSTRUCTION,
                d(2024, 9, 10),
                "滨河公园（二期）建设工程开工",
                p("项目于2024年9月10日开工，施工期间滨河东路以东河岸步道暂停开放。"),
                after=3,
                contractor="示州市园林建设有限公司",
                supervisor=SUPERVISOR_ANTAI,
            ),
            record(
                DESIGN,
                d(2024, 12, 18),
                "关于滨河公园（二期）建设工程设计变更的批复",
                p("同意项目设计变更，变更后项目总投资不变。"),
                after=5,
                change_reason=(
                    "根据公众意见征集结果，将原设计的硬质广场调整为儿童游乐区，增设无障碍步道"
                    "1.2公里，相应减少景观小品数量。"
                ),
                approval_number="示建复〔2024〕52号",
                approving_unit=HOUSING,
            ),
            record(
                QUALITY,
                d(2025, 3, 25),
                "滨河公园（二期）建设工程质量安全监督检查情况",
                p("县建设工程质量安全服务中心对项目园路、苗木栽植和游乐设施基础开展监督检查。"),
                after=4,
                inspection_unit=SAFETY_CENTRE,
                inspection_result="园路基层压实度和苗木规格符合设计要求，未发现安全隐患。",
            ),
            record(
                COMPLETION,
                d(2025, 6, 18),
                "滨河公园（二期）建设工程竣工验收",
                p("6月18日，建设单位组织参建各方对项目进行竣工验收，公园于6月28日起向市民开放。"),
                after=4,
                acceptance_result="验收合格，同意交付使用",
            ),
            record(
                COMPLETION,
                d(2025, 9, 24),
                "滨河公园（二期）建设工程竣工决算审计结果",
                p("经县审计局审计，项目竣工决算3512.46万元。"),
                after=5,
                final_cost=D("3512.46"),
            ),
        ],
    },
    # 12. Completed in 2026.
    {
        "slug": "hekou-rural-roads",
        "title": "河口乡农村公路提档升级工程",
        "project_code": "2501-379901-04-02-173058",
        "project_type": "道路交通",
        "plan_year": 2025,
        "district": "河口乡",
        "address": "河口乡张庄村至李家洼村等9条线路",
        "latitude": None,
        "longitude": None,
        "owner_unit": "示范县河口乡人民政府",
        "total_investment": D("2860"),
        "planned_start": d(2025, 9, 1),
        "planned_completion": d(2026, 6, 30),
        "actual_start": d(2025, 9, 16),
        "actual_completion": d(2026, 6, 12),
        "current_stage": COMPLETION,
        "not_applicable_stages": [LAND, DESIGN],
        "agency": "hekou",
        "category": ("城乡建设、环境保护", "城乡建设（含住房）"),
        "summary": p(
            "对河口乡9条、共32.6公里农村公路实施提档升级，路面由4.5米加宽至6米，完善排水边沟、"
            "错车道、安全防护设施和标志标线。",
            "项目沿原有路线加宽，占用土地均为村内道路两侧的集体建设用地，不涉及征收土地。",
        ),
        "records": [
            record(
                SERVICES,
                d(2025, 2, 18),
                "河口乡农村公路提档升级工程可行性研究报告审批事项受理",
                p("2月18日，县发展和改革局受理河口乡人民政府报送的项目可行性研究报告。"),
                after=3,
                service_item=FEASIBILITY,
                handling_unit=DRC,
            ),
            record(
                RESULTS,
                d(2025, 4, 8),
                "关于河口乡农村公路提档升级工程可行性研究报告的批复",
                p(
                    "同意实施河口乡农村公路提档升级工程。项目总投资2860万元，资金来源为车购税补助"
                    "资金和县乡财政资金。"
                ),
                approval_result="同意建设",
                approval_number="示发改投资〔2025〕52号",
                approving_unit=DRC,
            ),
            record(
                TENDERING,
                d(2025, 7, 25),
                "河口乡农村公路提档升级工程施工中标结果公示",
                p("中标人为示州市交通工程有限公司，中标价2581.30万元，工期270日历天。"),
                after=3,
                tender_method="open",
                winning_bidder="示州市交通工程有限公司",
                contract_amount=D("2581.30"),
            ),
            record(
                CONSTRUCTION,
                d(2025, 9, 16),
                "河口乡农村公路提档升级工程开工",
                p("项目于2025年9月16日开工，9条线路分段施工，每段施工期间保留单车道通行。"),
                after=3,
                contractor="示州市交通工程有限公司",
                supervisor=SUPERVISOR_ZHENGHENG,
            ),
            record(
                QUALITY,
                d(2025, 11, 12),
                "河口乡农村公路提档升级工程质量监督抽检情况",
                p("县建设工程质量安全服务中心对已完成的路面基层和水泥混凝土面层进行抽检。"),
                after=4,
                inspection_unit=SAFETY_CENTRE,
                inspection_result="抽检路段压实度、面层厚度和弯拉强度全部合格。",
            ),
            record(
                COMPLETION,
                d(2026, 6, 12),
                "河口乡农村公路提档升级工程交工验收",
                p("6月12日，河口乡人民政府组织参建单位对9条线路进行交工验收，全部线路已通车。"),
                after=4,
                acceptance_result="交工验收合格",
            ),
            record(
                COMPLETION,
                d(2026, 9, 18),
                "河口乡农村公路提档升级工程竣工验收及决算情况",
                p("项目已通过竣工验收。经县审计局审计，项目竣工决算2736.85万元。"),
                after=5,
                acceptance_result="竣工验收合格",
                final_cost=D("2736.85"),
            ),
        ],
    },
]


def project_types():
    """The names of the project types the demo uses, in the order first used."""
    return list(dict.fromkeys(spec["project_type"] for spec in PROJECTS))


def publication_date(spec):
    """A project is published with its first record."""
    return min(r["disclosure_date"] for r in spec["records"])


# Generated photos


PICTURE_SIZE = (960, 540)


def picture(scene: str) -> bytes:
    """A simple drawing of ``scene`` ("road" or "construction") as PNG: the same every run."""
    from PIL import Image, ImageDraw

    width, height = PICTURE_SIZE
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    horizon = 300
    for y in range(horizon):  # sky, lighter towards the horizon
        t = y / horizon
        draw.line([(0, y), (width, y)], fill=(int(110 + 110 * t), int(165 + 70 * t), 235))
    for i, (x, w, h) in enumerate(((40, 110, 120), (170, 80, 170), (270, 130, 90), (700, 90, 150))):
        shade = 150 + 12 * i
        draw.rectangle([x, horizon - h, x + w, horizon], fill=(shade, shade, shade + 10))
        for wy in range(horizon - h + 12, horizon - 10, 22):
            for wx in range(x + 10, x + w - 12, 20):
                draw.rectangle([wx, wy, wx + 8, wy + 10], fill=(235, 230, 190))
    if scene == "road":
        draw.rectangle([0, horizon, width, height], fill=(112, 160, 92))
        draw.polygon(
            [(420, horizon), (540, horizon), (900, height), (60, height)], fill=(58, 60, 66)
        )
        for k in range(6):  # lane markings, longer towards the viewer
            y0 = horizon + 8 + k * k * 7
            y1 = y0 + 6 + 3 * k
            draw.rectangle([478 - k, y0, 482 + k, y1], fill=(245, 245, 245))
        for k in range(5):  # trees along both sides
            for side in (-1, 1):
                x = 480 + side * (90 + 85 * k)
                y = horizon + 25 + 45 * k
                r = 14 + 6 * k
                draw.rectangle([x - 3, y, x + 3, y + r], fill=(96, 70, 48))
                draw.ellipse([x - r, y - 2 * r, x + r, y + 4], fill=(46, 122, 60))
    else:
        draw.rectangle([0, horizon, width, height], fill=(176, 150, 112))
        left, top, floors = 380, 120, 6
        floor = (horizon + 40 - top) // floors
        for f in range(floors + 1):  # slabs and columns of the frame
            y = top + f * floor
            draw.rectangle([left, y, left + 320, y + 8], fill=(190, 190, 185))
        for x in range(left, left + 321, 64):
            draw.rectangle([x, top, x + 10, horizon + 40], fill=(170, 170, 165))
        draw.rectangle([300, 40, 312, horizon + 60], fill=(230, 170, 30))  # tower crane
        draw.rectangle([200, 40, 640, 52], fill=(230, 170, 30))
        draw.line([(560, 52), (560, 150)], fill=(60, 60, 60), width=2)
        draw.rectangle([545, 150, 575, 165], fill=(120, 90, 60))
        draw.rectangle([0, horizon + 150, width, horizon + 170], fill=(0, 110, 170))  # hoarding
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
