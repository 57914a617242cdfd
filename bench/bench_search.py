"""How fast the database search backend answers on PostgreSQL, and how fast it indexes.

Creates a fresh PostgreSQL database, migrates it, sets up agencies, theme categories and a
document library, and for each size given to --documents (smallest first) adds generated policy
documents to the library (the documents of a smaller size are the first ones of a larger size),
builds the search index from nothing with ``gov_disclosure.search.indexing.rebuild`` and
measures:

- indexing throughput: search entries written per second by ``rebuild``;
- search latency through ``gov_disclosure.search.service.search`` (what the search page calls,
  facets included) for a fixed mix of about fifty searches, by kind of search, with the number
  of SQL queries each makes;
- the same searches with the facets left out (results and total only), and a bare
  ``SELECT count(*)`` over the index tables, to show what the facets cost;
- the search page ``/search/`` through Django's test client (view and template).

    .venv/bin/python bench/bench_search.py --documents 10000 100000 --repeat 2 --prototype

``--prototype`` then measures the fix proposed in docs/performance.md ("Search") in the same
database: two indexes and the facets counted in one statement.

The budget (docs/design: database-backend search p95 under 1 s at 100,000 documents) applies to
the searches with facets. See bench/README.md and docs/performance.md.
"""

from __future__ import annotations

import argparse
import datetime
import math
import os
import random
import statistics
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bench_import import server_cpu_seconds  # the same measure as the import benchmark

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "bench_search"
BUDGET = 1.0  # seconds: p95 of the searches with facets at 100,000 documents
TODAY = datetime.date(2026, 11, 22)

# Issuing agencies: name, short name, prefix of their document numbers, relative weight.
AGENCIES = [
    ("示范县人民政府", "县政府", "示政发", 8),
    ("示范县人民政府办公室", "县政府办", "示政办发", 10),
    ("示范县发展和改革局", "县发改局", "示发改", 3),
    ("示范县教育局", "县教育局", "示教发", 4),
    ("示范县科学技术局", "县科技局", "示科发", 1),
    ("示范县工业和信息化局", "县工信局", "示工信发", 2),
    ("示范县公安局", "县公安局", "示公发", 2),
    ("示范县民政局", "县民政局", "示民发", 3),
    ("示范县司法局", "县司法局", "示司发", 1),
    ("示范县财政局", "县财政局", "示财发", 4),
    ("示范县人力资源和社会保障局", "县人社局", "示人社发", 3),
    ("示范县自然资源局", "县自然资源局", "示自然资发", 3),
    ("示范县生态环境分局", "县生态环境分局", "示环发", 3),
    ("示范县住房和城乡建设局", "县住建局", "示建发", 3),
    ("示范县交通运输局", "县交通运输局", "示交发", 2),
    ("示范县水利局", "县水利局", "示水发", 2),
    ("示范县农业农村局", "县农业农村局", "示农发", 4),
    ("示范县商务局", "县商务局", "示商发", 1),
    ("示范县文化和旅游局", "县文旅局", "示文旅发", 2),
    ("示范县卫生健康局", "县卫健局", "示卫健发", 4),
    ("示范县退役军人事务局", "县退役军人局", "示退役发", 1),
    ("示范县应急管理局", "县应急局", "示应急发", 2),
    ("示范县审计局", "县审计局", "示审发", 1),
    ("示范县市场监督管理局", "县市场监管局", "示市监发", 3),
    ("示范县统计局", "县统计局", "示统发", 1),
    ("示范县医疗保障局", "县医保局", "示医保发", 2),
    ("示范县林业局", "县林业局", "示林发", 1),
    ("示范县城市管理局", "县城管局", "示城管发", 2),
    ("示范县乡村振兴局", "县乡村振兴局", "示乡振发", 2),
    ("青山镇人民政府", "青山镇", "青政发", 1),
    ("柳河乡人民政府", "柳河乡", "柳政发", 1),
    ("石桥镇人民政府", "石桥镇", "石政发", 1),
    ("东湖街道办事处", "东湖街道", "东街发", 1),
]

