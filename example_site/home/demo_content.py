"""The demo portal of 示范县人民政府, a fictional county government.

Every name, number and event here is made up for the demo. Records are keyed on stable values
(credit codes, category names, page slugs, document titles) so that ``load_demo_content`` can
compare what exists with what is wanted and change only what differs. The few hundred documents
of the policy document library are generated in ``demo_documents``.
"""

import datetime

from stdnum.cn import uscc

COUNTY = "示范县"
HOME_TITLE = "示范县人民政府"

# Region code of the fictional county: province 37 exists, prefecture 99 does not.
REGION_CODE = "379901"

_ORG_CODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_ORG_CODE_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def organisation_code(body: str) -> str:
    """The 9-character organisation code (GB 11714) for an 8-character ``body``."""
    total = sum(
        _ORG_CODE_CHARS.index(ch) * w for ch, w in zip(body, _ORG_CODE_WEIGHTS, strict=True)
    )
    check = 11 - total % 11
    return body + {10: "X", 11: "0"}.get(check, str(check))


def credit_code(org_body: str) -> str:
    """A unified social credit code for a government organ (机关, ``11``) of the county."""
    first17 = "11" + REGION_CODE + organisation_code(org_body)
    return first17 + uscc.calc_check_digit(first17)


HOURS_GOVERNMENT = (
    "工作日 上午8:30—12:00\n"
    "夏季（5月1日—9月30日）下午14:30—18:00\n"
    "冬季（10月1日—次年4月30日）下午14:00—17:30\n"
    "法定节假日除外"
)
HOURS_OFFICE = "工作日 上午8:30—12:00，下午14:00—17:30（法定节假日除外）"

# key, name, short name, organisation-code body, parent key, address, phone, office hours
# fmt: off
AGENCIES = [
    ("county", "示范县人民政府", "县政府", "00421101", None,
     "示范县政通路88号", "0530-6121001", HOURS_GOVERNMENT),
    ("office", "示范县人民政府办公室", "县政府办", "00421102", "county",
     "示范县政通路88号", "0530-6121002", HOURS_GOVERNMENT),
    ("development", "示范县发展和改革局", "县发展改革局", "00421103", "county",
     "示范县人民路126号", "0530-6122035", HOURS_OFFICE),
    ("education", "示范县教育局", "县教育局", "00421104", "county",
     "示范县文昌路19号", "0530-6127201", HOURS_OFFICE),
    ("health", "示范县卫生健康局", "县卫生健康局", "00421105", "county",
     "示范县健康路56号", "0530-6128120", HOURS_OFFICE),
    ("environment", "示范县生态环境局", "县生态环境局", "00421106", "county",
     "示范县滨河东路203号", "0530-6126369", HOURS_OFFICE),
    ("housing", "示范县住房和城乡建设局", "县住房城乡建设局", "00421107", "county",
     "示范县建设路77号", "0530-6123300", HOURS_OFFICE),
    ("chengguan", "示范县城关镇人民政府", "城关镇", "00421108", "county",
     "示范县城关镇府前街9号", "0530-6129001", HOURS_OFFICE),
    ("hekou", "示范县河口乡人民政府", "河口乡", "00421109", "county",
     "示范县河口乡振兴路1号", "0530-6185001", HOURS_OFFICE),
]
# fmt: on

# (top-level name, [subcategory names]), in display order.
THEME_CATEGORIES = [
    ("综合政务", ["政务公开", "应急管理", "政务督查"]),
    ("国民经济管理、国有资产监管", ["发展规划", "经济运行"]),
    ("城乡建设、环境保护", ["城乡建设（含住房）", "环境监测、保护与治理"]),
    ("科技、教育", ["教育"]),
    ("卫生、体育", ["医药管理", "卫生"]),
]

HOME_INTRO = (
    "<p>示范县地处平原腹地，总面积约1120平方公里，辖8个镇、4个乡，常住人口约42万人。"
    "县人民政府坚持依法行政，全面推进政务公开，欢迎社会各界通过本网站了解政府工作、"
    "提出意见建议。</p>"
)

