"""Demo content of the standardized-disclosure topic: 示范县's standard catalogue.

Every one of the 26 domains has items; most items have something attached (pages of the demo
chosen by hand, the documents of a theme category by rule, or an address on a national platform),
and a few are deliberately left empty, stale or linked to content that is not public, so that the
coverage report has findings to show. A community catalogue of 城关镇 points to the county items.

Items are found by catalogue, domain and their two item names, so loading twice changes nothing.
"""

import datetime

CATALOGUE = {"name": "示范县基层政务公开标准目录（2026年版）", "agency": "county"}
VILLAGE_CATALOGUE = {"name": "城关镇东关社区居务公开目录", "agency": "chengguan"}

TOPIC = {
    "slug": "bzhgf",
    "title": "基层政务公开标准化规范化专题",
    "intro": (
        "<p>按照基层政务公开标准化规范化工作要求，示范县对照26个试点领域编制了标准目录，"
        "逐项明确公开内容、依据、时限、主体、渠道、对象、方式和层级。点击领域名称，"
        "可查看该领域的全部公开事项和已经公开的信息。</p>"
    ),
}

CHANNELS = "政府网站 政务新媒体 政务公开专区"
CHANNELS_GRASSROOTS = "政府网站 政务公开专区 村（社区）公示栏"
EVENT = "信息形成或变更之日起20个工作日内"


def item(level1, level2, content, basis, body, **extra):
    return {
        "level1": level1,
        "level2": level2,
        "content": content,
        "legal_basis": basis,
        "responsible_body": body,
        "time_limit": extra.pop("time_limit", EVENT),
        "channels": extra.pop("channels", CHANNELS),
        "audience": extra.pop("audience", "everyone"),
        "method": extra.pop("method", "proactive"),
        "level_county": extra.pop("county", True),
        "level_township": extra.pop("township", False),
        "update_interval_days": extra.pop("every", None),
        "attach": extra.pop("attach", []),
        "rule": extra.pop("rule", None),
        "rule_kind": extra.pop("kind", ""),
        **extra,
    }


def page(slug, title=""):
    """Attach the demo page with this slug (found anywhere under the portal)."""
    return {"page": slug, "title": title}


def outside(url, title, date):
    return {"url": url, "title": title, "date": date}


D = datetime.date