# Theme categories (two levels) and, for each, the subjects documents of that theme deal with
# and the agencies that mostly issue them (indexes into AGENCIES).
THEMES = {
    "综合政务": (
        {
            "政务公开": ["政府信息公开", "政务服务", "一网通办", "政务服务便民热线", "政务新媒体"],
            "应急管理": ["突发事件应对", "应急预案", "防汛抗旱", "森林防灭火", "应急物资储备"],
            "政务督查": ["重点工作督查", "营商环境", "行政效能", "议案提案办理"],
        },
        (0, 1, 21),
    ),
    "国民经济管理、国有资产监管": (
        {
            "发展规划": ["国民经济和社会发展规划", "重大项目建设", "以工代赈", "社会信用体系建设"],
            "国有资产监管": ["国有企业改革", "国有资产处置", "政府投资项目"],
            "物价": ["价格监测", "政府定价", "农产品成本调查"],
        },
        (0, 2, 1),
    ),
    "财政、金融、审计": (
        {
            "财政": ["预算管理", "政府采购", "财政专项资金", "惠民惠农补贴", "政府债务"],
            "金融": ["普惠金融", "防范非法集资", "企业融资担保"],
            "审计": ["经济责任审计", "审计整改", "内部审计"],
        },
        (9, 22, 0),
    ),
    "国土资源、能源": (
        {
            "土地": ["国土空间规划", "耕地保护", "土地征收", "不动产登记", "宅基地管理"],
            "矿产": ["矿产资源开发", "砂石资源管理", "矿山生态修复"],
            "能源": ["光伏发电", "天然气利用", "充电基础设施"],
        },
        (11, 2),
    ),
    "农业、林业、水利": (
        {
            "农业、畜牧业、渔业": [
                "高标准农田建设",
                "粮食生产",
                "动物防疫",
                "农村集体经济",
                "家庭农场",
            ],
            "林业": ["林长制", "森林资源保护", "国土绿化", "林下经济"],
            "水利": ["河长制", "农村饮水安全", "水土保持", "小型水库管理", "节约用水"],
        },
        (16, 26, 15, 28),
    ),
    "工业、交通": (
        {
            "工业": ["工业园区建设", "中小企业发展", "技术改造", "制造业数字化转型"],
            "交通": ["农村公路建设", "道路运输安全", "城乡公交一体化", "交通秩序"],
            "信息产业": ["5G网络建设", "数字乡村", "公共数据开放"],
        },
        (5, 14),
    ),
    "商贸、旅游": (
        {
            "商贸": ["促进消费", "农村电子商务", "再生资源回收", "招商引资"],
            "旅游": ["全域旅游", "乡村旅游", "旅游景区质量提升"],
        },
        (17, 18),
    ),
    "市场监管、安全生产监管": (
        {
            "市场监管": ["食品安全", "药品安全", "特种设备安全", "知识产权保护", "计量监督"],
            "安全生产": ["安全生产责任制", "危险化学品管理", "消防安全", "建筑施工安全"],
        },
        (23, 21),
    ),
    "城乡建设、环境保护": (
        {
            "城市规划": ["城市更新", "老旧小区改造", "海绵城市建设"],
            "城乡建设": ["保障性住房", "物业管理", "农村危房改造", "建筑市场管理", "住房公积金"],
            "环境保护": [
                "大气污染防治",
                "水污染防治",
                "土壤污染防治",
                "农村人居环境整治",
                "生活垃圾分类",
            ],
        },
        (13, 12, 27),
    ),
    "科技、教育": (
        {
            "科技": ["科技创新", "高新技术企业培育", "科技特派员"],
            "教育": [
                "义务教育",
                "学前教育",
                "职业教育",
                "学生资助",
                "校园安全",
                "教师队伍建设",
                "课后服务",
            ],
        },
        (3, 4),
    ),
    "文化、广电、新闻出版": (
        {
            "文化": ["公共文化服务", "文物保护", "全民阅读", "文化市场管理"],
            "广播电视": ["应急广播", "广播电视公共服务"],
        },
        (18,),
    ),
    "卫生、体育": (
        {
            "卫生": [
                "基层医疗卫生服务",
                "家庭医生签约服务",
                "传染病防控",
                "爱国卫生运动",
                "健康县城建设",
            ],
            "医疗保障": ["城乡居民基本医疗保险", "医疗救助", "医保基金监管", "异地就医"],
            "体育": ["全民健身", "体育场地设施", "青少年体育"],
        },
        (19, 25),
    ),
    "劳动、人事、监察": (
        {
            "就业": ["稳就业", "高校毕业生就业", "职业技能培训", "农民工工资支付"],
            "社会保障": ["城乡居民养老保险", "工伤保险", "失业保险"],
            "人事工作": ["事业单位公开招聘", "公务员管理", "人才引进"],
        },
        (10, 1),
    ),
    "公安、安全、司法": (
        {
            "公安": ["道路交通安全", "户籍管理", "社会治安综合治理"],
            "司法": ["公共法律服务", "人民调解", "行政执法监督", "法治政府建设", "普法"],
        },
        (6, 8),
    ),
    "民政、扶贫、救灾": (
        {
            "社会救助": ["最低生活保障", "特困人员救助供养", "临时救助", "困难残疾人生活补贴"],
            "养老服务": ["居家养老服务", "养老机构管理", "老年人福利"],
            "乡村振兴": ["防止返贫动态监测", "衔接推进乡村振兴", "驻村帮扶", "消费帮扶"],
            "退役军人": ["退役军人安置", "优抚对象抚恤", "拥军优属"],
        },
        (7, 28, 20),
    ),
}
# What a document does about its subject: turned into titles below.
ASPECTS = ["管理", "工作", "监督管理", "专项整治", "实施", "考核", "资金管理", "服务", "试点"]
TITLES = [
    ("{issuer}关于加强{topic}工作的通知", 6),
    ("{issuer}关于印发《示范县{topic}实施办法》的通知", 5),
    ("{issuer}关于印发《示范县{topic}管理办法》的通知", 4),
    ("{issuer}关于进一步做好{topic}工作的意见", 3),
    ("{issuer}关于开展{topic}专项行动的通知", 3),
    ("{issuer}关于{topic}有关事项的通知", 3),
    ("{issuer}关于印发《示范县{topic}工作方案》的通知", 4),
    ("{issuer}关于调整{topic}有关标准的通知", 1),
    ("{issuer}关于公布{year}年度{topic}名单的通知", 1),
    ("{issuer}关于印发《示范县{topic}三年行动计划（{year}—{year2}年）》的通知", 1),
    ("示范县{topic}若干措施", 1),
    ("{issuer}关于废止和修改部分{topic}文件的决定", 1),
]
SENTENCES = [
    "为进一步加强{topic}，保障人民群众合法权益，根据有关法律法规和政策规定，结合本县实际，制定本办法。",
    "各乡镇人民政府、街道办事处，县政府各部门要高度重视{topic}，明确责任分工，确保各项措施落到实处。",
    "{agency}负责全县{topic}的统筹协调和监督管理，其他有关部门按照各自职责做好相关工作。",
    "到{year2}年底，全县{topic}体系基本健全，群众满意度明显提升。",
    "县财政每年安排{topic}专项资金{amount}万元，专款专用，任何单位和个人不得截留、挤占、挪用。",
    "建立{topic}工作台账，实行月调度、季通报、年考核，考核结果纳入乡镇和部门年度综合考核。",
    "申请人可以通过政务服务网、政务服务大厅或者乡镇便民服务中心提交申请材料，办理时限为{days}个工作日。",
    "{town}要结合实际制定具体实施方案，于{month}月底前报{agency}备案。",
    "对违反本办法规定的行为，由有关部门依法依规予以处理；构成犯罪的，依法追究刑事责任。",
    "加强宣传引导，充分利用广播、电视、网站和政务新媒体，提高群众对{topic}的知晓率和参与度。",
    "本办法自{year}年{month}月1日起施行，有效期{term}年。",
    "县人民政府有关部门应当按照“谁主管、谁负责”的原则，做好{topic}的日常监督检查。",
    "鼓励社会力量参与{topic}，对表现突出的单位和个人按照有关规定给予表彰。",
    "本通知由{agency}负责解释，执行中遇到的问题请及时反馈。",
    "{town}已完成{topic}试点任务，覆盖{count}个行政村，惠及群众{people}人。",
    "健全信息报送制度，各单位于每季度结束后{days}日内将{topic}进展情况报送{agency}。",
]
# Rare subjects: one document in about a hundred mentions one of them.
RARE = [
    "古树名木保护",
    "地质灾害隐患点",
    "非物质文化遗产传承",
    "候鸟栖息地",
    "桑蚕养殖",
    "油茶产业",
    "石漠化治理",
    "尾矿库安全",
    "渡口渡船",
    "白蚁防治",
    "地名标志设置",
    "殡葬改革",
    "烟花爆竹禁放",
    "畜禽粪污资源化利用",
    "河道采砂",
    "无障碍环境建设",
    "电梯应急处置",
    "燃气管道老化更新",
    "中药材种植",
    "茶园病虫害",
]
RARE_SENTENCE = "同时做好{rare}相关工作，{agency}会同有关乡镇开展专项排查。"
TOWNS = ["城关镇", "青山镇", "柳河乡", "石桥镇", "东湖街道", "西岭乡", "南塘镇", "北坪乡"]
# Validity as a long-standing library has it; most documents are in force.
VALIDITIES = [
    ("valid", 60),
    ("expired", 16),
    ("repealed", 12),
    ("amended", 9),
    ("not_yet_effective", 3),
]
DOCUMENT_TYPES = [("normative", 70), ("other", 25), ("regulation", 5)]
FIRST_YEAR = 2006