PORTAL = {
    "slug": "xxgk",
    "title": "政府信息公开",
    "agency": "county",
    "intro": (
        "<p>本平台依据《中华人民共和国政府信息公开条例》设立，集中发布示范县人民政府及其"
        "工作部门、各乡镇人民政府主动公开的政府信息。</p>"
        "<p>需要获取未主动公开的政府信息的，可以向示范县人民政府办公室提出政府信息公开申请。</p>"
    ),
}


def _air_quality_rows():
    """Daily air quality of 2026 Q3: 78 good days, 13 lightly and 1 moderately polluted."""
    light = (
        {datetime.date(2026, 7, d) for d in (9, 10, 21, 22, 28)}
        | {datetime.date(2026, 8, d) for d in (3, 4, 14, 15, 26)}
        | {datetime.date(2026, 9, d) for d in (6, 18, 19)}
    )
    moderate = {datetime.date(2026, 7, 29)}
    rows = []
    day = datetime.date(2026, 7, 1)
    for i in range(92):
        if day in moderate:
            aqi, level, pollutant = 163, "中度污染", "臭氧"
        elif day in light:
            aqi, level, pollutant = 104 + (i * 7) % 40, "轻度污染", "臭氧"
        else:
            aqi = 32 + (i * 23) % 66
            level = "优" if aqi <= 50 else "良"
            pollutant = "—" if aqi <= 50 else ("细颗粒物" if day.month == 9 and i % 3 else "臭氧")
        rows.append(f"{day:%Y-%m-%d},{aqi},{level},{pollutant}")
        day += datetime.timedelta(days=1)
    return rows


AIR_QUALITY_CSV = (
    "\ufeff日期,空气质量指数（AQI）,空气质量级别,首要污染物\r\n"
    + "\r\n".join(_air_quality_rows())
    + "\r\n"
).encode("utf-8")

DOCUMENTS = {
    "air-quality-2026q3": {
        "title": "示范县2026年第三季度环境空气质量日报数据",
        "filename": "shifanxian-2026q3-air-quality.csv",
        "content": AIR_QUALITY_CSV,
    },
}