# (domain, [items]) in the order of the national programme.
# fmt: off
DOMAINS = [
    ("城乡规划", [
        item("规划编制", "国土空间总体规划",
             "规划批准文件、规划文本和图件（涉密内容除外）",
             "《中华人民共和国城乡规划法》《中华人民共和国土地管理法》",
             "县自然资源局", attach=[outside(
                 "https://www.mnr.gov.cn/", "自然资源部国土空间规划公开平台", D(2026, 5, 20))]),
        item("规划许可", "建设工程规划许可证核发",
             "项目名称、建设单位、建设位置、建设规模、许可证号、批准时间",
             "《中华人民共和国城乡规划法》", "县自然资源局",
             rule=("城乡建设、环境保护", "城乡建设（含住房）")),
    ]),
    ("重大建设项目", [
        item("批准服务信息", "申报要求和办理流程",
             "项目审批、核准、备案的申报材料、办理流程、办理时限、受理机构联系方式",
             "《国务院办公厅关于推进重大建设项目批准和实施领域政府信息公开的意见》",
             "县发展改革局", attach=[page("zdxm")]),
        item("实施信息", "项目建设进度和竣工验收",
             "项目开工、建设进度、竣工验收情况，施工和监理单位",
             "《国务院办公厅关于推进重大建设项目批准和实施领域政府信息公开的意见》",
             "县发展改革局、项目主管部门", rule=("国民经济管理、国有资产监管", "发展规划")),
    ]),
    ("公共资源交易", [
        item("政府采购", "采购意向和采购公告",
             "采购项目名称、采购需求概况、预算金额、预计采购时间",
             "《中华人民共和国政府采购法》《中华人民共和国政府采购法实施条例》",
             "县财政局、采购人", time_limit="采购活动开始前30日内",
             attach=[outside(
                 "http://www.ccgp.gov.cn/", "中国政府采购网示范县专栏", D(2026, 10, 9))]),
        item("工程建设项目招标投标", "中标候选人公示",
             "中标候选人名称、排序、投标报价、质量和工期承诺、异议渠道",
             "《中华人民共和国招标投标法实施条例》", "县公共资源交易中心",
             time_limit="收到评标报告之日起3日内",
             rule=("城乡建设、环境保护", "城乡建设（含住房）"), kind="project"),
    ]),
    ("财政预决算", [
        item("政府预决算", "政府预算和决算",
             "一般公共预算、政府性基金预算、国有资本经营预算、社会保险基金预算及说明",
             "《中华人民共和国预算法》", "县财政局",
             time_limit="批准后20日内", every=366, attach=[outside(
                 "https://www.mof.gov.cn/", "示范县2025年财政决算公开表", D(2025, 8, 12))]),
        item("部门预决算", "部门预算和决算",
             "部门收支总表、财政拨款收支表、“三公”经费支出表及说明",
             "《中华人民共和国预算法》《地方预决算公开操作规程》", "县直各部门",
             time_limit="财政部门批复后20日内", every=366,
             rule=("国民经济管理、国有资产监管", "经济运行"), kind="document"),
    ]),
    ("安全生产", [
        item("安全生产监管", "执法检查计划和结果",
             "年度监督检查计划、检查对象、检查结果、处罚决定",
             "《中华人民共和国安全生产法》", "县应急管理局",
             attach=[page("2026-flood-season-safety")]),
        item("事故调查处理", "生产安全事故调查报告",
             "事故基本情况、原因、责任认定、处理建议和整改措施",
             "《生产安全事故报告和调查处理条例》", "县人民政府、县应急管理局",
             time_limit="报告批复之日起20个工作日内", rule=("综合政务", "应急管理")),
    ]),
    ("税收管理", [
        item("税收政策", "减税降费政策和办税指南",
             "税费优惠政策、办税流程、办税服务厅地址和时间",
             "《中华人民共和国税收征收管理法》", "国家税务总局示范县税务局",
             attach=[outside(
                 "https://www.chinatax.gov.cn/", "国家税务总局办税指南", D(2026, 4, 1))]),
    ]),
    ("征地补偿", [
        item("征地信息", "征收土地预公告和补偿安置方案",
             "征收范围、土地现状、征收目的、补偿标准、安置方式、社会保障",
             "《中华人民共和国土地管理法》《中华人民共和国土地管理法实施条例》",
             "县人民政府、县自然资源局", channels=CHANNELS_GRASSROOTS,
             audience="specific", township=True),
    ]),
    ("国有土地上房屋征收与补偿", [
        item("征收决定", "房屋征收决定和补偿方案",
             "征收决定、征收范围、补偿方案、行政复议和行政诉讼权利",
             "《国有土地上房屋征收与补偿条例》", "县住房城乡建设局",
             attach=[page("2026-old-residential-renovation")]),
        item("补偿结果", "分户补偿情况",
             "被征收人补偿金额、安置房源（在征收范围内公布）",
             "《国有土地上房屋征收与补偿条例》", "县住房城乡建设局",
             audience="specific", channels="征收范围内公示栏"),
    ]),
    ("环境保护", [
        item("环境质量", "空气和水环境质量状况",
             "空气质量月报、集中式饮用水水源水质状况",
             "《中华人民共和国环境保护法》", "县生态环境局",
             time_limit="每月10日前", every=31, attach=[page("2026-q3-air-quality")]),
        item("环境影响评价", "建设项目环评审批",
             "受理情况、拟审批公示、审批决定",
             "《中华人民共和国环境影响评价法》", "县生态环境局",
             rule=("城乡建设、环境保护", "环境监测、保护与治理")),
    ]),
    ("公共卫生", [
        item("疾病防控", "传染病疫情和防控信息",
             "法定传染病疫情、预防接种安排、健康提示",
             "《中华人民共和国传染病防治法》《突发公共卫生事件应急条例》",
             "县卫生健康局", time_limit="每月", every=31, rule=("卫生、体育", "卫生")),
        item("医疗服务", "医疗机构执业信息",
             "医疗机构名称、地址、诊疗科目、执业许可情况",
             "《医疗机构管理条例》", "县卫生健康局", rule=("卫生、体育", "医药管理")),
    ]),
    ("社会救助", [
        item("最低生活保障", "审核确认结果",
             "保障对象姓名（隐去身份证号）、所在村（社区）、保障人数、保障金额",
             "《社会救助暂行办法》《最低生活保障审核确认办法》",
             "县民政局、乡镇人民政府", channels=CHANNELS_GRASSROOTS, township=True,
             time_limit="每季度", every=92, attach=[outside(
                 "https://www.mca.gov.cn/", "2026年第一季度城乡低保对象公示", D(2026, 4, 15))]),
        item("特困人员救助供养", "救助供养政策和标准",
             "认定条件、供养标准、申请程序、办理机构",
             "《社会救助暂行办法》《特困人员认定办法》", "县民政局"),
        item("临时救助", "救助对象和救助金额",
             "救助对象、救助事由、救助金额（隐去个人隐私信息）",
             "《社会救助暂行办法》", "县民政局、乡镇人民政府",
             channels=CHANNELS_GRASSROOTS, township=True,
             # deliberately linked to a page that no longer exists
             attach=[page("2025-temporary-relief-list", "临时救助对象名单（已撤回）")]),
    ]),
    ("养老服务", [
        item("养老服务机构", "机构名录和服务项目",
             "养老机构名称、地址、床位数、收费标准、服务项目",
             "《中华人民共和国老年人权益保障法》《养老机构管理办法》", "县民政局",
             attach=[page("elderly-meals-and-medical-alliance", "养老助餐和医联体建设议题")]),
        item("老年人福利", "高龄津贴发放",
             "发放对象、发放标准、发放情况",
             "《中华人民共和国老年人权益保障法》", "县民政局、乡镇人民政府",
             channels=CHANNELS_GRASSROOTS, township=True, every=92, time_limit="每季度"),
    ]),
    ("户籍管理", [
        item("户口办理", "户口迁移和登记办事指南",
             "办理条件、所需材料、办理流程、办理时限、办理地点",
             "《中华人民共和国户口登记条例》", "县公安局",
             attach=[page("chengguan-disclosure-community-day")]),
    ]),
    ("涉农补贴", [
        item("补贴政策", "惠农补贴政策清单",
             "补贴项目、补贴对象、补贴标准、申报程序",
             "《中华人民共和国农业法》及国家惠民惠农财政补贴政策", "县农业农村局、县财政局",
             channels=CHANNELS_GRASSROOTS, township=True, attach=[outside(
                 "https://www.moa.gov.cn/", "2026年国家强农惠农富农政策措施", D(2026, 5, 8))]),
        item("补贴发放", "耕地地力保护补贴发放结果",
             "补贴对象、补贴面积、补贴金额（在村内公示）",
             "国家惠民惠农财政补贴资金“一卡通”管理规定", "县农业农村局、乡镇人民政府",
             audience="specific", channels="村（社区）公示栏", township=True,
             time_limit="每年", every=366),
    ]),
    ("就业", [
        item("就业服务", "招聘信息和职业培训",
             "用人单位招聘信息、职业技能培训项目、补贴标准",
             "《中华人民共和国就业促进法》", "县人力资源社会保障局",
             rule=("国民经济管理、国有资产监管", "经济运行"), kind="document"),
        item("就业援助", "公益性岗位招用",
             "岗位数量、招用条件、招用结果",
             "《中华人民共和国就业促进法》", "县人力资源社会保障局"),
    ]),
    ("社会保险", [
        item("参保服务", "城乡居民养老保险缴费档次",
             "缴费档次、政府补贴标准、缴费时间和渠道",
             "《中华人民共和国社会保险法》", "县人力资源社会保障局、县医疗保障局",
             time_limit="每年", every=366, rule=("综合政务", "政务公开")),
    ]),
    ("扶贫", [
        item("巩固拓展脱贫攻坚成果", "衔接资金项目",
             "项目名称、实施地点、资金规模、实施单位、带贫减贫机制",
             "《中共中央 国务院关于实现巩固拓展脱贫攻坚成果同乡村振兴有效衔接的意见》",
             "县乡村振兴局", channels=CHANNELS_GRASSROOTS, township=True,
             rule=("国民经济管理、国有资产监管", "发展规划"), kind="document"),
    ]),
    ("救灾", [
        item("灾害救助", "救灾款物管理使用",
             "救灾款物来源、数量、发放对象、发放标准",
             "《自然灾害救助条例》", "县应急管理局、县民政局",
             attach=[page("2026-flood-season-safety", "汛期受灾群众救助安排")]),
    ]),
    ("食品药品监管", [
        item("监督抽检", "食品安全监督抽检结果",
             "抽检食品名称、被抽检单位、检验结果、不合格项目",
             "《中华人民共和国食品安全法》", "县市场监督管理局",
             time_limit="每季度", every=92),
        item("药品监管", "药品零售企业检查结果",
             "检查对象、检查发现的问题、处理措施",
             "《中华人民共和国药品管理法》", "县市场监督管理局",
             attach=[page("2026-clinic-drug-safety-inspection")]),
    ]),
    ("城市综合执法", [
        item("执法公示", "行政处罚决定",
             "执法机关、处罚对象、违法事实、处罚依据、处罚结果",
             "《中华人民共和国行政处罚法》", "县综合行政执法局",
             time_limit="作出决定之日起7个工作日内",
             # deliberately linked to an article that is disclosed on application only
             attach=[page("2026-construction-firm-qualification-check")]),
    ]),
    ("义务教育", [
        item("招生入学", "招生政策和学区划分",
             "招生范围、招生计划、报名时间、所需材料",
             "《中华人民共和国义务教育法》", "县教育局",
             attach=[page("2026-autumn-enrolment")], rule=("科技、教育", "教育")),
    ]),
    ("保障性住房", [
        item("保障性租赁住房", "房源和分配结果",
             "房源位置、套数、租金标准、分配对象和结果",
             "《公共租赁住房管理办法》", "县住房城乡建设局",
             rule=("城乡建设、环境保护", "城乡建设（含住房）"), kind="document"),
    ]),
    ("农村危房改造", [
        item("改造对象", "改造对象认定结果",
             "改造对象姓名、所在村、改造方式、补助金额",
             "农村危房改造中央补助资金管理规定", "县住房城乡建设局、乡镇人民政府",
             audience="specific", channels=CHANNELS_GRASSROOTS, township=True,
             rule=("城乡建设、环境保护", "城乡建设（含住房）"), kind="project"),
    ]),
    ("市政服务", [
        item("供水供气", "停水停气通知",
             "停水停气原因、时间、影响范围、联系电话",
             "《城市供水条例》《城镇燃气管理条例》", "县住房城乡建设局、公用事业单位",
             time_limit="计划停水停气前24小时",
             attach=[page("gas-pipeline-renewal", "老旧燃气管网更新改造征求意见")]),
    ]),
    ("公共文化服务", [
        item("公共文化设施", "场馆开放和免费服务项目",
             "图书馆、文化馆、博物馆开放时间、免费服务项目和活动安排",
             "《中华人民共和国公共文化服务保障法》", "县文化和旅游局",
             attach=[page("county-cultural-centre")]),
    ]),
    ("公共法律服务", [
        item("法律援助", "法律援助申请指南",
             "援助范围、申请条件、所需材料、受理机构",
             "《中华人民共和国法律援助法》", "县司法局",
             attach=[page("2026-disclosure-work-plan", "县司法局2026年法律援助工作安排")]),
        item("人民调解", "调解组织名录",
             "人民调解委员会名称、地址、联系电话",
             "《中华人民共和国人民调解法》", "县司法局",
             channels=CHANNELS_GRASSROOTS, township=True),
    ]),
]