def weighted(rng, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


@dataclass
class Generated:
    """One document as generated (before it becomes a page)."""

    number: int
    title: str
    document_number: str
    agency: int  # index into AGENCIES
    theme: tuple[str, str]  # top-level and second-level category names
    published: datetime.date
    validity: str
    document_type: str
    paragraphs: list[str]


class Corpus:
    """An endless, reproducible stream of policy documents (the first N are the corpus of N)."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.serials: dict[tuple[str, int], int] = {}
        self.count = 0
        self.subjects = [
            (top, second, subject, agencies)
            for top, (seconds, agencies) in THEMES.items()
            for second, subjects in seconds.items()
            for subject in subjects
        ]
        # Recent years publish more: a portal of twenty years, most of it from the last ten.
        self.years = [(year, 1 + max(0, year - 2012)) for year in range(FIRST_YEAR, 2027)]

    def topic(self, subject):
        aspect = self.rng.choice(ASPECTS)
        return subject if subject.endswith(aspect) else subject + aspect

    def next(self) -> Generated:
        rng = self.rng
        top, second, subject, theme_agencies = rng.choice(self.subjects)
        if rng.random() < 0.7:
            agency = rng.choice(theme_agencies)
        else:
            agency = weighted(rng, [(i, a[3]) for i, a in enumerate(AGENCIES)])
        name, short_name, prefix, _weight = AGENCIES[agency]
        year = weighted(rng, self.years)
        last_day = TODAY if year == TODAY.year else datetime.date(year, 12, 31)
        first_day = datetime.date(year, 1, 1)
        published = first_day + datetime.timedelta(rng.randint(0, (last_day - first_day).days))
        self.serials[(prefix, year)] = serial = self.serials.get((prefix, year), 0) + 1
        topic = self.topic(subject)
        template = weighted(rng, TITLES)
        title = template.format(issuer=name, topic=topic, year=year, year2=year + 2)
        slots = {
            "topic": topic,
            "agency": name if rng.random() < 0.5 else short_name,
            "year": year,
            "year2": year + rng.randint(1, 5),
            "amount": rng.choice([50, 80, 100, 120, 200, 300, 500, 1000]),
            "days": rng.choice([3, 5, 7, 10, 15, 20]),
            "town": rng.choice(TOWNS),
            "month": rng.randint(1, 12),
            "term": rng.choice([2, 3, 5]),
            "count": rng.randint(3, 180),
            "people": rng.randint(200, 60000),
        }
        sentences = [s.format(**slots) for s in rng.sample(SENTENCES, rng.randint(4, 9))]
        if rng.random() < 0.01:
            rare = RARE_SENTENCE.format(rare=rng.choice(RARE), agency=slots["agency"])
            sentences.insert(rng.randint(1, len(sentences)), rare)
        # Paragraphs of one to three sentences.
        paragraphs = []
        while sentences:
            take = rng.randint(1, 3)
            paragraphs.append("".join(sentences[:take]))
            sentences = sentences[take:]
        validity = weighted(rng, VALIDITIES)
        if year >= 2025 and validity in ("expired", "repealed", "amended"):
            validity = "valid"
        self.count += 1
        return Generated(
            number=self.count,
            title=title,
            document_number=f"{prefix}〔{year}〕{serial}号",
            agency=agency,
            theme=(top, second),
            published=published,
            validity=validity,
            document_type=weighted(rng, DOCUMENT_TYPES),
            paragraphs=paragraphs,
        )


# The searches: (kind, words, filters, sort, page). Filters name agencies and categories by
# name and are resolved to ids once the site exists; "{number}" takes a document number of the
# first documents (present at every size).
QUERIES = [
    *(
        ("one word", q, {}, "relevance", 1)
        for q in ["义务教育", "河长制", "食品安全", "耕地保护", "养老", "医疗救助", "消防安全"]
    ),
    *(
        ("two words", q, {}, "relevance", 1)
        for q in [
            "农村 公路",
            "专项资金 管理",
            "学生资助 实施",
            "防汛抗旱 专项资金",
            "住房公积金 管理办法",
            "垃圾分类 考核",
            "养老 服务",
        ]
    ),
    *(("document number", "{number}", {}, "relevance", 1) for _ in range(6)),
    *(
        ("rare word", q, {}, "relevance", 1)
        for q in ["古树名木", "白蚁防治", "尾矿库", "桑蚕", "殡葬改革", "候鸟"]
    ),
    *(
        ("frequent word", q, {}, "relevance", 1)
        for q in ["通知", "示范县", "工作", "管理", "人民政府"]
    ),
    ("facet filter", "管理", {"agency": "示范县教育局"}, "relevance", 1),
    ("facet filter", "通知", {"year": 2024}, "relevance", 1),
    ("facet filter", "工作", {"category": "城乡建设、环境保护"}, "relevance", 1),
    ("facet filter", "安全", {"validity": "valid"}, "relevance", 1),
    ("facet filter", "资金", {"agency": "示范县财政局", "year": 2023}, "relevance", 1),
    ("facet filter", "义务教育", {"category": "教育", "validity": "valid"}, "relevance", 1),
    *(
        ("sort by date", q, {}, "date", 1)
        for q in ["通知", "食品安全", "乡村振兴", "应急预案", "专项资金 管理"]
    ),
    *(
        ("deep page (50)", q, {}, sort, 50)
        for q, sort in [
            ("通知", "relevance"),
            ("工作", "relevance"),
            ("管理", "date"),
            ("示范县", "date"),
            ("实施", "relevance"),
        ]
    ),
    ("filters only", "", {"agency": "示范县人民政府办公室"}, "relevance", 1),
    ("filters only", "", {"year": 2025}, "date", 1),
    ("filters only", "", {"category": "卫生、体育", "validity": "valid"}, "relevance", 1),
]
KINDS = list(dict.fromkeys(kind for kind, *_rest in QUERIES))


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--documents",
        type=int,
        nargs="+",
        default=[10_000],
        metavar="N",
        help="corpus sizes, measured in turn (10000)",
    )
    parser.add_argument("--seed", type=int, default=20261122, help="random seed")
    parser.add_argument(
        "--repeat",
        type=lambda v: max(1, int(v)),
        default=3,
        help="timed runs of each search, after one warm-up (3)",
    )
    parser.add_argument(
        "--explain",
        action="store_true",
        help="print EXPLAIN ANALYZE of the slowest SQL statement of each kind of search",
    )
    parser.add_argument(
        "--prototype",
        action="store_true",
        help="then measure the proposed fix: two indexes, the facets in one statement",
    )
    parser.add_argument(
        "--markdown", metavar="FILE", help="also write the tables to FILE (Markdown)"
    )
    parser.add_argument(
        "--server",
        default=os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432/postgres"),
        help="PostgreSQL server to create the database on (BENCH_POSTGRES)",
    )
    parser.add_argument(
        "--database", default=DATABASE, help=f"name of the database to create ({DATABASE})"
    )
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()
    if not args.database.startswith("bench_"):
        # It is dropped and created again: never one of the development or test databases.
        parser.error("--database must start with bench_")
    return args


def fresh_database(server: str, name: str) -> str:
    import psycopg

    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(server)
    return urlunsplit(parts._replace(path="/" + name))


def drop_database(server: str, name: str) -> None:
    import psycopg

    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@dataclass
class Site:
    library: object
    locale_id: int
    agencies: list  # Agency per AGENCIES entry
    categories: dict  # name → ThemeCategory
    children: dict = field(default_factory=dict)  # category id → ids of it and below it


def set_up_site() -> Site:
    from wagtail.models import Locale
    from wagtail.models import Site as WagtailSite

    from gov_disclosure.documents.models import DocumentLibraryPage
    from gov_disclosure.models import Agency, ThemeCategory

    agencies = [
        Agency.objects.create(name=name, short_name=short_name, sort_order=index)
        for index, (name, short_name, _prefix, _weight) in enumerate(AGENCIES)
    ]
    categories = {}
    for top, (seconds, _agencies) in THEMES.items():
        categories[top] = parent = ThemeCategory.objects.create(name=top)
        for second in seconds:
            categories[second] = ThemeCategory.objects.create(name=second, parent=parent)
    root = WagtailSite.objects.get(is_default_site=True).root_page
    library = DocumentLibraryPage(title="政策文件", slug="zcwj")
    root.add_child(instance=library)
    library.save_revision().publish()
    site = Site(library, Locale.get_default().pk, agencies, categories)
    for category in categories.values():
        site.children[category.pk] = [
            c.pk
            for c in categories.values()
            if c.tree_path == category.tree_path or c.tree_path.startswith(category.tree_path + ".")
        ]
    return site


def insert_documents(site: Site, documents: list[Generated]) -> None:
    """Add published documents below the library in a few statements per thousand.

    The tree paths are computed here (the library's children in order), the ``Page`` rows are
    bulk-inserted and then the ``DocumentPage`` rows (Django cannot bulk-create rows of a
    multi-table model; the import does the same). No revisions: the search does not read them.
    """
    from django.db import connection, transaction
    from django.db.models import F
    from django.utils import timezone
    from wagtail.models import Page
    from wagtail.rich_text import RichText

    from gov_disclosure.documents.models import DocumentPage

    library = Page.objects.get(pk=site.library.pk)
    depth = library.depth + 1
    now = timezone.now()
    pages = []
    for document in documents:
        step = library.numchild + len(pages) + 1
        published = document.published
        top, second = document.theme
        page = DocumentPage(
            title=document.title,
            slug=f"document-{document.number}",
            document_type=document.document_type,
            index_number=f"BENCH/{published.year}-{document.number:07d}",
            document_number=document.document_number,
            date_written=published - datetime.timedelta(days=document.number % 9),
            publication_date=published,
            effective_date=published + datetime.timedelta(days=30),
            validity=document.validity,
            agency=site.agencies[document.agency],
            theme_category=site.categories[second if document.number % 10 else top],
            disclosure_attribute="proactive",
            body=[("paragraph", RichText(f"<p>{text}</p>")) for text in document.paragraphs],
        )
        page.depth = depth
        page.path = Page._get_path(library.path, depth, step)
        page.numchild = 0
        page.url_path = f"{library.url_path}{page.slug}/"
        page.locale_id = library.locale_id
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = now
        page.draft_title = page.title
        pages.append(page)
    with transaction.atomic():
        Page.objects.bulk_create(pages, batch_size=1000)
        for page in pages:
            page.page_ptr_id = page.id
        DocumentPage._base_manager._insert(
            pages, fields=DocumentPage._meta.local_concrete_fields, using=connection.alias
        )
        Page.objects.filter(pk=library.pk).update(numchild=F("numchild") + len(pages))


def grow_library(site: Site, corpus: Corpus, size: int) -> None:
    from wagtail.models import Page

    missing = size - corpus.count
    started = time.perf_counter()
    while corpus.count < size:
        batch = [corpus.next() for _ in range(min(5000, size - corpus.count))]
        insert_documents(site, batch)
        print(
            f"  documents {corpus.count:7,}/{size:,} ({time.perf_counter() - started:5.0f} s)",
            flush=True,
        )
    assert Page.objects.get(pk=site.library.pk).numchild == size
    if missing:
        print(f"  added {missing:,} documents in {time.perf_counter() - started:.0f} s")


def index_tables():
    from django.contrib.contenttypes.models import ContentType
    from wagtail.search.models import IndexEntry

    from gov_disclosure.search.models import SearchEntry

    content_type = ContentType.objects.get_for_model(SearchEntry)
    return SearchEntry._meta.db_table, IndexEntry._meta.db_table, content_type.pk


def vacuum_analyze() -> None:
    from django.db import connection

    entries, index_entries, _content_type = index_tables()
    with connection.cursor() as cursor:
        for table in (entries, index_entries, "wagtailcore_page"):
            cursor.execute(f'VACUUM ANALYZE "{table}"')


def build_index(size: int) -> dict:
    """Empty the search index and build it again with ``rebuild``; its rate and timings."""
    from django.db import connection

    from gov_disclosure.search import indexing

    entries, index_entries, content_type = index_tables()
    with connection.cursor() as cursor:
        cursor.execute(f'DELETE FROM "{index_entries}" WHERE content_type_id = %s', [content_type])
        cursor.execute(f'DELETE FROM "{entries}"')
    vacuum_analyze()

    done = 0
    marks = []  # (entries written, seconds since the start)
    step = max(size // 10, 1)
    started = time.perf_counter()

    def progress(count):
        nonlocal done
        before = done
        done += count
        if done // step != before // step or done == size:
            elapsed = time.perf_counter() - started
            marks.append((done, elapsed))
            print(f"  indexed {done:7,}/{size:,} ({elapsed:5.0f} s)", flush=True)

    load = os.getloadavg()[0]
    server_before = server_cpu_seconds()
    cpu_before = time.process_time()
    written = indexing.rebuild(progress=progress)
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_before + server_cpu_seconds() - server_before
    first_entries, first_time = marks[0]
    last = [m for m in marks if m[0] < size]
    tail_entries, tail_time = last[-1] if last else (0, 0.0)
    assert written == size, (written, size)
    vacuum_started = time.perf_counter()
    vacuum_analyze()
    return {
        "entries": written,
        "seconds": elapsed,
        "rate": written / elapsed,
        "cpu": cpu,
        "load": load,
        "first_rate": first_entries / first_time,
        "last_rate": (size - tail_entries) / (elapsed - tail_time),
        "vacuum": time.perf_counter() - vacuum_started,
    }


@dataclass
class Search:
    kind: str
    words: str
    filters: dict  # as the view's parameters: agency/category ids, year, validity
    sort: str
    page: int

    def label(self) -> str:
        parts = [self.words or "(no words)"]
        parts += [f"{name}={value}" for name, value in self.filters.items()]
        if self.sort != "relevance":
            parts.append(f"sort={self.sort}")
        if self.page != 1:
            parts.append(f"page={self.page}")
        return " ".join(parts)

    def params(self) -> dict:
        params = {"q": self.words, **self.filters}
        if self.sort != "relevance":
            params["sort"] = self.sort
        if self.page != 1:
            params["page"] = self.page
        return params

    def query(self, site: Site):
        """The ``SearchQuery`` the search page makes of these parameters (see views.py)."""
        from gov_disclosure.search.app_settings import app_settings
        from gov_disclosure.search.backends.base import SearchQuery
        from gov_disclosure.search.segmentation import query_terms

        filters = {}
        for name in ("kind", "agency", "year", "validity"):
            if name in self.filters:
                filters[name] = self.filters[name]
        if "category" in self.filters:
            filters["theme_category"] = site.children[self.filters["category"]]
        per_page = app_settings.SEARCH_PAGE_SIZE
        return SearchQuery(
            terms=tuple(dict.fromkeys(query_terms(self.words))),
            locale_id=site.locale_id,
            filters=filters,
            sort=self.sort,
            offset=(self.page - 1) * per_page,
            limit=per_page,
        )


def the_searches(site: Site, seed: int) -> list[Search]:
    from gov_disclosure.search.models import SearchEntry

    rng = random.Random(seed)
    # Document numbers of the first thousand documents, which every corpus size contains.
    numbers = list(
        SearchEntry.objects.filter(page__path__lt=_first_paths(site, 1000))
        .order_by("page_id")
        .values_list("document_number", flat=True)
    )
    searches = []
    for kind, words, filters, sort, page in QUERIES:
        if words == "{number}":
            words = rng.choice(numbers)
        resolved = {}
        for name, value in filters.items():
            if name == "agency":
                value = next(a.pk for a in site.agencies if a.name == value)
            elif name == "category":
                value = site.categories[value].pk
            resolved[name] = value
        searches.append(Search(kind, words, resolved, sort, page))
    return searches


def _first_paths(site: Site, count: int) -> str:
    """The tree path just after the library's first ``count`` children."""
    from wagtail.models import Page

    library = Page.objects.get(pk=site.library.pk)
    return Page._get_path(library.path, library.depth + 1, count + 1)


@contextmanager
def facets_skipped():
    """The database backend's search without its facet queries (results and total only)."""
    from gov_disclosure.search.backends import database

    facets = database.FACETS
    database.FACETS = ()
    try:
        yield
    finally:
        database.FACETS = facets


# The prototype of the proposed fix (--prototype): two indexes and the facets in one statement.
PROTOTYPE_INDEXES = [
    # The search's condition is ``(title || body) @@ query`` on Wagtail's index entries: without
    # an index on that very expression, every search reads and concatenates every entry.
    'CREATE INDEX "bench_indexentry_vector" ON "{index_entries}" USING gin (("title" || "body"))',
    # The entries are joined to SearchEntry on ``object_id = page_id::varchar(50)``; an index on
    # that expression lets a search that finds few entries look their rows up one by one.
    'CREATE INDEX "bench_searchentry_page_text" ON "{entries}" ((("page_id")::varchar(50)))',
]


def create_prototype_indexes() -> float:
    from django.db import connection

    entries, index_entries, _content_type = index_tables()
    started = time.perf_counter()
    with connection.cursor() as cursor:
        for statement in PROTOTYPE_INDEXES:
            cursor.execute(statement.format(entries=entries, index_entries=index_entries))
    elapsed = time.perf_counter() - started
    vacuum_analyze()
    return elapsed


def drop_prototype_indexes() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute('DROP INDEX IF EXISTS "bench_indexentry_vector"')
        cursor.execute('DROP INDEX IF EXISTS "bench_searchentry_page_text"')


def grouped_facets(query, filters, names, *, with_total):
    """Counts of the facets ``names`` (and the total) over one set of filters, one statement.

    The rows are those the backend matches (``_matching``, the same Wagtail search); the
    counts come from ``GROUP BY GROUPING SETS`` instead of one ``GROUP BY`` query per facet.
    """
    from django.db import connection

    from gov_disclosure.search.backends import database
    from gov_disclosure.search.models import SearchEntry

    matched, is_search = database._matching(query, filters, order_by_relevance=False)
    rows = matched.get_queryset() if is_search else matched
    columns = {name: SearchEntry._meta.get_field(name).attname for name in names}
    sql, params = rows.order_by().values(*columns.values()).query.sql_with_params()
    sets = [f'("{column}")' for column in columns.values()] + (["()"] if with_total else [])
    grouping = ", ".join(f'"{column}"' for column in columns.values())
    selected = ", ".join(f'"{column}"' for column in columns.values())
    statement = (
        f"SELECT {selected}, GROUPING({grouping}), count(*) FROM ({sql}) AS matched "
        f"GROUP BY GROUPING SETS ({', '.join(sets)})"
    )
    counts = {name: {} for name in names}
    total = 0
    width = len(columns)
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        for *values, bits, count in cursor.fetchall():
            if bits == (1 << width) - 1:  # the grouping set (): every matching row
                total = count
                continue
            for position, name in enumerate(names):
                # GROUPING() has a 0 bit for the column this row is grouped by.
                if not bits & (1 << (width - 1 - position)):
                    value = values[position]
                    if value not in (None, ""):
                        counts[name][value] = count
    return counts, total


def prototype_backend_class():
    from gov_disclosure.search.backends import database
    from gov_disclosure.search.backends.base import FACETS, SearchResult

    class PrototypeSearch(database.DatabaseSearch):
        """The database backend with every facet and the total counted in as few statements
        as the filters allow: one for the facets whose own filter is not set, one more per facet
        whose filter is set (its counts ignore its own choice)."""

        def search(self, query):
            free = [name for name in FACETS if name not in query.filters]
            facets, total = grouped_facets(query, query.filters, free, with_total=True)
            for name in FACETS:
                if name in query.filters:
                    counts, _total = grouped_facets(
                        query, query.without(name), [name], with_total=False
                    )
                    facets.update(counts)
            results, _ = database._matching(
                query, query.filters, order_by_relevance=query.sort == "relevance"
            )
            rows = list(results[query.offset : query.offset + query.limit]) if total else []
            hits = database.hits_from(rows, query.terms)
            if not (total or query.filters):
                facets = {}
            return SearchResult(hits=hits, total=total, facets=facets, backend=self.name)

    return PrototypeSearch


@contextmanager
def prototype_backend():
    """The search service (and so the search page) answers through ``PrototypeSearch``."""
    from gov_disclosure.search import service

    backend_class = prototype_backend_class()
    get_backend = service.get_backend
    service.get_backend = backend_class
    try:
        yield
    finally:
        service.get_backend = get_backend


def check_prototype(site, searches):
    """The prototype answers every search as the backend does (hits, total and facets)."""
    from gov_disclosure.search.service import search

    for item in searches:
        query = item.query(site)
        expected, _degraded = search(query)
        with prototype_backend():
            found, _degraded = search(query)
        assert found.total == expected.total, item.label()
        assert [h.page_id for h in found.hits] == [h.page_id for h in expected.hits], item.label()
        assert found.facets == expected.facets, item.label()


def percentile(samples, fraction):
    """Nearest-rank percentile."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


@dataclass
class Timing:
    samples: dict = field(default_factory=dict)  # kind → [seconds]
    queries: dict = field(default_factory=dict)  # kind → [SQL queries of one run]
    totals: dict = field(default_factory=dict)  # kind → [results found]
    slowest: dict = field(default_factory=dict)  # kind → (seconds, search, SQL statement)
    load: float = field(default_factory=lambda: os.getloadavg()[0])  # when it started

    def add(self, kind, seconds):
        self.samples.setdefault(kind, []).append(seconds)

    def stats(self, kind=None):
        samples = self.samples[kind] if kind else [s for v in self.samples.values() for s in v]
        return statistics.median(samples), percentile(samples, 0.95), max(samples)

    def query_range(self, kind=None):
        counts = self.queries[kind] if kind else [q for v in self.queries.values() for q in v]
        low, high = min(counts), max(counts)
        return str(low) if low == high else f"{low}–{high}"


def measure_searches(site, searches, repeat, label) -> Timing:
    """Each search through the service: a warm-up run (SQL counted), then ``repeat`` timed."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from gov_disclosure.search.service import search

    print(f"  searches: {label}", flush=True)
    timing = Timing()
    for item in searches:
        query = item.query(site)
        with CaptureQueriesContext(connection) as captured:
            result, _degraded = search(query)
        timing.queries.setdefault(item.kind, []).append(len(captured))
        timing.totals.setdefault(item.kind, []).append(result.total)
        for statement in captured.captured_queries:
            seconds = float(statement["time"])
            if seconds > timing.slowest.get(item.kind, (0.0,))[0]:
                timing.slowest[item.kind] = (seconds, item.label(), statement["sql"])
        runs = []
        for _ in range(repeat):
            started = time.perf_counter()
            search(query)
            runs.append(time.perf_counter() - started)
            timing.add(item.kind, runs[-1])
        print(
            f"    {item.kind:15} {item.label()[:36]:36} {result.total:7,} found "
            f"{len(captured):2} queries {statistics.median(runs) * 1000:7.0f} ms",
            flush=True,
        )
    return timing


def explain_slowest(timing, label):
    from django.db import connection

    for kind, (seconds, search, sql) in timing.slowest.items():
        print(f"\n-- {label}: slowest statement of “{kind}” ({search}): {seconds * 1000:.0f} ms")
        print(sql)
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            for (line,) in cursor.fetchall():
                print("   ", line)
    print()


def measure_counts(repeat):
    """A bare ``SELECT count(*)`` over the search entries and over Wagtail's index entries."""
    from django.db import connection

    entries, index_entries, _content_type = index_tables()
    timings = {}
    with connection.cursor() as cursor:
        for label, table in (("search entries", entries), ("index entries", index_entries)):
            samples = []
            for run in range(repeat * 5 + 1):
                started = time.perf_counter()
                cursor.execute(f'SELECT count(*) FROM "{table}"')
                cursor.fetchone()
                if run:  # the first one warms the cache
                    samples.append(time.perf_counter() - started)
            timings[label] = (statistics.median(samples), percentile(samples, 0.95))
    return timings


def measure_page(searches, repeat, label) -> Timing:
    """``/search/`` through the test client: middleware, form, search, facets, template."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    print(f"  the search page: {label}", flush=True)
    client = Client()
    timing = Timing()
    for item in searches:
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/search/", item.params())
        assert response.status_code == 200, (item.label(), response.status_code)
        timing.queries.setdefault(item.kind, []).append(len(captured))
        for _ in range(repeat):
            started = time.perf_counter()
            response = client.get("/search/", item.params())
            timing.add(item.kind, time.perf_counter() - started)
            assert response.status_code == 200
    return timing


def ms(seconds):
    return f"{seconds * 1000:,.0f}" if seconds >= 0.0095 else f"{seconds * 1000:.1f}"


def report(size, build, results, counts, repeat, searches) -> str:
    per_kind = {kind: sum(1 for s in searches if s.kind == kind) for kind in KINDS}
    full, bare, page = results["service"], results["no facets"], results["page"]
    lines = [
        f"#### {size:,} documents",
        "",
        f"Indexing (`rebuild`): {build['entries']:,} entries in {build['seconds']:.1f} s, "
        f"**{build['rate']:,.0f} entries/s** (CPU {build['cpu']:.1f} s, this process and its "
        f"PostgreSQL backend: {build['entries'] / build['cpu']:,.0f}/s on idle cores; first "
        f"tenth {build['first_rate']:,.0f}/s, last tenth {build['last_rate']:,.0f}/s; "
        f"load {build['load']:.1f}).",
        "",
        f"Searches through `service.search`, {repeat} timed runs each after a warm-up run "
        f"(milliseconds; load average {full.load:.1f}):",
        "",
        "| kind | searches | found (median) | SQL queries | p50 | p95 | max "
        "| without facets: SQL queries | p50 | p95 |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for kind in KINDS:
        p50, p95, top = full.stats(kind)
        b50, b95, _top = bare.stats(kind)
        lines.append(
            f"| {kind} | {per_kind[kind]} | {statistics.median(full.totals[kind]):,.0f} "
            f"| {full.query_range(kind)} | {ms(p50)} | {ms(p95)} | {ms(top)} "
            f"| {bare.query_range(kind)} | {ms(b50)} | {ms(b95)} |"
        )
    p50, p95, top = full.stats()
    b50, b95, _top = bare.stats()
    lines.append(
        f"| **all** | {len(searches)} | | {full.query_range()} | **{ms(p50)}** | **{ms(p95)}** "
        f"| {ms(top)} | {bare.query_range()} | {ms(b50)} | {ms(b95)} |"
    )
    lines += [
        "",
        "Baseline: `SELECT count(*)` over the search entries "
        f"{ms(counts['search entries'][0])} ms (p95 {ms(counts['search entries'][1])}), "
        f"over Wagtail's index entries {ms(counts['index entries'][0])} ms "
        f"(p95 {ms(counts['index entries'][1])}).",
        "",
        f"The search page `/search/` through Django's test client, {repeat} timed runs each "
        f"(milliseconds; load average {page.load:.1f}):",
        "",
        "| kind | SQL queries | p50 | p95 | max |",
        "|---|---|---|---|---|",
    ]
    for kind in KINDS:
        p50, p95, top = page.stats(kind)
        lines.append(f"| {kind} | {page.query_range(kind)} | {ms(p50)} | {ms(p95)} | {ms(top)} |")
    p50, p95, top = page.stats()
    lines.append(f"| **all** | {page.query_range()} | **{ms(p50)}** | **{ms(p95)}** | {ms(top)} |")
    if "indexes" in results:
        indexed, grouped = results["indexes"], results["prototype"]
        prototype_page = results["prototype page"]
        lines += [
            "",
            f"Prototype (`--prototype`): the two indexes take {results['index seconds']:.1f} s "
            "to create; with them in place `rebuild` writes "
            f"{results['prototype build']['rate']:,.0f} entries/s (CPU "
            f"{results['prototype build']['cpu']:.1f} s). The searches with the two indexes "
            "only, then with the indexes and the facets counted in one statement, and the "
            f"search page with both (milliseconds; load average {grouped.load:.1f}):",
            "",
            "| kind | indexes: p50 | p95 | indexes + one facet statement: SQL queries | p50 "
            "| p95 | max | search page: SQL queries | p50 | p95 |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        for kind in KINDS:
            i50, i95, _top = indexed.stats(kind)
            g50, g95, gtop = grouped.stats(kind)
            v50, v95, _top = prototype_page.stats(kind)
            lines.append(
                f"| {kind} | {ms(i50)} | {ms(i95)} | {grouped.query_range(kind)} | {ms(g50)} "
                f"| {ms(g95)} | {ms(gtop)} | {prototype_page.query_range(kind)} | {ms(v50)} "
                f"| {ms(v95)} |"
            )
        i50, i95, _top = indexed.stats()
        g50, g95, gtop = grouped.stats()
        v50, v95, _top = prototype_page.stats()
        lines.append(
            f"| **all** | {ms(i50)} | **{ms(i95)}** | {grouped.query_range()} | {ms(g50)} "
            f"| **{ms(g95)}** | {ms(gtop)} | {prototype_page.query_range()} | {ms(v50)} "
            f"| **{ms(v95)}** |"
        )
    return "\n".join(lines) + "\n"


def measure(site, size, searches, args) -> dict:
    results = {}
    results["service"] = measure_searches(site, searches, args.repeat, "the backend")
    with facets_skipped():
        results["no facets"] = measure_searches(
            site, searches, args.repeat, "the backend without facets"
        )
    results["page"] = measure_page(searches, args.repeat, "the backend")
    if args.explain:
        explain_slowest(results["service"], "the backend")
    if args.prototype:
        results["index seconds"] = create_prototype_indexes()
        try:
            # What the two indexes cost when writing: the same rebuild with them in place.
            results["prototype build"] = build_index(size)
            results["indexes"] = measure_searches(
                site, searches, args.repeat, "the backend with the two indexes"
            )
            check_prototype(site, searches)
            with prototype_backend():
                results["prototype"] = measure_searches(
                    site, searches, args.repeat, "prototype: indexes and one facet statement"
                )
                results["prototype page"] = measure_page(searches, args.repeat, "prototype")
            if args.explain:
                explain_slowest(results["indexes"], "the backend with the two indexes")
                explain_slowest(results["prototype"], "prototype")
        finally:
            drop_prototype_indexes()
    return results


def code_version() -> str:
    """The commit measured, and whether the code differed from it (bench/ and docs/ aside)."""
    import subprocess

    def git(*arguments):
        return subprocess.run(
            ["git", *arguments], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()

    try:
        commit = git("rev-parse", "--short", "HEAD")
        changed = git("status", "--porcelain", "--", "gov_disclosure", "example_site", "tests")
    except (OSError, subprocess.CalledProcessError):
        return "commit unknown"
    if changed:
        return f"commit {commit} with uncommitted changes to {len(changed.splitlines())} files"
    return f"commit {commit}"


def main():
    args = parse_args()
    sys.path[:0] = [str(ROOT), str(ROOT / "example_site")]
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
    os.environ["DATABASE_URL"] = fresh_database(args.server, args.database)
    try:
        import django
        from django.core.management import call_command

        django.setup()
        from django.db import connection

        call_command("migrate", verbosity=0)
        site = set_up_site()
        corpus = Corpus(args.seed)
        header = (
            f"{code_version()}; "
            f"PostgreSQL {connection.cursor().connection.info.server_version}, "
            f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}, "
            f"Django {django.get_version()}, Wagtail {__import__('wagtail').__version__}; "
            f"seed {args.seed}"
        )
        print(header)
        reports = []
        verdict = 0
        for size in sorted(set(args.documents)):
            print(f"\n{size:,} documents")
            grow_library(site, corpus, size)
            build = build_index(size)
            print(
                f"  indexing: {build['entries']:,} entries in {build['seconds']:.1f} s, "
                f"{build['rate']:,.0f} entries/s (CPU {build['cpu']:.1f} s); "
                f"VACUUM ANALYZE {build['vacuum']:.1f} s"
            )
            searches = the_searches(site, args.seed)
            results = measure(site, size, searches, args)
            counts = measure_counts(args.repeat)
            text = report(size, build, results, counts, args.repeat, searches)
            print()
            print(text)
            reports.append(text)
            p95 = results["service"].stats()[1]
            if size >= 100_000:
                within = p95 < BUDGET
                verdict = verdict or (0 if within else 1)
                print(
                    f"p95 of the searches at {size:,} documents {p95:.2f} s: "
                    f"{'within' if within else 'OVER'} the budget of {BUDGET:g} s"
                )
        if args.markdown:
            Path(args.markdown).write_text(header + "\n\n" + "\n".join(reports), encoding="utf-8")
        return verdict
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            drop_database(args.server, args.database)


if __name__ == "__main__":
    sys.exit(main())