def p(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def h2(text):
    return f"<h2>{text}</h2>"


# Body blocks: ("paragraph", html), ("facts", [(label, value), ...]), ("attachment", key).
ARTICLES = [
    {
        "slug": "2026-disclosure-work-plan",
        "title": "示范县人民政府办公室关于印发《示范县2026年政务公开工作要点》的通知",
        "agency": "office",
        "category": ("综合政务", "政务公开"),
        "date": datetime.date(2026, 3, 18),
        "summary": (
            "县政府办公室印发2026年政务公开工作要点，从政策发布解读、重点领域信息公开、"
            "基层政务公开标准化规范化和监督保障四个方面部署全年工作。"
        ),
        "body": [
            (
                "paragraph",
                p(
                    "各乡镇人民政府，县政府各部门、各直属机构：",
                    "《示范县2026年政务公开工作要点》已经县政府同意，现印发给你们，"
                    "请结合实际认真抓好落实。",
                )
                + h2("一、加强政策发布解读")
                + p(
                    "各部门起草的行政规范性文件，应当自印发之日起20个工作日内在县政府门户网站"
                    "主动公开。政策解读材料与文件同步组织、同步审签、同步部署，原则上在文件"
                    "公开后3个工作日内发布。"
                )
                + h2("二、深化重点领域信息公开")
                + p(
                    "围绕重大建设项目、公共资源配置、社会公益事业建设等领域，严格对照标准目录，"
                    "做好项目审批、招标投标、施工建设、竣工验收等全流程信息公开。"
                )
                + h2("三、推进基层政务公开标准化规范化")
                + p(
                    "各乡镇要对照县级标准目录编制本级公开事项清单，年内完成便民服务中心政务公开"
                    "专区建设，为群众提供查阅、咨询和申请服务。"
                )
                + h2("四、强化监督保障")
                + p(
                    "县政府办公室每季度对各单位政务公开工作开展检查并通报结果，检查情况纳入年度"
                    "综合考核。各单位要明确一名分管负责同志和一名工作人员具体负责，人员变动时"
                    "及时报备。"
                ),
            ),
        ],
    },
    {
        "slug": "2026-flood-season-safety",
        "title": "示范县人民政府办公室关于做好2026年汛期安全防范工作的通知",
        "agency": "office",
        "category": ("综合政务", "应急管理"),
        "date": datetime.date(2026, 5, 26),
        "summary": (
            "县政府办公室部署2026年汛期安全防范工作，要求压实防汛责任、加强隐患排查和"
            "值班值守，确保安全度汛。"
        ),
        "body": [
            (
                "paragraph",
                p(
                    "各乡镇人民政府，县政府各部门：",
                    "据气象部门预测，今年我县汛期降水总体偏多，局地强降雨和雷暴大风等强对流"
                    "天气发生概率较高。为切实做好汛期安全防范工作，现就有关事项通知如下。",
                )
                + h2("一、压实防汛责任")
                + p(
                    "严格落实以行政首长负责制为核心的防汛责任制，县级领导包乡镇、乡镇干部包村、"
                    "村干部包户，河道、水库、山塘和地质灾害隐患点逐一明确责任人。"
                )
                + h2("二、开展隐患排查整治")
                + p(
                    "6月15日前，各乡镇和水利、住建、交通运输等部门要完成对堤防、水库、在建工程、"
                    "危旧房屋和低洼易涝区域的全面排查，建立问题清单，能立即整改的立即整改。"
                )
                + h2("三、做好预警和转移避险")
                + p(
                    "收到暴雨预警后，各乡镇要通过应急广播、短信和网格员上门等方式把预警信息传达"
                    "到户到人，提前转移受威胁群众，确保转移安置点有饮水、食品和基本医疗保障。"
                )
                + h2("四、严格值班值守")
                + p(
                    "汛期实行24小时领导带班和专人值班制度。发生险情灾情要第一时间报告县防汛抗旱"
                    "指挥部办公室（值班电话：0530-6125110），不得迟报、漏报、瞒报。"
                ),
            ),
        ],
    },
    {
        "slug": "2026-key-projects-meeting",
        "title": "县发展和改革局召开2026年重点项目建设推进会",
        "agency": "development",
        "category": ("国民经济管理、国有资产监管", "发展规划"),
        "date": datetime.date(2026, 4, 9),
        "summary": (
            "县发展和改革局召开全县重点项目建设推进会，通报一季度项目进展，协调解决用地、"
            "环评和审批等方面问题。"
        ),
        "body": [
            (
                "paragraph",
                p(
                    "4月8日，县发展和改革局组织召开2026年重点项目建设推进会，县直有关部门、"
                    "各乡镇分管负责同志参加会议。",
                    "会议通报了一季度全县重点项目建设情况。今年我县共安排县级重点项目36个，"
                    "计划总投资58.6亿元，年度计划投资17.2亿元。截至3月底，已开工项目14个，"
                    "完成投资4.1亿元，占年度计划的23.8%。",
                ),
            ),
            (
                "facts",
                [
                    ("县级重点项目", "36个"),
                    ("计划总投资", "58.6亿元"),
                    ("年度计划投资", "17.2亿元"),
                    ("一季度已开工项目", "14个"),
                    ("一季度完成投资", "4.1亿元，占年度计划的23.8%"),
                ],
            ),
            (
                "paragraph",
                p(
                    "会上，各项目责任单位逐一汇报了项目进度和存在的困难。县发展和改革局会同自然"
                    "资源、住房城乡建设、生态环境等部门，现场研究解决用地报批、环评审批等问题9个。",
                    "会议要求，各单位要坚持“一个项目、一名领导、一套班子、一抓到底”工作机制，"
                    "倒排工期、挂图作战，确保二季度末重点项目开工率达到80%以上。",
                ),
            ),
        ],
    },
    {
        "slug": "2026-q3-air-quality",
        "title": "示范县2026年第三季度环境空气质量状况",
        "agency": "environment",
        "category": ("城乡建设、环境保护", "环境监测、保护与治理"),
        "date": datetime.date(2026, 10, 15),
        "summary": (
            "2026年第三季度，全县环境空气质量优良天数78天，优良天数比例为84.8%，"
            "细颗粒物（PM2.5）平均浓度为26微克/立方米。"
        ),
        "body": [
            (
                "paragraph",
                p(
                    "根据县城区空气质量自动监测站数据，现将2026年第三季度全县环境空气质量状况"
                    "公布如下。",
                    "第三季度，全县环境空气质量优良天数78天，同比增加5天；轻度污染13天，"
                    "中度污染1天，无重度及以上污染天气。细颗粒物（PM2.5）平均浓度为26微克/立方米，"
                    "同比下降10.3%；可吸入颗粒物（PM10）平均浓度为49微克/立方米，同比下降7.5%。",
                ),
            ),
            (
                "facts",
                [
                    ("优良天数", "78天（同比增加5天）"),
                    ("优良天数比例", "84.8%"),
                    ("轻度污染天数", "13天"),
                    ("中度污染天数", "1天"),
                    ("PM2.5平均浓度", "26微克/立方米（同比下降10.3%）"),
                    ("PM10平均浓度", "49微克/立方米（同比下降7.5%）"),
                    ("超标天首要污染物", "臭氧"),
                ],
            ),
            (
                "paragraph",
                p(
                    "从污染特征看，夏季高温少雨时段臭氧污染较为突出，超标天数均以臭氧为首要"
                    "污染物。下一步，县生态环境局将加强挥发性有机物排放企业监管，督促重点行业"
                    "企业错峰生产，持续推进空气质量改善。",
                    "各日监测数据见附件。",
                ),
            ),
            ("attachment", "air-quality-2026q3"),
        ],
    },
    {
        "slug": "2026-autumn-enrolment",
        "title": "示范县教育局关于2026年秋季义务教育阶段学校招生工作的通告",
        "agency": "education",
        "category": ("科技、教育", "教育"),
        "date": datetime.date(2026, 6, 20),
        "summary": (
            "2026年秋季义务教育阶段学校招生坚持免试就近入学，7月1日至7月10日网上报名，"
            "8月10日前公布录取结果。"
        ),
        "body": [
            (
                "paragraph",
                p(
                    "为做好2026年秋季全县义务教育阶段学校招生工作，保障适龄儿童少年依法接受"
                    "义务教育，现将有关事项通告如下。"
                )
                + h2("一、招生对象")
                + p(
                    "小学招收2020年9月1日至2021年8月31日出生、具有接受普通教育能力的适龄儿童；"
                    "初中招收2026年小学毕业生。"
                )
                + h2("二、招生原则")
                + p(
                    "公办学校坚持免试就近入学，按照县教育局公布的学区范围招生，不得举行或变相"
                    "举行任何形式的入学考试。民办学校与公办学校同步招生，报名人数超过招生计划的，"
                    "实行电脑随机录取。"
                )
                + h2("三、报名时间和方式")
                + p(
                    "7月1日至7月10日，家长通过示范县义务教育招生平台网上报名，如实填写户籍和"
                    "居住信息。不方便网上报名的，可在工作日到学区学校现场报名，学校安排专人"
                    "协助办理。"
                )
                + h2("四、结果公布")
                + p(
                    "各学校于8月10日前公布录取结果，并通知家长。对录取结果有疑问的，可在结果"
                    "公布之日起5个工作日内向县教育局基础教育股反映（咨询电话：0530-6127216）。"
                ),
            ),
        ],
    },
    {
        "slug": "2026-clinic-drug-safety-inspection",
        "title": "县卫生健康局开展基层医疗机构药品使用安全专项检查",
        "agency": "health",
        "category": ("卫生、体育", "医药管理"),
        "date": datetime.date(2026, 7, 8),
        "summary": (
            "县卫生健康局对全县乡镇卫生院和村卫生室开展药品使用安全专项检查，共检查医疗机构"
            "126家，督促整改问题43个。"
        ),
        "body": [
            (
                "paragraph",
                p(
                    "6月中旬至7月初，县卫生健康局组成4个检查组，对全县12家乡镇卫生院和114家"
                    "村卫生室开展药品使用安全专项检查。",
                    "检查重点包括药品采购渠道是否合法、储存条件是否符合要求、近效期药品管理是否"
                    "规范、处方书写和抗菌药物使用是否合理等内容。检查组采取查阅台账、现场查看、"
                    "随机抽查处方等方式逐项核对。",
                    "此次检查共发现问题43个，主要是部分村卫生室药品温湿度记录不完整、个别近效期"
                    "药品未单独存放等，均已督促整改。对问题较多的3家机构，县卫生健康局已下达"
                    "整改通知书，将于8月底前组织复查。",
                    "下一步，县卫生健康局将把药品使用安全纳入基层医疗机构日常考核，每半年组织"
                    "一次合理用药培训，切实保障群众用药安全。",
                ),
            ),
        ],
    },
    {
        "slug": "2026-old-residential-renovation",
        "title": "示范县2026年城镇老旧小区改造项目开工公告",
        "agency": "housing",
        "category": ("城乡建设、环境保护", "城乡建设（含住房）"),
        "date": datetime.date(2026, 8, 12),
        "summary": (
            "示范县2026年城镇老旧小区改造项目于8月10日开工，涉及12个小区、86栋楼、2140户"
            "居民，计划2027年6月底前完工。"
        ),
        "body": [
            (
                "paragraph",
                p(
                    "经县人民政府批准，示范县2026年城镇老旧小区改造项目已完成招标投标等前期工作，"
                    "于2026年8月10日正式开工。现将项目有关情况公告如下。"
                ),
            ),
            (
                "facts",
                [
                    ("项目名称", "示范县2026年城镇老旧小区改造项目"),
                    ("建设单位", "示范县住房和城乡建设局"),
                    ("改造范围", "城关镇12个小区，共86栋楼、2140户"),
                    (
                        "主要建设内容",
                        "雨污分流管网改造、楼体外墙保温、停车位和充电设施建设、小区绿化提升",
                    ),
                    ("总投资", "约1.36亿元（上级补助资金和县级配套资金）"),
                    ("计划工期", "2026年8月10日至2027年6月30日"),
                    ("监督电话", "0530-6123306（工作日）"),
                ],
            ),
            (
                "paragraph",
                p(
                    "施工期间，施工单位将合理安排作业时间，夜间（22时至次日6时）不进行产生噪声的"
                    "施工作业。给居民出行带来的不便，敬请谅解。居民对施工质量和安全有意见建议的，"
                    "可拨打监督电话反映。"
                ),
            ),
        ],
    },
    {
        "slug": "chengguan-disclosure-community-day",
        "title": "城关镇开展“政务公开进社区”主题活动",
        "agency": "chengguan",
        "category": ("综合政务", "政务公开"),
        "date": datetime.date(2026, 9, 16),
        "summary": (
            "城关镇在辖区8个社区开展“政务公开进社区”主题活动，现场解读养老服务、社会救助等"
            "政策，收集居民意见建议27条。"
        ),
        "body": [
            (
                "paragraph",
                p(
                    "9月上旬，城关镇组织民政、社保、司法所等站所工作人员，在辖区8个社区开展"
                    "“政务公开进社区”主题活动。",
                    "活动中，工作人员围绕居家养老服务补贴、最低生活保障、临时救助等群众关心的"
                    "政策，采用面对面讲解和发放明白纸的方式进行解读，并现场演示如何通过政府门户"
                    "网站查询政策文件和办事指南。",
                    "活动共发放宣传资料1600余份，解答群众咨询190余人次，收集居民意见建议27条。"
                    "镇政府已建立台账，逐条明确责任站所和办理时限，办理结果将在社区公开栏公布。",
                ),
            ),
        ],
    },
    {
        # Disclosed on application only: live, but never served or listed to the public.
        "slug": "2026-construction-firm-qualification-check",
        "title": "县住房和城乡建设局2026年建筑业企业资质动态核查情况明细",
        "agency": "housing",
        "category": ("城乡建设、环境保护", "城乡建设（含住房）"),
        "date": datetime.date(2026, 10, 28),
        "summary": "2026年度全县建筑业企业资质动态核查的企业明细。",
        "disclosure_attribute": "on_application",
        "disclosure_reason": (
            "本信息包含企业财务和人员等经营数据，公开可能损害第三方合法权益。依据《中华人民共和国"
            "政府信息公开条例》第十五条，经征求第三方意见后依申请公开。"
        ),
        "body": [
            (
                "paragraph",
                p("本信息涉及企业经营数据和第三方合法权益，可依法提出政府信息公开申请。"),
            ),
        ],
    },
]
