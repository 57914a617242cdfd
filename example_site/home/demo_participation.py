"""Public participation (公众参与) in the demo: meetings with public representatives and comment
solicitations of 示范县.

Five meetings of the county government (县政府常务会议) were attended by public representatives:
citizens, experts, business owners, reporters and deputies, each with the opinion they expressed
and whether it was adopted. Five drafts are or were open for comments, one in each state a
visitor meets: open, open for a shorter period (with the reason), not yet open, closed with its
feedback report published, and closed with the comments still being studied.

Unlike the rest of the demo, these dates follow the day the demo is loaded, so that there is
always something open for comments and three meetings in the current year (the yearly target
of the admin's dashboard). They are counted from :func:`anchor`, the 1st or the 16th of the
month, rather than from the day itself: loading the demo again a few days later changes nothing.
Meetings are always in the past, and so are the comments.

Comments are keyed by fixed receipt numbers (``YJDEMO`` and the numbers of the solicitation and
of the comment), never by a date, so that loading again on another day adds none. The
representatives' and commenters' contact details are made up (``1380000…``, ``1390000…``,
``example.com``) and never shown to the public.

Every name, draft, opinion and comment here is invented for the demo; 示州市 is the fictional
prefecture of the county.
"""

import datetime
import uuid

from .demo_content import p
from .demo_documents import add_workdays, is_workday

MEETING_INDEX = {
    "slug": "gzcy",
    "title": "公众参与会议",
    "intro": (
        "<p>县人民政府常务会议研究涉及群众切身利益的重要事项时，邀请人大代表、政协委员、"
        "专家学者、企业和群众代表、新闻媒体记者等列席会议，当面听取意见建议。</p>"
        "<p>本栏目公开每次会议的议题、列席的公众代表、代表发表的意见及其采纳情况；部分采纳或者"
        "未采纳的，一并说明理由。列席代表的联系方式仅供工作联系，不予公开。</p>"
    ),
}

SOLICITATION_INDEX = {
    "slug": "yjzj",
    "title": "意见征集",
    "intro": (
        "<p>县人民政府及其部门起草涉及群众切身利益的政策文件，通过本栏目公开征求社会公众意见。"
        "征求意见期限一般不少于30日；因情况紧急等原因需要缩短期限的，在公告中说明理由。</p>"
        "<p>征求意见结束后，起草单位对收到的意见逐条研究，公开意见采纳情况和未采纳的理由。"
        "提出意见的个人姓名和联系方式不予公开。</p>"
    ),
}

MEETING_CATEGORY = ("综合政务", "政务公开")
CONSTRUCTION = ("城乡建设、环境保护", "城乡建设（含住房）")
ENVIRONMENT = ("城乡建设、环境保护", "环境监测、保护与治理")
HEALTH = ("卫生、体育", "卫生")

# Representative categories and adoption (``gov_disclosure.participation.models``).
CITIZEN, EXPERT, BUSINESS, MEDIA, STAKEHOLDER, DEPUTY = (
    "citizen",
    "expert",
    "business",
    "media",
    "stakeholder",
    "deputy",
)
ADOPTED, PARTLY, NOT_ADOPTED, UNDER_STUDY = "adopted", "partly", "not_adopted", "under_study"
PENDING = None  # a comment not decided yet (the model's CommentDecision.PENDING)


def anchor(today: datetime.date) -> datetime.date:
    """The 1st or the 16th of the month, whichever came last: the day the dates count from."""
    return today.replace(day=1 if today.day < 16 else 16)