# fmt: on

# The community catalogue of 城关镇东关社区: (domain, level1, level2, county item (level1, level2)).
VILLAGE_ITEMS = [
    ("社会救助", "低保", "本社区低保对象公示", ("最低生活保障", "审核确认结果")),
    ("社会救助", "临时救助", "本社区临时救助情况", ("临时救助", "救助对象和救助金额")),
    ("养老服务", "高龄津贴", "本社区高龄津贴发放名单", ("老年人福利", "高龄津贴发放")),
    ("公共法律服务", "人民调解", "社区人民调解委员会", ("人民调解", "调解组织名录")),
]

VILLAGE_CHANNELS = "社区公示栏 社区微信群"


def _p(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


# fmt: off
GUIDE = {
    "slug": "gkzn",
    "title": "示范县人民政府信息公开指南",
    "agency": "county",
    "intro": _p(
        "为了更好地为公民、法人和其他组织获取政府信息提供服务，根据《中华人民共和国政府信息公开条例》，"
        "编制本指南。需要获得本机关政府信息服务的，建议仔细阅读本指南。"
    ),
    "body": [
        ("contacts", {"include_units": True, "note": _p(
            "县人民政府办公室是本级政府信息公开工作机构，负责受理向县人民政府提出的政府信息公开申请。"
            "县政府各部门和各乡镇的政府信息，请向该部门、乡镇提出申请。")}),
        ("proactive", {"note": _p(
            "主动公开的政府信息，一般自信息形成或者变更之日起20个工作日内公开。"
            "公众可以通过县政府网站、政务新媒体和县政务服务中心政府信息查阅点获取。")}),
        ("text", _p(
            "县政务服务中心一楼设有政府信息查阅点，配备查阅设备，工作日可现场查阅主动公开的政府信息，"
            "工作人员可协助老年人和残疾人查阅。")),
        ("application", {}),
        ("fees", {}),
        ("remedies", {
            "reconsideration_body": "示范市人民政府",
            "court": "示范市中级人民法院",
            "complaints": "示范市人民政府办公室（市政务公开办公室）",
        }),
        ("text", _p(
            "本指南自发布之日起施行，公开工作机构、地址或联系电话发生变化的，将及时更新。")),
    ],
}

# fmt: on

CATALOGUE_PAGE = {
    "slug": "gkml",
    "title": "政府信息公开目录",
    "intro": _p(
        "本目录按主题分类和发布机构列出示范县人民政府主动公开的全部政府信息，可以按分类、机构、"
        "信息类型、年份和关键词查找。"
    ),
}