def cn(day: datetime.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def h3(text):
    return f"<h3>{text}</h3>"


def ul(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def workday_on_or_before(day: datetime.date, earliest: datetime.date) -> datetime.date:
    """``day``, or the last working day before it (but never before ``earliest``)."""
    while not is_workday(day) and day > earliest:
        day -= datetime.timedelta(days=1)
    return day


# Meetings ------------------------------------------------------------------------------------


def representative(name, unit, position, category, opinion, adoption, reason, contact):
    return {
        "name": name,
        "unit": unit,
        "position": position,
        "category": category,
        "opinion": opinion,
        "adoption": adoption,
        "reason": reason,
        "contact": contact,
    }


# ``when``: ("previous", month, day), a day of the previous year; or ("current", fraction), that
# fraction of the way from 1 January of the current year to the anchor.
MEETINGS = [
    {
        "slug": "elevators-and-markets",
        "when": ("previous", 9, 24),
        "subjects": "研究既有住宅加装电梯和城区农贸市场提升改造等事项",
        "topics": [
            (
                "《示范县既有住宅加装电梯实施办法》",
                "会议原则通过《示范县既有住宅加装电梯实施办法》，由县住房和城乡建设局根据会议"
                "意见修改完善后，以县人民政府办公室名义印发实施。",
            ),
            (
                "城区农贸市场提升改造方案",
                "会议原则同意东关、西关两处农贸市场提升改造方案，改造资金由县财政和市场经营"
                "单位共同承担。要求县商务局会同城关镇做好改造期间商户安置和群众买菜保障。",
            ),
        ],
        "representatives": [
            representative(
                "王秀兰",
                "城关镇建设路社区",
                "居民代表、退休教师",
                CITIZEN,
                "加装电梯最难的是低楼层住户不同意。建议办法对低楼层住户的补偿作出指导性规定，"
                "减少楼内协商的难度。",
                PARTLY,
                "办法规定补偿由同一单元业主协商确定，并增加了社区居民委员会组织调解的程序；"
                "各楼栋楼层、采光等情况差异较大，暂不规定统一的补偿标准。",
                "13800001021",
            ),
            representative(
                "刘建军",
                "示州市建筑设计研究院",
                "高级工程师",
                EXPERT,
                "建议加装电梯前由具备资质的机构对既有建筑结构安全进行评估，评估报告作为申请"
                "材料之一。",
                ADOPTED,
                "",
                "13800001022",
            ),
            representative(
                "陈海燕",
                "城关镇东关社区",
                "县人大代表",
                DEPUTY,
                "建议农贸市场改造期间就近设置临时过渡市场，保障商户正常经营和周边居民日常买菜。",
                ADOPTED,
                "",
                "13800001023",
            ),
        ],
    },
    {
        "slug": "after-school-and-parking",
        "when": ("previous", 12, 17),
        "subjects": "研究中小学课后服务和县城公共停车设施建设等事项",
        "topics": [
            (
                "《示范县中小学课后服务工作实施方案》",
                "会议原则通过实施方案。课后服务坚持学生自愿参加，收费按照成本补偿、非营利的原则"
                "确定，家庭经济困难学生免交服务费。",
            ),
            (
                "县城公共停车设施建设和收费管理有关事项",
                "会议同意在城区新建、改建公共停车场5处，新增停车泊位约1200个。停车收费实行政府"
                "指导价，具体标准由县发展和改革局依法履行定价程序后公布。",
            ),
        ],
        "representatives": [
            representative(
                "赵丽",
                "城关镇文昌路社区",
                "学生家长",
                CITIZEN,
                "建议课后服务结束时间延长到18:00，方便双职工家庭接孩子。",
                PARTLY,
                "实施方案规定城区学校课后服务结束时间为17:30，与多数单位下班时间衔接；确有需要"
                "的学生，学校安排教师看护至18:00。统一延长至18:00会明显加重教师负担，未采纳。",
                "13800001031",
            ),
            representative(
                "孙志强",
                "示范县融媒体中心",
                "记者",
                MEDIA,
                "建议停车收费标准和各停车场的免费停车时段在实施前通过媒体和停车场现场提前公布，"
                "给市民留出适应时间。",
                ADOPTED,
                "",
                "13800001032",
            ),
            representative(
                "周明",
                "示范县顺达物流有限公司",
                "总经理",
                BUSINESS,
                "城北物流园区周边货车夜间占道停放问题突出，建议规划建设货车专用停车场。",
                UNDER_STUDY,
                "已交县住房和城乡建设局、县交通运输局结合城北物流园区二期规划研究，规划方案形成"
                "后提请县人民政府研究。",
                "13800001033",
            ),
        ],
    },
    {
        "slug": "elderly-meals-and-medical-alliance",
        "when": ("current", 0.15),
        "subjects": "研究老年助餐服务和县域医疗共同体建设等事项",
        "topics": [
            (
                "示范县老年助餐服务体系建设方案",
                "会议原则通过建设方案。今年在城关镇和12个中心村建设老年助餐点，对80周岁以上"
                "老年人和特困、低保家庭老年人给予就餐补贴。要求县卫生健康局会同各乡镇做好"
                "助餐点食品安全管理。",
            ),
            (
                "县域医疗共同体建设有关事项",
                "会议同意以县人民医院、县中医院为牵头医院组建两个县域医疗共同体，统一设置医学"
                "影像、检验和心电诊断中心，实现乡镇卫生院检查、县级医院诊断。",
            ),
            (
                "县人民医院门诊楼改造工程",
                "会议同意对县人民医院门诊楼实施改造，增设无障碍通道和老年人就诊绿色通道，所需"
                "资金从县级医疗卫生专项资金中安排。",
            ),
        ],
        "representatives": [
            representative(
                "李桂芝",
                "河口乡柳树村",
                "村老年协会会长",
                CITIZEN,
                "建议每个行政村都设老年助餐点，住得远的自然村老人可以送餐上门。",
                PARTLY,
                "今年先在12个中心村建设助餐点，辐射周边行政村；送餐上门成本较高，先在河口乡开展"
                "试点，总结经验后逐步推开。",
                "13800001041",
            ),
            representative(
                "吴晓东",
                "示州医学院公共卫生学院",
                "副教授",
                EXPERT,
                "建议医共体内检查检验结果互认，群众在乡镇卫生院做过的检查到县级医院不再重复做。",
                ADOPTED,
                "",
                "13800001042",
            ),
            representative(
                "郑卫国",
                "示范县中医院",
                "县政协委员、主任医师",
                DEPUTY,
                "建议把乡镇卫生院中医馆建设纳入医共体建设内容，方便农村群众看中医。",
                ADOPTED,
                "",
                "13800001043",
            ),
            representative(
                "马红梅",
                "城关镇光明路社区",
                "社区网格员",
                CITIZEN,
                "建议60周岁以上老年人在助餐点就餐一律免费。",
                NOT_ADOPTED,
                "全部免费每年需增加县级财政支出约2000万元，难以持续；方案按照年龄和困难程度分档"
                "补贴，重点保障80周岁以上和困难家庭老年人。",
                "13800001044",
            ),
        ],
    },
    {
        "slug": "traffic-and-ebike-charging",
        "when": ("current", 0.5),
        "subjects": "研究城区道路交通组织优化和电动自行车集中充电设施建设等事项",
        "topics": [
            (
                "城区道路交通组织优化方案",
                "会议原则通过优化方案，同意将解放路、文化街调整为单向通行，增设公交港湾站6处。"
                "要求县公安局交通警察大队在实施前向社会公告，并设置两周过渡期。",
            ),
            (
                "电动自行车集中充电设施建设实施方案",
                "会议同意今年在城区老旧小区建设电动自行车集中充电车棚80处，由县住房和城乡建设局"
                "牵头、城关镇组织实施，充电收费执行政府指导价。",
            ),
        ],
        "representatives": [
            representative(
                "黄伟",
                "示范县顺风出租汽车有限公司",
                "出租汽车驾驶员",
                STAKEHOLDER,
                "解放路改为单向通行后，建议在县人民医院和学校门口保留出租车临时停靠点。",
                ADOPTED,
                "",
                "13800001051",
            ),
            representative(
                "林芳",
                "示州日报社驻示范县记者站",
                "记者",
                MEDIA,
                "建议方案正式实施前试运行一个月，试运行期间广泛收集市民意见。",
                PARTLY,
                "方案设置两周过渡期，过渡期内通过县融媒体平台收集意见并及时调整；试运行一个月"
                "将推迟公交线路调整，未采纳。",
                "13800001052",
            ),
            representative(
                "徐国庆",
                "城关镇幸福里小区业主委员会",
                "主任",
                CITIZEN,
                "建议充电车棚由小区业主委员会自行选址建设，政府给予建设补贴。",
                PARTLY,
                "充电车棚选址须符合消防安全要求，由城关镇会同县消防救援大队和业主委员会共同"
                "确定；建设资金由县财政统筹安排，不再另行发放补贴。",
                "13800001053",
            ),
            representative(
                "谢玲",
                "示范县第二中学",
                "县人大代表、教师",
                DEPUTY,
                "建议在中小学校门口周边设置护学岗和临时停车接送区，缓解上下学时段拥堵。",
                ADOPTED,
                "",
                "13800001054",
            ),
        ],
    },
    {
        "slug": "county-commerce",
        "when": ("current", 0.85),
        "subjects": "研究促进县域商业体系建设和农村供水保障等事项",
        "topics": [
            (
                "《示范县促进县域商业体系建设若干措施》",
                "会议原则通过若干措施，从乡镇商贸中心改造、农村物流配送、农产品冷链设施和电子"
                "商务等方面提出12条支持措施，由县商务局修改完善后印发。",
            ),
            (
                "农村供水保障提升工程实施方案",
                "会议同意对河口乡、柳林镇等4个乡镇的供水管网实施改造，逐步实现城乡供水同网、"
                "同质、同价。",
            ),
        ],
        "representatives": [
            representative(
                "杨帆",
                "示范县丰源农业科技有限公司",
                "董事长",
                BUSINESS,
                "建议对农产品冷链仓储设施建设给予补贴，并简化设施农业用地审批手续。",
                PARTLY,
                "若干措施明确对新建冷链仓储设施按投资额给予补助；设施农业用地实行备案管理，"
                "程序由国家和省统一规定，县级不能另行简化。",
                "13800001061",
            ),
            representative(
                "何静",
                "河口乡中心小学",
                "县人大代表",
                DEPUTY,
                "建议农村物流配送补贴向偏远乡镇倾斜，解决快递进村“最后一公里”问题。",
                ADOPTED,
                "",
                "13800001062",
            ),
            representative(
                "曹磊",
                "城关镇商业街",
                "个体工商户",
                BUSINESS,
                "建议对临街商铺门头招牌改造给予全额补助。",
                NOT_ADOPTED,
                "门头招牌属于商户自有设施，改造费用原则上由商户承担；对统一实施改造的街区，"
                "县里免费提供设计指导并给予适当补助。",
                "13800001063",
            ),
            representative(
                "冯志远",
                "示州职业技术学院",
                "讲师",
                EXPERT,
                "建议制定农村电商人才培训计划，每年培训一批农村电商带头人。",
                UNDER_STUDY,
                "已交县商务局、县人力资源和社会保障局研究，拟纳入明年职业技能培训计划统筹安排。",
                "13800001064",
            ),
        ],
    },
]


def meeting_day(when, start: datetime.date) -> datetime.date:
    if when[0] == "previous":
        day = datetime.date(start.year - 1, when[1], when[2])
        return workday_on_or_before(day, day.replace(month=1, day=1))
    january = start.replace(month=1, day=1)
    day = january + datetime.timedelta(days=round((start - january).days * when[1]))
    return workday_on_or_before(day, january)


def meetings(today: datetime.date) -> list[dict]:
    """The meetings as of ``today``: two in the previous year, three in the current one."""
    start = anchor(today)
    specs = sorted(
        ({**spec, "meeting_date": meeting_day(spec["when"], start)} for spec in MEETINGS),
        key=lambda spec: spec["meeting_date"],
    )
    numbers = {}
    result = []
    for spec in specs:
        day = spec["meeting_date"]
        # About two meetings a month, numbered from the start of each year.
        number = max(numbers.get(day.year, 0) + 1, day.timetuple().tm_yday // 14 + 1)
        numbers[day.year] = number
        meeting = f"县政府{day.year}年第{number}次常务会议"
        people = spec["representatives"]
        result.append(
            {
                "slug": spec["slug"],
                "title": f"{meeting}公众代表列席及意见采纳情况",
                "meeting_number": meeting,
                "meeting_date": day,
                "publication_date": min(add_workdays(day, 3), start),
                "agency": "county",
                "category": MEETING_CATEGORY,
                "summary": p(
                    f"{cn(day)}，县人民政府召开{day.year}年第{number}次常务会议，"
                    f"{spec['subjects']}。",
                    f"会议邀请{len(people)}名公众代表列席。代表们围绕会议议题发表了意见建议，"
                    "有关部门会后逐条研究，采纳情况公布如下。",
                ),
                "topics": [
                    {"title": title, "decision": decision} for title, decision in spec["topics"]
                ],
                "representatives": [dict(person) for person in people],
            }
        )
    return result


# Solicitations -------------------------------------------------------------------------------

# The attachment of the dog-keeping rules: a table of the areas they apply to.
DOG_ZONES_CSV = (
    "\ufeff区域,四至范围,管理要求\r\n"
    "城关镇建成区,东至东环路、西至西环路、南至南环路、北至北环路,重点管理区域\r\n"
    "示范县经济开发区,东至开发大道、西至东环路、南至柳林河、北至纬三路,重点管理区域\r\n"
    "各乡镇人民政府驻地,以乡镇国土空间规划确定的集镇建设区为准,参照重点管理区域执行\r\n"
    "其他区域,—,提倡拴养或者圈养，携犬出户束犬链\r\n"
).encode("utf-8")

DOCUMENTS = {
    "dog-zones": {
        "title": "示范县养犬重点管理区域范围表（征求意见稿附件）",
        "filename": "shifanxian-dog-rules-zones.csv",
        "content": DOG_ZONES_CSV,
    },
}


def comment(name, contact, text, after, decision=PENDING, reason=""):
    """A comment sent ``after`` days into the period (its decision and reason, once studied)."""
    return {
        "name": name,
        "contact": contact,
        "text": text,
        "after": after,
        "decision": decision,
        "reason": reason,
    }


# Reasons given for several comments on the park rules: the feedback report groups them.
PARK_HOURS = (
    "修改稿将6月至9月的公园开放时间延长至22:30；全年延长至23:00受夜间照明和安保力量限制，暂不采纳。"
)
PARK_DOGS = (
    "公园游人密集，儿童活动区域多，为防止犬只伤人和粪便污染，修改稿仍规定除导盲犬、扶助犬外"
    "禁止携犬入园。县住房和城乡建设局将研究在滨河绿道等开阔区域设置宠物活动场地。"
)
PARK_NOISE = (
    "修改稿增加规定：在公园内开展健身娱乐活动，音量不得超过规定标准，20:30以后不得使用扩音设备。"
)
PARK_ACCESS = "修改稿增加规定：公园应当按照国家标准配置无障碍设施，面积较大的公园设置母婴室。"
PARK_EBIKES = (
    "园路以步行为主，电动自行车通行容易与游人发生碰撞；修改稿规定在公园主要出入口设置非机动车"
    "停放区，残疾人、老年人代步轮椅不受限制。"
)
PARK_FINES = (
    "本办法属于行政规范性文件，依法不得设定行政处罚；乱扔垃圾、损毁花木等行为，由有关部门依照"
    "相关法律法规处理。"
)
PARK_TOILETS = "修改稿规定公园内公共厕所的开放时间与公园开放时间一致。"

# ``opens`` and ``closes``: days from the anchor; ``published``: likewise, when not on opening.
# The texts may name {opens}, {closes} and {days} (the length of the period).
SOLICITATIONS = [
    {
        "serial": 1,
        "slug": "dog-keeping-rules",
        "title": "关于《示范县养犬管理规定（征求意见稿）》公开征求意见的公告",
        "agency": "office",
        "category": CONSTRUCTION,
        "opens": -10,
        "closes": 25,
        "notice": p(
            "为了规范养犬行为，保障公民人身安全和健康，维护市容环境卫生和社会公共秩序，县公安局、"
            "县综合行政执法局会同有关部门起草了《示范县养犬管理规定（征求意见稿）》。为广泛听取"
            "社会各界意见，现将征求意见稿全文公布。",
            "征求意见时间为{opens}至{closes}。社会各界可以通过本页面的意见征集表在线提出意见，"
            "也可以发送电子邮件或者邮寄信函；邮寄的，请在信封上注明“养犬管理规定意见”字样。",
            "对收到的意见建议，起草单位将逐条研究，并在征求意见结束后公开采纳情况。",
        ),
        "draft_text": p(
            "第一条 为了规范养犬行为，保障公民人身安全和健康，维护市容环境卫生和社会公共秩序，"
            "根据有关法律法规，结合本县实际，制定本规定。",
            "第二条 本规定适用于本县重点管理区域内的养犬管理。重点管理区域的范围见附件；其他"
            "区域的养犬管理参照本规定执行。",
            "第三条 县公安局是养犬管理的主管部门，负责养犬登记和犬只伤人、扰民等行为的查处。"
            "县综合行政执法局负责查处携犬进入禁止区域、犬只粪便污染环境等行为。县农业农村局负责"
            "犬只狂犬病免疫和疫情监测。",
            "第四条 重点管理区域内，每户限养一只犬。禁止饲养烈性犬、大型犬；禁养犬只的品种和"
            "体高标准由县公安局会同县农业农村局确定并向社会公布。",
            "第五条 养犬人应当在犬只取得狂犬病免疫证明后30日内，向县公安局或者其委托的派出所"
            "办理养犬登记，领取犬牌。",
            "第六条 携犬出户应当为犬只佩戴犬牌、束犬链，犬链长度不超过1.5米，由具有完全民事"
            "行为能力的人牵领，并主动避让行人，特别是老年人、残疾人、孕妇和儿童。",
            "第七条 携犬出户时，对犬只在户外排泄的粪便，携犬人应当立即清除。",
            "第八条 禁止携犬进入机关、学校、医院、商场、公园、公共交通工具等公共场所；导盲犬、"
            "扶助犬除外。",
            "第九条 犬只伤害他人的，养犬人应当立即将被伤害人送至医疗机构诊治，并依法承担民事责任。",
            "第十条 违反本规定的，由有关部门依照相关法律法规予以处理。",
            "第十一条 本规定自印发之日起施行，有效期5年。",
        ),
        "drafting_explanation": (
            h3("一、起草背景")
            + p(
                "近年来，县城犬只数量增长较快，犬只伤人、扰民、粪便污染环境等问题时有发生，群众"
                "通过12345热线反映较多。县里原有的城区犬类管理暂行办法已经失效，需要制定新的"
                "规定，明确部门职责和养犬人的义务。"
            )
            + h3("二、主要内容")
            + p(
                "征求意见稿共十一条，明确了适用范围、部门职责、限养和禁养、养犬登记、文明养犬和"
                "犬只伤人处置等内容。"
            )
            + h3("三、需要说明的问题")
            + p(
                "关于限养数量：重点管理区域人口密集，征求意见稿规定每户限养一只犬，主要考虑"
                "减少扰民和安全隐患。对这一规定，特别欢迎社会各界提出意见。"
            )
        ),
        "policy_basis": ul(
            "《中华人民共和国动物防疫法》",
            "《中华人民共和国治安管理处罚法》",
            "《中华人民共和国民法典》第一千二百四十五条至第一千二百五十一条",
            "《示州市养犬管理条例》",
        ),
        "accepts_online": True,
        "email": "zfb-yjzj@shifanxian.example",
        "postal_address": "示范县政通路88号 示范县人民政府办公室法制科",
        "attachments": [("示范县养犬重点管理区域范围表", "dog-zones")],
        "comments": [
            comment(
                "郑小红",
                "13900002101",
                "建议对小区内遛狗也作出规定：在小区公共区域必须牵绳，乘坐电梯时应当把犬只抱起"
                "或者给犬只戴上嘴套。",
                1,
            ),
            comment(
                "",
                "",
                "建议在各乡镇设立犬只狂犬病免费免疫点，免疫证明和养犬登记一次办好，不要让群众"
                "来回跑。",
                4,
            ),
            comment(
                "冯志刚",
                "fzg2016@example.com",
                "征求意见稿禁止饲养大型犬，但对规定施行前已经饲养的大型犬怎么办没有说明。建议给"
                "一个过渡期，或者允许登记后继续饲养到犬只自然死亡。",
                8,
            ),
        ],
    },
    {
        "serial": 2,
        "slug": "gas-pipeline-renewal",
        "title": "关于《示范县城区燃气管道老化更新改造实施方案（征求意见稿）》公开征求意见的公告",
        "agency": "housing",
        "category": CONSTRUCTION,
        "opens": -2,
        "closes": 17,
        "short_period_reason": (
            "省级城市燃气管道老化更新改造项目申报截止时间临近，实施方案须经县人民政府审定后随"
            "申报材料报送。为不影响项目申报和年度改造计划实施，征求意见期限缩短为{days}日。"
        ),
        "notice": p(
            "为消除城区燃气管道安全隐患，保障群众用气安全，县住房和城乡建设局起草了《示范县城区"
            "燃气管道老化更新改造实施方案（征求意见稿）》，现公开征求社会各界意见。",
            "征求意见时间为{opens}至{closes}，共{days}日。社会各界可以通过本页面在线提出意见，"
            "也可以发送电子邮件。",
        ),
        "draft_text": (
            h3("一、改造范围")
            + p(
                "（一）2000年以前建成的城区老旧小区内，使用年限已满20年或者存在腐蚀、泄漏隐患的"
                "庭院管道和立管；（二）使用年限超过20年的市政中压管道，约18公里；（三）不符合"
                "现行安全标准的居民户内燃气设施，包括橡胶软管和无熄火保护装置的燃气灶具。"
            )
            + h3("二、改造标准")
            + p(
                "庭院管道采用聚乙烯管道，立管采用镀锌钢管；居民户内加装燃气泄漏报警装置和自动"
                "切断阀。改造完成后由燃气企业进行严密性试验，经验收合格后方可恢复供气。"
            )
            + h3("三、资金筹措")
            + p(
                "市政管道和庭院管道改造费用由上级补助资金、县级财政资金和燃气企业共同承担。居民"
                "户内燃气设施更换的材料费用由燃气企业承担一半，其余由居民承担；特困供养人员和"
                "低保家庭免交。"
            )
            + h3("四、实施步骤")
            + p(
                "改造分三批实施，优先改造隐患严重、群众反映强烈的小区。每个小区改造前，由城关镇"
                "和社区召开居民议事会公布改造方案；改造期间停气时间原则上不超过3日。"
            )
            + h3("五、保障措施")
            + p(
                "县住房和城乡建设局负责统筹协调和质量监督，燃气企业承担改造实施主体责任，城关镇"
                "负责入户宣传和协调居民。"
            )
        ),
        "drafting_explanation": p(
            "城区燃气管道大多建于2000年前后，部分管道使用已超过20年，腐蚀老化、泄漏等隐患逐年"
            "增多。县住房和城乡建设局会同燃气企业对城区燃气管道进行了全面排查，在此基础上起草了"
            "本实施方案。",
            "起草过程中，征求了城关镇、县财政局、县应急管理局和燃气企业的意见，并召开了居民代表"
            "座谈会。",
        ),
        "policy_basis": ul("《城镇燃气管理条例》", "《示州市城市燃气管道老化更新改造工作方案》"),
        "accepts_online": True,
        "email": "zjj-yjzj@shifanxian.example",
        "postal_address": "",
        "attachments": [],
        "comments": [
            comment(
                "何建平",
                "13900002201",
                "支持改造。建议停气前至少提前三天通知，对独居老人家庭由燃气公司上门协助恢复通气"
                "和安全检查。",
                1,
            ),
        ],
    },
    {
        "serial": 3,
        "slug": "rural-waste-sorting",
        "title": "关于《示范县农村生活垃圾分类管理办法（征求意见稿）》公开征求意见的预告",
        "agency": "environment",
        "category": ENVIRONMENT,
        "published": 0,
        "opens": 20,
        "closes": 50,
        "notice": p(
            "为推进农村生活垃圾分类，改善农村人居环境，县生态环境局会同县住房和城乡建设局、县"
            "农业农村局起草了《示范县农村生活垃圾分类管理办法（征求意见稿）》，现提前公布。",
            "征求意见时间为{opens}至{closes}。征求意见开始后，社会各界可以通过本页面在线提出意见，"
            "也可以邮寄信函。",
        ),
        "draft_text": p(
            "第一条 为了推进农村生活垃圾分类和减量，改善农村人居环境，制定本办法。",
            "第二条 农村生活垃圾分为易腐垃圾、可回收物、有害垃圾和其他垃圾。",
            "第三条 村民应当将易腐垃圾和其他垃圾分开投放，可回收物可以交售给再生资源回收点，"
            "有害垃圾投放到村设置的专用收集容器。",
            "第四条 村民委员会应当将垃圾分类要求纳入村规民约，确定垃圾分类指导员，组织开展"
            "入户宣传。",
            "第五条 乡镇人民政府负责本辖区生活垃圾的收集和转运，易腐垃圾在村或者乡镇就地"
            "资源化处理，其他垃圾运至县生活垃圾焚烧发电厂处理。",
            "第六条 县财政对垃圾分类成效明显的行政村给予奖励，具体办法另行制定。",
            "第七条 本办法自印发之日起施行。",
        ),
        "drafting_explanation": p(
            "本县已在城关镇、柳林镇的8个行政村开展农村生活垃圾分类试点，易腐垃圾就地处理后，"
            "试点村需要外运的垃圾量明显减少。为总结试点经验、在全县推开，起草了本办法。"
        ),
        "policy_basis": ul(
            "《中华人民共和国固体废物污染环境防治法》", "《示州市农村人居环境整治实施方案》"
        ),
        "accepts_online": True,
        "email": "",
        "postal_address": "示范县滨河东路203号 示范县生态环境局土壤与固体废物管理科",
        "attachments": [],
        "comments": [],
    },
    {
        "serial": 4,
        "slug": "city-park-rules",
        "title": "关于《示范县城市公园管理办法（征求意见稿）》公开征求意见的公告",
        "agency": "housing",
        "category": CONSTRUCTION,
        "opens": -95,
        "closes": -65,
        "feedback_published": True,
        "feedback_summary": p(
            "征求意见期间，县住房和城乡建设局通过网上意见征集、电子邮件和信函共收到意见建议"
            "{count}条，主要涉及公园开放时间、健身娱乐活动噪声、携犬入园和无障碍设施等方面。",
            "起草单位对意见逐条进行了研究，采纳和部分采纳的意见已在修改稿中体现，未采纳的意见"
            "说明了理由。修改后的《示范县城市公园管理办法》将按程序提请县人民政府常务会议审议。"
            "感谢社会各界的关心和支持。",
        ),
        "notice": p(
            "为了加强城市公园管理，为市民提供良好的游览休憩环境，县住房和城乡建设局起草了"
            "《示范县城市公园管理办法（征求意见稿）》，现公开征求社会各界意见。",
            "征求意见时间为{opens}至{closes}。社会各界可以通过本页面在线提出意见，也可以发送"
            "电子邮件或者邮寄信函。",
        ),
        "draft_text": p(
            "第一条 为了加强城市公园管理，保护公园绿化和设施，为市民提供良好的游览、休憩环境，"
            "制定本办法。",
            "第二条 本办法适用于本县城市规划区内向公众开放的综合公园、社区公园、游园和带状公园"
            "的管理和游览活动。",
            "第三条 县住房和城乡建设局是城市公园的主管部门。公园管理单位负责公园的日常养护、"
            "安全和秩序管理。",
            "第四条 公园开放时间为每日6:00至22:00。因维修、举办活动等需要临时闭园的，公园管理"
            "单位应当提前3日向社会公告。",
            "第五条 公园内禁止下列行为：（一）攀折花木、踩踏草坪；（二）在非指定区域游泳、"
            "垂钓、烧烤；（三）乱扔垃圾、随地吐痰；（四）携犬入园，导盲犬、扶助犬除外；"
            "（五）机动车、电动自行车驶入园路，执行公务的车辆除外。",
            "第六条 在公园内开展演出、展销等活动的，应当经公园管理单位同意，并遵守公园的管理规定。",
            "第七条 违反本办法规定的，由公园管理单位予以劝阻；构成违法行为的，由有关部门依法处理。",
            "第八条 本办法自印发之日起施行，有效期5年。",
        ),
        "drafting_explanation": p(
            "随着滨河公园、文昌公园等一批公园建成开放，公园游人逐年增多，公园内噪声扰民、损毁"
            "花木、携犬入园等问题群众反映较多，需要制定统一的管理办法。"
        ),
        "policy_basis": ul("《城市绿化条例》", "《示州市城市绿化管理办法》"),
        "accepts_online": True,
        "email": "zjj-yjzj@shifanxian.example",
        "postal_address": "示范县建设路77号 示范县住房和城乡建设局园林绿化科",
        "attachments": [],
        "comments": [
            comment(
                "李明辉",
                "13900002401",
                "建议延长公园开放时间。夏天晚上九点以后才凉快，很多人吃完饭才去散步，22:00闭园"
                "太早，建议延长到23:00。",
                2,
                PARTLY,
                PARK_HOURS,
            ),
            comment(
                "",
                "",
                "公园晚上关门太早，希望适当延长开放时间，方便下夜班的职工锻炼身体。",
                5,
                PARTLY,
                PARK_HOURS,
            ),
            comment(
                "王淑芬",
                "13900002403",
                "建议允许市民在早晚人少的时段牵犬进入公园，并划出宠物活动区，全面禁止携犬入园"
                "不太合理。",
                6,
                NOT_ADOPTED,
                PARK_DOGS,
            ),
            comment(
                "陈立新",
                "chenlx@example.com",
                "养狗的人越来越多，建议公园开辟专门的遛狗区域，用围栏隔开。",
                9,
                NOT_ADOPTED,
                PARK_DOGS,
            ),
            comment(
                "刘洋",
                "13900002405",
                "滨河公园每天晚上广场舞音响声音很大，周边小区居民休息受影响，建议办法对音量和"
                "时间作出限制。",
                11,
                ADOPTED,
                PARK_NOISE,
            ),
            comment(
                "赵敏",
                "13900002406",
                "建议规定公园内健身娱乐活动使用音响的时间，晚上八点半以后不得使用扩音设备。",
                13,
                ADOPTED,
                PARK_NOISE,
            ),
            comment(
                "孙建华",
                "13900002407",
                "建议公园出入口、园路和厕所增加无障碍设施，设置母婴室，方便残疾人、老年人和带"
                "孩子的家庭。",
                17,
                ADOPTED,
                PARK_ACCESS,
            ),
            comment(
                "",
                "13900002408",
                "建议允许电动自行车进入公园，方便老年人代步。",
                21,
                NOT_ADOPTED,
                PARK_EBIKES,
            ),
            comment(
                "周晓燕",
                "13900002409",
                "办法只规定了禁止行为，没有规定罚款金额，建议明确对乱扔垃圾、攀折花木等行为的"
                "罚款标准。",
                24,
                NOT_ADOPTED,
                PARK_FINES,
            ),
            comment(
                "吴刚",
                "13900002410",
                "文昌公园的厕所晚上六点就锁门了，建议厕所开放时间和公园开放时间一致。",
                28,
                ADOPTED,
                PARK_TOILETS,
            ),
        ],
    },
    {
        "serial": 5,
        "slug": "home-care-subsidy",
        "title": "关于《示范县居家养老服务补贴实施办法（征求意见稿）》公开征求意见的公告",
        "agency": "health",
        "category": HEALTH,
        "opens": -34,
        "closes": -4,
        "notice": p(
            "为支持老年人居家养老，减轻困难老年人家庭的照护负担，县卫生健康局起草了《示范县"
            "居家养老服务补贴实施办法（征求意见稿）》，现公开征求社会各界意见。",
            "征求意见时间为{opens}至{closes}。社会各界可以通过本页面在线提出意见，也可以发送"
            "电子邮件或者邮寄信函。",
        ),
        "draft_text": p(
            "第一条 为了支持老年人居家养老，减轻困难老年人家庭照护负担，制定本办法。",
            "第二条 本办法所称居家养老服务补贴，是指对符合条件的老年人购买居家养老服务给予的补贴。",
            "第三条 具有本县户籍并在本县居住，符合下列条件之一的老年人，可以申请补贴："
            "（一）特困供养人员中的老年人；（二）低保家庭中60周岁以上的老年人；（三）80周岁"
            "以上的失能、半失能老年人。",
            "第四条 补贴标准：第三条第一项、第二项人员，城镇每人每月200元，农村每人每月150元；"
            "第三条第三项人员，每人每月100元。补贴以服务券形式发放，用于购买生活照料、家政服务、"
            "康复护理等上门服务。",
            "第五条 申请人或者其代理人向户籍所在地乡镇人民政府提出申请，乡镇人民政府审核后报"
            "县卫生健康局审批。",
            "第六条 补贴对象死亡、迁出本县或者不再符合条件的，自次月起停发补贴。",
            "第七条 本办法自印发之日起施行。",
        ),
        "drafting_explanation": p(
            "全县60周岁以上老年人约9.6万人，其中80周岁以上约1.4万人。为落实积极应对人口老龄化"
            "的要求，县卫生健康局在调研基础上起草了本办法。"
        ),
        "policy_basis": ul("《中华人民共和国老年人权益保障法》", "《示州市居家养老服务条例》"),
        "accepts_online": True,
        "email": "wjj-yjzj@shifanxian.example",
        "postal_address": "示范县健康路56号 示范县卫生健康局老龄健康科",
        "attachments": [],
        "comments": [
            comment(
                "钱丽华",
                "13900002501",
                "建议居家养老服务补贴也可以用于老年助餐，不要只限于上门服务。",
                2,
            ),
            comment(
                "孙伟",
                "13900002502",
                "希望补贴能在手机上申请，老人不用跑到乡镇去交材料。",
                7,
            ),
            comment(
                "",
                "13900002503",
                "家里有失能老人，子女在家照护，建议对家庭成员照护也给予一定补贴。",
                15,
            ),
            comment(
                "韩秀英",
                "13900002504",
                "农村老人收入低，看病买药花钱多，建议农村老年人的补贴标准不低于城镇。",
                26,
            ),
        ],
    },
]


def receipt_number(serial: int, number: int) -> str:
    """The fixed receipt number of a demo comment (the form's are ``YJ``, a date and digits)."""
    return f"YJDEMO{serial:02d}{number:03d}"


def submission_token(receipt: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"gov-disclosure-demo:{receipt}").hex


def solicitations(today: datetime.date) -> list[dict]:
    """The solicitations as of ``today``; comment times are local and naive."""
    start = anchor(today)
    result = []
    for spec in SOLICITATIONS:
        opens = start + datetime.timedelta(days=spec["opens"])
        closes = start + datetime.timedelta(days=spec["closes"])
        published = start + datetime.timedelta(days=spec.get("published", spec["opens"]))
        words = {
            "opens": cn(opens),
            "closes": cn(closes),
            "days": (closes - opens).days + 1,
            "count": len(spec["comments"]),
        }
        comments = []
        for number, values in enumerate(spec["comments"], start=1):
            receipt = receipt_number(spec["serial"], number)
            day = opens + datetime.timedelta(days=values["after"])
            comments.append(
                {
                    "receipt_number": receipt,
                    "name": values["name"],
                    "contact": values["contact"],
                    "text": values["text"],
                    "decision": values["decision"],
                    "reason": values["reason"],
                    "submission_token": submission_token(receipt),
                    "submitted_at": datetime.datetime.combine(
                        day, datetime.time(8 + number * 5 % 13, number * 17 % 60)
                    ),
                }
            )
        result.append(
            {
                "slug": spec["slug"],
                "title": spec["title"],
                "agency": spec["agency"],
                "category": spec["category"],
                "publication_date": published,
                "opens_on": opens,
                "closes_on": closes,
                "short_period_reason": spec.get("short_period_reason", "").format(**words),
                "notice": spec["notice"].format(**words),
                "draft_text": spec["draft_text"],
                "drafting_explanation": spec["drafting_explanation"],
                "policy_basis": spec["policy_basis"],
                "accepts_online": spec["accepts_online"],
                "email": spec["email"],
                "postal_address": spec["postal_address"],
                "feedback_published": spec.get("feedback_published", False),
                "feedback_summary": spec.get("feedback_summary", "").format(**words),
                "attachments": spec["attachments"],
                "comments": comments,
            }
        )
    return result
