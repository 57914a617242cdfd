"""Disclosure on application (依申请公开) in the demo: the public page of 示范县人民政府 and a
year of requests the county government's disclosure office received and handled.

About sixty requests, in every state the office meets: online requests awaiting confirmation
of receipt, a request waiting for the applicant's clarification (补正), requests being
processed (one with a third-party consultation still open, one with a consultation answered,
one with an approved extension), a few past their due date, and replies with every outcome of
Table 3 of the annual report. Five requests came in December of the previous year and were
still open on 1 January (上年结转). One applicant sent twelve requests in one month, so that the
11th and the 12th carry the information-processing fee (信息处理费); the 12th was not paid.

Like the public participation demo (``home.demo_participation``), the dates follow the day the
demo is loaded: they are counted in working days back from :func:`anchor`, the 1st or the
16th of the month, so that loading the demo again a few days later changes nothing, and a
request is open, overdue or replied whatever the day. A step that would come after the anchor
(a reply to a request received in late December, when the demo is loaded in early January) has
not happened yet. The working days are those of the site's calendar, the one the legal clock
counts with.

Requests are keyed by fixed tracking numbers (``YSQDEMO0001`` …). The status secret of every
demo request is :data:`DEMO_SECRET`, so that the public status page can be tried out. Names,
identity numbers (checksums right, so that they pass the form's checks), telephone numbers
(``1380000…``), e-mail addresses (``example.com``) and organisations are made up; 示州市 is the
fictional prefecture of the county.
"""

from __future__ import annotations

import datetime
import uuid

from stdnum.cn import ric, uscc

from .demo_content import REGION_CODE, organisation_code
from .demo_participation import anchor

NUMBER_PREFIX = "YSQDEMO"
# Every demo request's status secret (the letters and digits of the secret's alphabet).
DEMO_SECRET = "SFXYSQ2345"
# The document page a reply points to: the information was already disclosed proactively.
PUBLISHED_DOCUMENT = "doc-2020-014"
AGENCY = "county"

PAGE = {
    "slug": "ysqgk",
    "title": "依申请公开",
    "intro": (
        "<p>公民、法人或者其他组织需要获取示范县人民政府未主动公开的政府信息，可以向县人民政府"
        "提出政府信息公开申请。申请由县人民政府办公室政务公开科统一受理、登记和办理，"
        "提供政府信息不收取费用（信息处理费除外，见下文）。</p>"
        "<h2>怎样提出申请</h2>"
        "<p>申请应当采用书面形式，写明申请人的姓名或者名称、身份证件或者统一社会信用代码、"
        "联系方式，所需政府信息的名称、文号或者便于查找的其他特征性描述，以及希望获取信息的"
        "形式和方式。一份申请请只写一项政府信息，便于尽快办理。</p>"
        "<ul>"
        "<li><b>网上申请</b>：填写本页面下方的申请表。工作人员在工作日确认收到申请，"
        "确认之日为收到申请之日。</li>"
        "<li><b>当面申请</b>：工作日到示范县政通路88号县人民政府办公室政务公开科提交，"
        "提交当日为收到申请之日。</li>"
        "<li><b>信函申请</b>：寄至示范县政通路88号示范县人民政府办公室政务公开科，"
        "信封上请注明“政府信息公开申请”，签收之日为收到申请之日。</li>"
        "<li><b>传真申请</b>：发送至0530-6121009后请致电确认，双方确认之日为收到申请之日。</li>"
        "</ul>"
        "<h2>多长时间答复</h2>"
        "<p>能够当场答复的，当场答复；不能当场答复的，自收到申请之日起20个工作日内答复。"
        "需要延长答复期限的，经政务公开工作机构负责人同意后告知申请人，延长的期限最长不超过"
        "20个工作日。申请内容不明确的，工作人员在收到申请之日起7个工作日内一次性告知需要补正的"
        "事项，答复期限自收到补正后的申请之日起计算。需要征求第三方或者其他机关意见的，"
        "征求意见所需时间不计算在答复期限内。</p>"
        "<h2>信息处理费</h2>"
        "<p>同一申请人一个自然月内申请不超过10件的，不收费；第11件至第30件，每件100元；"
        "第31件起，每增加10件，每件收费标准提高100元。需要收费的，工作人员书面通知申请人"
        "收费的依据、金额和缴纳方式。</p>"
        "<h2>查询办理情况</h2>"
        "<p>网上提交申请后，页面显示受理编号和查询码，查询码只显示这一次，请抄写或者截图保存。"
        "当面、信函或者传真申请的，工作人员登记后告知受理编号和查询码。凭受理编号和查询码可以在"
        "本页面查询办理状态、答复期限和办理结果，查询结果不显示申请人的个人信息。</p>"
        "<h2>救济途径</h2>"
        "<p>申请人认为本机关在政府信息公开工作中侵犯其合法权益的，可以自知道之日起60日内向"
        "示州市人民政府申请行政复议，也可以自知道之日起6个月内向人民法院提起行政诉讼。</p>"
        "<p>咨询电话：0530-6121002（工作日上午8:30—12:00，下午14:00—17:30）。</p>"
    ),
    "after_submission": (
        "<p>工作人员将在工作日确认收到您的申请，确认之日为收到申请之日，答复期限自该日起计算。"
        "申请内容需要补正的，我们会通过您留下的联系方式告知。</p>"
        "<p>如有疑问，请在工作时间致电0530-6121002。</p>"
    ),
}

APPROVER = "县人民政府办公室副主任 孙立伟"


# Applicants ----------------------------------------------------------------------------------


def resident_id(area: str, birth: str, sequence: int) -> str:
    """An 18-digit resident identity number with the right check character (GB 11643).

    ``area`` must be a code python-stdnum knows, ``birth`` a YYYYMMDD date, ``sequence`` three
    digits (odd for men, even for women).
    """
    first17 = f"{area}{birth}{sequence:03d}"
    return first17 + ric.calc_check_digit(first17 + "X")


def credit_code(kind: str, body: str) -> str:
    """A unified social credit code: ``kind`` (registering authority and type, e.g. ``91``
    for an enterprise), the county's region code and the organisation code of ``body``."""
    first17 = kind + REGION_CODE + organisation_code(body)
    return first17 + uscc.calc_check_digit(first17)


def person(name, id_number, phone, email, address, id_type="resident_id", postcode="279900"):
    return {
        "applicant_type": "person",
        "organisation_category": "",
        "name": name,
        "id_type": id_type,
        "id_number": id_number,
        "organisation_code": "",
        "legal_representative": "",
        "contact_person": "",
        "phone": phone,
        "email": email,
        "address": address,
        "postcode": postcode,
    }


def organisation(name, category, code, representative, contact, phone, email, address):
    return {
        "applicant_type": "organisation",
        "organisation_category": category,
        "name": name,
        "id_type": "",
        "id_number": "",
        "organisation_code": code,
        "legal_representative": representative,
        "contact_person": contact,
        "phone": phone,
        "email": email,
        "address": address,
        "postcode": "279900",
    }


# fmt: off
APPLICANTS = {
    # Natural persons
    "li_hongmei": person("李红梅", resident_id("370300", "19790314", 226), "13800003001",
                         "lihongmei@example.com", "示范县城关镇文昌路社区5号楼1单元202室"),
    "zhang_guoqing": person("张国庆", resident_id("370100", "19661001", 153), "13800003002",
                            "", "示范县河口乡前湾村三组"),
    "liu_guifang": person("刘桂芳", resident_id("370300", "19560722", 348), "13800003003",
                          "", "示范县城关镇南关村二组"),
    "chen_xiaodong": person("陈晓东", resident_id("370200", "19850609", 211), "13800003004",
                            "chenxiaodong@example.com", "示范县城关镇惠民街15号"),
    "zhao_lixin": person("赵立新", resident_id("370100", "19710218", 137), "13800003005",
                         "", "示范县城关镇西关村"),
    "sun_li": person("孙丽", resident_id("370400", "19880530", 264), "13800003006",
                     "sunli@example.com", "示范县城关镇学府花园8号楼3单元501室"),
    "ma_jianhua": person("马建华", resident_id("370300", "19620911", 175), "13800003007",
                         "", "示范县城关镇健康路社区12号"),
    "huang_zhigang": person("黄志刚", resident_id("370100", "19760403", 319), "13800003008",
                            "huangzhigang@example.com", "示范县河口乡柳林村"),
    "wu_haiyan": person("吴海燕", resident_id("370200", "19830127", 382), "13800003009",
                        "wuhaiyan@example.com", "示范县城关镇东关社区9号楼2单元301室"),
    "zheng_yulan": person("郑玉兰", resident_id("370300", "19590816", 446), "13800003010",
                          "", "示范县城关镇建设路社区3号楼1单元101室"),
    "qian_hong": person("钱宏", resident_id("370400", "19921108", 293), "13800003011",
                        "qianhong@example.com", "示范县城关镇府前街22号"),
    "feng_xiaomei": person("冯晓梅", resident_id("370100", "19960219", 128), "13800003012",
                           "fengxiaomei@example.com", "示范县城关镇文昌路社区11号楼"),
    "chu_weiguo": person("褚卫国", resident_id("370300", "19640925", 357), "13800003013",
                         "", "示范县城关镇北关村四组"),
    "zhou_yongfu": person("周永福", resident_id("370300", "19630512", 171), "13800003014",
                          "zhouyongfu@example.com", "示范县河口乡柳林村一组"),
    "yang_fan": person("杨帆", resident_id("370200", "19900704", 235), "13800003015",
                       "yangfan@example.com", "示范县城关镇建设路社区7号楼2单元402室"),
    "he_shuzhen": person("何淑珍", resident_id("370100", "19450312", 128), "13800003016",
                         "", "示范县城关镇东关社区2号楼1单元102室"),
    "guo_ming": person("郭明", resident_id("370400", "19870923", 311), "13800003017",
                       "guoming@example.com", "示范县城关镇人民路社区"),
    "tang_jun": person("唐俊", resident_id("370200", "19930115", 279), "13800003018",
                       "tangjun@example.com", "示范县城关镇滨河花园"),
    "han_mei": person("韩梅", resident_id("370300", "19680306", 482), "13800003019",
                      "", "示范县河口乡振兴路"),
    "cao_lijuan": person("曹丽娟", resident_id("370100", "19800817", 246), "13800003020",
                         "caolijuan@example.com", "示范县城关镇西关社区"),
    "deng_chao": person("邓超", resident_id("370400", "19950428", 195), "13800003021",
                        "dengchao@example.com", "示范县城关镇学府花园"),
    "peng_hui": person("彭辉", resident_id("370200", "19740630", 333), "13800003022",
                       "penghui@example.com", "示范县城关镇惠民街"),
    "zeng_jing": person("曾静", resident_id("370300", "19820114", 224), "13800003023",
                        "zengjing@example.com", "示范县城关镇建设路社区"),
    "xie_jinhai": person("谢金海", resident_id("370100", "19670227", 159), "13800003024",
                         "xiejinhai@example.com", "示范县城关镇人民路社区"),
    "dong_guiying": person("董桂英", resident_id("370400", "19610719", 368), "13800003025",
                           "", "示范县河口乡前湾村一组"),
    "jiang_wei": person("蒋伟", resident_id("370200", "19890311", 217), "13800003026",
                        "jiangwei@example.com", "示范县城关镇滨河花园"),
    "shen_xue": person("沈雪", resident_id("370300", "19940802", 286), "13800003027",
                       "shenxue@example.com", "示范县城关镇南关社区"),
    "lyu_chen": person("吕晨", resident_id("370100", "19910521", 173), "13800003028",
                       "lyuchen@example.com", "示范县城关镇府前街"),
    "leung_kahou": person("梁家豪", "H10293847", "13800003029", "leungkahou@example.com",
                          "香港新界沙田示例街8号", id_type="hk_macao", postcode=""),
    "lin_zhiming": person("林志明", "08123456", "13800003030", "linzhiming@example.com",
                          "台湾省台中市西区示例路12号", id_type="taiwan", postcode=""),
    "zhong_lei": person("钟磊", resident_id("370400", "19860909", 255), "13800003031",
                        "zhonglei@example.com", "示范县城关镇文昌路社区"),
    # Legal persons and other organisations: the five columns of Table 3
    "hengtong": organisation("示范县恒通建筑工程有限公司", "commercial",
                             credit_code("91", "3H7C2051"), "王志强", "李明",
                             "13800003101", "hengtong@example.com", "示范县经济开发区纬二路18号"),
    "xinyuan": organisation("示范县鑫源建材有限公司", "commercial",
                            credit_code("91", "3H7C1184"), "高建国", "高晓丽",
                            "13800003102", "xinyuan@example.com", "示范县经济开发区开发大道66号"),
    "antai": organisation("示州市安泰消防设备有限公司", "commercial",
                          credit_code("91", "3H6A0927"), "徐安泰", "徐娜",
                          "13800003103", "antai@example.com", "示州市高新区创业路9号"),
    "ruifeng": organisation("示范县瑞丰农业科技有限公司", "commercial",
                            credit_code("91", "3H7D0316"), "邵瑞丰", "邵佳",
                            "13800003104", "ruifeng@example.com", "示范县河口乡振兴路36号"),
    "tianheng": organisation("示州市天衡工程造价咨询有限公司", "commercial",
                             credit_code("91", "3H6B2290"), "田衡", "田小雨",
                             "13800003105", "tianheng@example.com", "示州市建设大街120号"),
    "xinda": organisation("示范县鑫达商砼有限公司", "commercial",
                          credit_code("91", "3H7C3045"), "许达", "许文",
                          "13800003106", "xinda@example.com", "示范县经济开发区纬三路2号"),
    "college": organisation("示州学院公共管理学院", "research",
                            credit_code("12", "49380112"), "秦文博", "陆思远",
                            "13800003107", "ggglxy@example.com", "示州市学院路1号"),
    "agri_institute": organisation("示州市农业科学研究院", "research",
                                   credit_code("12", "49380205"), "严丰", "严小禾",
                                   "13800003108", "nky@example.com", "示州市农科路3号"),
    "green_source": organisation("示州市绿源环境保护志愿服务协会", "nonprofit",
                                 credit_code("51", "50210431"), "江清", "江小溪",
                                 "13800003109", "lvyuan@example.com", "示州市滨江路210号"),
    "children": organisation("示州市乡村儿童关爱协会", "nonprofit",
                             credit_code("51", "50210528"), "施爱华", "施晓",
                             "13800003110", "guanai@example.com", "示州市文化路45号"),
    "zhengheng": organisation("山东示州正衡律师事务所", "legal_service",
                              credit_code("31", "60330217"), "袁正衡", "袁律",
                              "13800003111", "zhengheng@example.com", "示州市法苑路16号"),
    "mingfa": organisation("示州明法律师事务所", "legal_service",
                           credit_code("31", "60330324"), "章明法", "章晴",
                           "13800003112", "mingfa@example.com", "示州市法苑路28号"),
    "liulin": organisation("示范县河口乡柳林村村民委员会", "other",
                           credit_code("54", "70150066"), "柳长青", "柳长青",
                           "13800003113", "", "示范县河口乡柳林村村委大院"),
    "lyufeng": organisation("示范县河口乡绿丰果蔬种植专业合作社", "other",
                            credit_code("93", "3H7E0712"), "邹绿丰", "邹丰",
                            "13800003114", "lvfeng@example.com", "示范县河口乡前湾村"),
}
# fmt: on


# Requests ------------------------------------------------------------------------------------

# ``received``: ("workdays", n), n working days before the anchor; ("december", day), that
# day (or the working day before it) of December of the previous year; ("fee_month", n), the
# n-th working day of the month of the demo's fees (see ``fee_month``); None, an online request
# not confirmed yet (``submitted`` is then the number of days before the anchor).
# Steps are counted in working days from the day of receipt: ``clarification`` (after, what,
# clarified after or None), ``consultations`` [(kind, party, asked after, answered after or
# None, note)], ``extension`` (days, approved after, reason), ``reply`` (after, outcome, text),
# ``fee`` (notice after, paid after or None). The texts may name {year}, the year of receipt,
# and {last}, the year before it.


def req(number, applicant, channel, received, description, **extra):
    return {
        "number": number,
        "applicant": applicant,
        "channel": channel,
        "received": received,
        "description": description,
        **extra,
    }


ONLINE, IN_PERSON, POST, FAX = "online", "in_person", "post", "fax"
PAPER, ELECTRONIC = "paper", "electronic"
BY_POST, BY_EMAIL, PICKUP = "post", "email", "pickup"

REQUESTS = [
    # Open requests -------------------------------------------------------------------------
    req(
        1,
        "li_hongmei",
        ONLINE,
        None,
        "申请公开城关镇文昌路社区老旧小区改造项目的改造内容清单、施工单位名称和计划竣工时间。",
        purpose="本人是该小区居民，想了解改造期间的施工安排。",
        submitted=(1, 20, 41),
    ),
    req(
        2,
        "green_source",
        ONLINE,
        None,
        "申请公开示范县城区污水处理厂{year}年以来出水水质在线监测数据（化学需氧量、氨氮的日均值）。",
        purpose="开展县域水环境公众监督和志愿服务。",
        submitted=(2, 10, 15),
    ),
    req(
        3,
        "zhang_guoqing",
        IN_PERSON,
        ("workdays", 1),
        "申请公开河口乡{last}年度耕地地力保护补贴的补贴标准，以及前湾村的补贴面积和发放总额。",
        information_form=PAPER,
        delivery=PICKUP,
        time=(10, 20),
    ),
    req(
        4,
        "liu_guifang",
        POST,
        ("workdays", 5),
        "申请公开县里关于拆迁的文件。",
        information_form=PAPER,
        delivery=BY_POST,
        time=(15, 5),
        clarification=(
            3,
            "您申请公开的“县里关于拆迁的文件”指向不明确。请补正所需政府信息的名称、文号，或者"
            "涉及的具体项目、地块、大致时间等特征性描述，以便我们查找。",
            None,
        ),
    ),
    req(
        5,
        "hengtong",
        ONLINE,
        ("workdays", 12),
        "申请公开示范县第二实验小学教学楼建设项目中标单位投标文件中的项目经理类似工程业绩证明材料。",
        purpose="本公司参与了该项目投标，对中标结果有疑问。",
        consultations=[
            (
                "third_party",
                "示州市宏远建设集团有限公司",
                6,
                None,
                "投标文件可能涉及商业秘密，书面征求中标单位意见",
            ),
        ],
    ),
    req(
        6,
        "zhengheng",
        FAX,
        ("workdays", 18),
        "受当事人委托，申请公开县人民政府对城关镇东关村集体土地征收作出的征收土地预公告、"
        "征地补偿安置方案公告及听证告知书。",
        information_form=PAPER,
        delivery=BY_POST,
        time=(9, 5),
        consultations=[
            ("agency", "示州市自然资源和规划局", 4, 9, "确认征收土地预公告的发布主体"),
        ],
    ),
    req(
        7,
        "chen_xiaodong",
        ONLINE,
        ("workdays", 22),
        "申请公开城关镇惠民街17号商住楼的建设工程规划许可证及附图。",
        purpose="该楼与本人住宅相邻，了解其建筑间距是否符合规划。",
        consultations=[
            (
                "third_party",
                "示范县惠民置业有限公司",
                3,
                20,
                "第三方逾期答复；同意公开许可证，不同意公开附图中的户型设计",
            ),
        ],
    ),
    req(
        8,
        "zhao_lixin",
        IN_PERSON,
        ("workdays", 28),
        "申请公开城关镇西关村2016年以来历年农村宅基地审批结果的公示材料。",
        information_form=PAPER,
        delivery=PICKUP,
        time=(14, 40),
        extension=(15, 17, "申请涉及近十年的审批材料，需要到县档案馆和城关镇逐卷查找、核对。"),
    ),
    req(
        9,
        "sun_li",
        ONLINE,
        ("workdays", 16),
        "申请公开县教育局关于城区小学学区划分的依据，以及{year}年秋季学期学区调整方案。",
        purpose="孩子明年入学，了解学区安排。",
    ),
    req(
        10,
        "ma_jianhua",
        POST,
        ("workdays", 30),
        "申请公开示范县{last}年度城乡居民基本医疗保险基金收支情况。",
        information_form=PAPER,
        delivery=BY_POST,
        time=(16, 10),
        notes="信件签收后分办延误，已催办县医疗保障局。",
    ),
    req(
        11,
        "college",
        ONLINE,
        ("workdays", 46),
        "申请公开示范县各乡镇{last}年度一般公共预算“三公”经费决算明细。",
        purpose="开展基层财政透明度研究。",
        extension=(20, 19, "涉及全县12个乡镇，需要逐一调取、核对决算报表。"),
    ),
    req(
        12,
        "huang_zhigang",
        ONLINE,
        ("workdays", 12),
        "申请公开我们村修路的资金。",
        clarification=(
            2,
            "请写明村名、道路名称或者位置、大致建设年份，以及需要的是资金来源、预算还是决算。",
            6,
        ),
        notes="申请人补正：河口乡柳林村村东至县道的水泥路，{last}年修建，申请公开项目资金来源和决算。",
    ),
    req(
        13,
        "wu_haiyan",
        ONLINE,
        ("workdays", 24),
        "申请公开示范县{last}年度城乡居民最低生活保障资金的筹集和使用情况。",
    ),
    # Received in December of the previous year, still open on 1 January ------------------------
    req(
        14,
        "xinyuan",
        ONLINE,
        ("december", 8),
        "申请公开城区供热管网改造工程（二期）的施工合同和工程结算审核报告。",
        consultations=[
            (
                "third_party",
                "示州市城建集团有限公司",
                3,
                10,
                "施工单位不同意公开合同分项单价，认为属于商业秘密",
            ),
        ],
        reply=(
            24,
            "partly_disclosed",
            "施工合同中的分项工程单价经征求施工单位意见，属于其商业秘密，公开后可能损害其合法"
            "权益，不予公开；合同其余部分和工程结算审核报告予以公开，已通过电子邮件发送。",
        ),
    ),
    req(
        15,
        "zheng_yulan",
        POST,
        ("december", 12),
        "申请公开{year}年示范县困难残疾人生活补贴和重度残疾人护理补贴的发放标准，以及城关镇的"
        "享受人数。",
        information_form=PAPER,
        delivery=BY_POST,
        time=(10, 40),
        extension=(15, 18, "城关镇享受人数需要县残疾人联合会核对后提供。"),
        reply=(
            30,
            "disclosed",
            "两项补贴的发放标准和城关镇的享受人数见附件，已按您要求的地址邮寄。",
        ),
    ),
    req(
        16,
        "qian_hong",
        IN_PERSON,
        ("december", 17),
        "申请公开城关镇{year}年度城乡公益性岗位招聘公告和拟聘用人员公示。",
        information_form=PAPER,
        delivery=PICKUP,
        time=(11, 0),
        reply=(
            14,
            "disclosed",
            "招聘公告和拟聘用人员公示的复印件请到县人民政府办公室政务公开科领取。",
        ),
    ),
    req(
        17,
        "feng_xiaomei",
        ONLINE,
        ("december", 22),
        "申请公开本人参加{year}年示州市考试录用公务员的体检复检结论。",
        reply=(
            12,
            "unavailable_not_held",
            "经查，本机关不掌握您申请的信息。该信息由示州市公务员主管部门掌握，您可以向示州市"
            "人力资源和社会保障局咨询。",
        ),
    ),
    req(
        18,
        "chu_weiguo",
        POST,
        ("december", 26),
        "要求县政府查处本人邻居在北关村四组违法搭建的彩钢房，并公开查处结果。",
        information_form=PAPER,
        delivery=BY_POST,
        time=(9, 50),
        reply=(
            10,
            "not_handled_petition",
            "您的来信反映的是违法建设问题，属于投诉举报。本机关已将来信转交城关镇人民政府和县"
            "综合行政执法局依法处理，您也可以通过12345政务服务便民热线反映。",
        ),
    ),
    # One applicant, twelve requests in one month: the 11th and the 12th carry the fee ----------
    req(
        19,
        "zhou_yongfu",
        ONLINE,
        ("fee_month", 2),
        "申请公开河口乡柳林村集体土地征收的征收土地公告。",
        time=(8, 35),
        reply=(6, "disclosed", "征收土地公告已通过电子邮件发送。"),
    ),
    req(
        20,
        "zhou_yongfu",
        ONLINE,
        ("fee_month", 2),
        "申请公开河口乡柳林村集体土地征收的征地补偿安置方案公告。",
        time=(8, 52),
        reply=(6, "disclosed", "征地补偿安置方案公告已通过电子邮件发送。"),
    ),
    req(
        21,
        "zhou_yongfu",
        ONLINE,
        ("fee_month", 3),
        "申请公开示州市自然资源和规划局对柳林村征收土地勘测定界技术报告的审查意见。",
        time=(9, 10),
        reply=(
            8,
            "unavailable_not_held",
            "经查，本机关不掌握该审查意见，您可以向示州市自然资源和规划局申请。",
        ),
    ),
    req(
        22,
        "zhou_yongfu",
        POST,
        ("fee_month", 5),
        "申请公开柳林村征地补偿款发放明细表。",
        information_form=PAPER,
        delivery=BY_POST,
        time=(10, 30),
        reply=(
            12,
            "partly_disclosed",
            "明细表中其他被征地农户的姓名、身份证号码和银行账号属于个人隐私，已作去除处理；"
            "本人的补偿款项和其余内容予以公开。",
        ),
    ),
    req(
        23,
        "zhou_yongfu",
        ONLINE,
        ("fee_month", 5),
        "申请公开县人民政府研究柳林村征地事项的会议纪要及讨论记录。",
        time=(15, 20),
        reply=(
            10,
            "withheld_process",
            "您申请的会议纪要和讨论记录属于行政机关在履行行政管理职能过程中形成的讨论记录，"
            "属于过程性信息，不予公开。征收土地公告和补偿安置方案已经向您公开。",
        ),
    ),
    req(
        24,
        "zhou_yongfu",
        ONLINE,
        ("fee_month", 6),
        "申请公开河口乡柳林村集体土地征收的征地补偿安置方案公告。",
        time=(9, 45),
        reply=(
            4,
            "not_handled_repeated",
            "您于本月已申请公开同一信息，本机关已经答复，本次申请属于重复申请，不予重复处理。",
        ),
    ),
    req(
        25,
        "zhou_yongfu",
        ONLINE,
        ("fee_month", 8),
        "申请公开柳林村征地的地上附着物和青苗补偿标准。",
        time=(8, 20),
        reply=(7, "disclosed", "补偿标准已通过电子邮件发送。"),
    ),
    req(
        26,
        "zhou_yongfu",
        ONLINE,
        ("fee_month", 9),
        "申请公开柳林村每户被征收土地面积与全县同类征地项目平均补偿水平的对比分析。",
        time=(14, 5),
        reply=(
            9,
            "unavailable_needs_making",
            "本机关没有您所说的对比分析，提供该信息需要对现有信息进行加工、分析，本机关不予提供。",
        ),
    ),
    req(
        27,
        "zhou_yongfu",
        ONLINE,
        ("fee_month", 10),
        "要求对已获取的柳林村征地补偿安置方案公告重新加盖县人民政府印章后出具。",
        time=(9, 0),
        reply=(
            5,
            "not_handled_confirmation",
            "该公告已经向您公开，您要求对已获取的信息重新出具，本机关不作为政府信息公开申请处理。",
        ),
    ),
    req(
        28,
        "zhou_yongfu",
        ONLINE,
        ("fee_month", 10),
        "申请公开柳林村其他被征地农户与征收部门签订的征地补偿协议。",
        time=(16, 30),
        consultations=[
            ("third_party", "柳林村相关被征地农户（3户）", 2, 9, "三户均书面表示不同意公开"),
        ],
        reply=(
            16,
            "withheld_third_party",
            "经书面征求意见，相关农户均不同意公开其补偿协议。协议内容涉及其个人隐私，公开会"
            "损害其合法权益，不予公开。",
        ),
    ),
    req(
        29,
        "zhou_yongfu",
        ONLINE,
        ("fee_month", 12),
        "申请公开柳林村征地项目的社会稳定风险评估报告结论。",
        time=(10, 10),
        fee=(3, 6),
        reply=(
            8,
            "disclosed",
            "您本月提交的第11件申请，按规定收取信息处理费100元，已于缴费后通过电子邮件提供"
            "评估报告结论。",
        ),
    ),
    req(
        30,
        "zhou_yongfu",
        ONLINE,
        ("fee_month", 13),
        "申请公开柳林村征地项目的听证笔录。",
        time=(11, 25),
        fee=(3, None),
        reply=(
            25,
            "other_fee_unpaid",
            "本机关已于收费通知中告知您缴纳信息处理费100元。您在规定期限内未缴纳，视为放弃"
            "申请，本机关不再处理该申请。",
        ),
    ),
    # Replied during the year --------------------------------------------------------------------
    req(
        31,
        "yang_fan",
        ONLINE,
        ("workdays", 27),
        "申请公开城关镇建设路片区老旧小区改造项目的招标控制价和中标通知书。",
        reply=(9, "disclosed", "招标控制价和中标通知书已通过电子邮件发送。"),
    ),
    req(
        32,
        "he_shuzhen",
        IN_PERSON,
        ("workdays", 32),
        "申请公开本县高龄津贴的发放标准和申领办法。",
        information_form=PAPER,
        delivery=PICKUP,
        time=(9, 15),
        reply=(3, "disclosed", "高龄津贴的发放标准和申领办法已当面提供，并告知社区代办方式。"),
    ),
    req(
        33,
        "mingfa",
        POST,
        ("workdays", 38),
        "受当事人委托，申请公开县综合行政执法局对当事人违法建设行为立案调查的询问笔录和现场"
        "勘验笔录。",
        information_form=PAPER,
        delivery=BY_POST,
        time=(10, 0),
        reply=(
            11,
            "withheld_enforcement",
            "您申请的询问笔录和勘验笔录属于行政执法案卷信息，不予公开。当事人可以依照《中华人民"
            "共和国行政处罚法》等规定申请查阅。",
        ),
    ),
    req(
        34,
        "antai",
        ONLINE,
        ("workdays", 41),
        "申请公开示范县{year}年度政府采购意向中消防器材采购项目的采购需求。",
        reply=(
            6,
            "disclosed",
            "该信息已在示州市政府采购网主动公开，现告知获取途径，并随本答复书提供一份。",
        ),
    ),
    req(
        35,
        "guo_ming",
        ONLINE,
        ("workdays", 47),
        "申请公开县人民武装部的民兵组织整顿方案和基干民兵编组名册。",
        reply=(
            8,
            "withheld_state_secret",
            "经审查，您申请的信息依法确定为国家秘密，不予公开。",
        ),
    ),
    req(
        36,
        "ruifeng",
        FAX,
        ("workdays", 52),
        "申请公开县农业农村局对本公司{last}年度农机购置补贴申请的审核意见和未通过的原因。",
        information_form=PAPER,
        delivery=BY_POST,
        time=(14, 20),
        reply=(12, "disclosed", "审核意见和未通过原因说明已邮寄。"),
    ),
    req(
        37,
        "children",
        ONLINE,
        ("workdays", 58),
        "申请公开示范县农村留守儿童按乡镇统计的人数和分布情况。",
        purpose="开展农村留守儿童关爱项目。",
        reply=(
            14,
            "unavailable_needs_making",
            "县民政局掌握全县农村留守儿童的总人数，已告知您；按乡镇分布的统计需要另行汇总加工，"
            "本机关不予提供。",
        ),
    ),
    req(
        38,
        "lyu_chen",
        IN_PERSON,
        ("workdays", 63),
        "申请公开县人民政府办公室的考勤制度和{year}年干部请销假审批记录。",
        information_form=PAPER,
        delivery=PICKUP,
        time=(15, 30),
        reply=(
            7,
            "withheld_internal",
            "您申请的信息属于本机关的人事管理、后勤管理等内部事务信息，不予公开。",
        ),
    ),
    req(
        39,
        "agri_institute",
        ONLINE,
        ("workdays", 69),
        "申请公开示范县{last}年度耕地质量等级调查评价成果报告。",
        purpose="开展区域耕地质量研究。",
        reply=(10, "disclosed", "成果报告（公开版）已通过电子邮件发送。"),
    ),
    req(
        40,
        "tang_jun",
        ONLINE,
        ("workdays", 75),
        "申请公开县城供水水源地取水口的位置坐标、应急备用水源布局图和安全保卫方案。",
        reply=(
            9,
            "withheld_security",
            "您申请的信息公开后可能危及公共安全，不予公开。",
        ),
    ),
    req(
        41,
        "han_mei",
        POST,
        ("workdays", 80),
        "申请公开关于我家问题的所有文件。",
        information_form=PAPER,
        delivery=BY_POST,
        time=(11, 10),
        clarification=(
            4,
            "请写明“我家问题”所指的具体事项（如房屋、土地、补贴等）、涉及的行政机关和大致时间。",
            12,
        ),
        reply=(
            27,
            "unavailable_unclear",
            "经补正，您的申请仍为“与我家有关的全部文件”，未能说明所需信息的名称或者特征，本机关"
            "无法确定您需要的信息。",
        ),
    ),
    req(
        42,
        "liulin",
        IN_PERSON,
        ("workdays", 86),
        "申请公开县财政局{year}年下达河口乡的村级组织运转经费分配明细。",
        information_form=PAPER,
        delivery=PICKUP,
        time=(10, 45),
        reply=(10, "disclosed", "分配明细已当面提供。"),
    ),
    req(
        43,
        "cao_lijuan",
        IN_PERSON,
        ("workdays", 92),
        "申请公开本人父亲{last}年度城乡居民医疗保险住院费用报销记录。",
        information_form=PAPER,
        delivery=PICKUP,
        time=(9, 40),
        reply=(
            4,
            "other",
            "申请人得知可持本人及父亲的身份证件到县医疗保障服务大厅直接查询后，书面撤回申请，"
            "本机关终止办理。",
        ),
    ),
    req(
        44,
        "deng_chao",
        ONLINE,
        ("workdays", 98),
        "申请提供《示范县志（1991—2010）》的全文电子版。",
        reply=(
            5,
            "not_handled_publication",
            "《示范县志（1991—2010）》是公开出版物，您可以到县图书馆、县档案馆查阅或者通过"
            "出版发行渠道购买。",
        ),
    ),
    req(
        45,
        "tianheng",
        ONLINE,
        ("workdays", 104),
        "申请公开县城区雨污分流改造工程（一期）施工招标的评标报告。",
        reply=(
            13,
            "partly_disclosed",
            "评标报告中的评标委员会成员个人评分表涉及个人信息，不予公开；评标结果和其余内容"
            "予以公开。",
        ),
    ),
    req(
        46,
        "peng_hui",
        ONLINE,
        ("workdays", 110),
        "申请公开第五次全国经济普查中惠民街各个体经营户的普查登记表。",
        legal_basis=(
            "《中华人民共和国政府信息公开条例》第十四条，《中华人民共和国统计法》关于统计资料"
            "保密的规定"
        ),
        reply=(
            8,
            "withheld_prohibited",
            "普查中获得的能够识别或者推断单个普查对象身份的资料，依照统计法律法规不得对外提供，"
            "不予公开。",
        ),
    ),
    req(
        47,
        "zeng_jing",
        ONLINE,
        ("workdays", 117),
        "申请公开城关镇建设路社区{year}年每一天的环卫保洁作业记录。",
        notes=("申请人近三个月提交内容相近的申请40余件。已要求其说明理由，申请人未能说明。"),
        reply=(
            15,
            "not_handled_excessive",
            "您申请公开政府信息的数量、频次明显超过合理范围，经要求说明理由，理由不合理，本机关"
            "不予处理。",
        ),
    ),
    req(
        48,
        "college",
        POST,
        ("workdays", 122),
        "申请公开县人民政府办公室制定的《示范县政务督查结果运用办法》全文。",
        purpose="开展政务督查制度研究。",
        information_form=PAPER,
        delivery=BY_POST,
        time=(14, 0),
        published=True,
        reply=(
            5,
            "disclosed",
            "该文件已经主动公开，可在本网站“政策文件”栏目查阅；现随本答复书邮寄全文一份。",
        ),
    ),
    req(
        49,
        "xie_jinhai",
        ONLINE,
        ("workdays", 128),
        "申请公开示州市中级人民法院对本人房屋买卖合同纠纷案件作出的判决书。",
        reply=(
            6,
            "unavailable_not_held",
            "人民法院不属于行政机关，本机关不掌握您申请的信息，您可以向作出判决的人民法院申请。",
        ),
    ),
    req(
        50,
        "dong_guiying",
        IN_PERSON,
        ("workdays", 135),
        "申请公开前湾村{year}年度农村危房改造对象的评议结果和补助标准。",
        information_form=PAPER,
        delivery=PICKUP,
        time=(10, 5),
        reply=(9, "disclosed", "评议结果和补助标准已当面提供。"),
    ),
    req(
        51,
        "mingfa",
        ONLINE,
        ("workdays", 142),
        "申请公开县市场监督管理局{last}年对城关镇某餐饮店作出的行政处罚决定书。",
        reply=(7, "disclosed", "行政处罚决定书已通过电子邮件发送。"),
    ),
    req(
        52,
        "jiang_wei",
        ONLINE,
        ("workdays", 150),
        "申请查询本人名下的不动产登记信息。",
        reply=(
            3,
            "withheld_enquiry",
            "您要求查询的是不动产登记资料，属于行政查询事项，请持本人身份证件到县不动产登记"
            "中心依照不动产登记资料查询的规定办理。",
        ),
    ),
    req(
        53,
        "shen_xue",
        ONLINE,
        ("workdays", 158),
        "申请公开那个项目的补偿标准。",
        clarification=(
            3,
            "请写明“那个项目”的名称或者所在位置，以及所需补偿标准的类别（如土地、房屋、青苗）。",
            None,
        ),
        reply=(
            25,
            "other_not_clarified",
            "本机关已告知您补正申请，您在补正期限内无正当理由未补正，视为放弃申请。",
        ),
    ),
    req(
        54,
        "xinda",
        FAX,
        ("workdays", 165),
        "申请公开县生态环境局{last}年度商品混凝土企业扬尘污染专项检查的通报。",
        information_form=PAPER,
        delivery=BY_POST,
        time=(8, 50),
        reply=(11, "disclosed", "专项检查通报已邮寄。"),
    ),
    req(
        55,
        "lyu_chen",
        ONLINE,
        ("workdays", 172),
        "申请公开县城区公共停车场的收费标准和定价批复文件。",
        reply=(8, "disclosed", "收费标准和定价批复文件已通过电子邮件发送。"),
    ),
    req(
        56,
        "leung_kahou",
        ONLINE,
        ("workdays", 180),
        "申请公开城关镇南关村的村庄规划图和规划说明。",
        purpose="本人祖屋位于该村，了解规划安排。",
        reply=(10, "disclosed", "村庄规划图和规划说明已通过电子邮件发送。"),
    ),
    req(
        57,
        "lin_zhiming",
        POST,
        ("workdays", 190),
        "申请查阅本人祖父1948年以前在示范县的土地、房产档案。",
        information_form=PAPER,
        delivery=BY_POST,
        time=(15, 15),
        reply=(
            12,
            "other",
            "您申请查阅的是已移交县档案馆的历史档案，请依照《中华人民共和国档案法》的规定向县"
            "档案馆申请查阅。",
        ),
    ),
    req(
        58,
        "hengtong",
        ONLINE,
        ("workdays", 205),
        "申请公开城关镇幸福家园小区项目的竣工验收备案表。",
        reply=(6, "disclosed", "竣工验收备案表已通过电子邮件发送。"),
    ),
    req(
        59,
        "lyufeng",
        ONLINE,
        ("workdays", 220),
        "申请公开{year}年度县级农业产业化项目扶持资金的申报指南和评审结果。",
        reply=(9, "disclosed", "申报指南和评审结果已通过电子邮件发送。"),
    ),
    req(
        60,
        "green_source",
        POST,
        ("workdays", 238),
        "申请公开县生态环境局对示范县华泰化工有限公司{last}年度的监督性监测报告。",
        information_form=PAPER,
        delivery=BY_POST,
        time=(9, 25),
        consultations=[
            ("third_party", "示范县华泰化工有限公司", 4, 12, "企业不同意公开报告中的工艺参数"),
        ],
        reply=(
            22,
            "partly_disclosed",
            "监测报告中的生产工艺参数经征求企业意见，属于其商业秘密，不予公开；污染物排放监测"
            "结果予以公开，已邮寄。",
        ),
    ),
]


# Dates ---------------------------------------------------------------------------------------


def fee_month(start: datetime.date, calendar) -> datetime.date:
    """The first day of the month of the fee applicant's twelve requests: about three and a
    half months before the anchor, so that every step of them is in the past."""
    return calendar.add_workdays(start, -75).replace(day=1)


def nth_workday(first: datetime.date, n: int, calendar) -> datetime.date:
    day = first - datetime.timedelta(days=1)
    return calendar.add_workdays(day, n)


def received_on(spec, start: datetime.date, calendar) -> datetime.date | None:
    kind, value = spec["received"] or (None, None)
    if kind == "workdays":
        return calendar.add_workdays(start, -value)
    if kind == "december":
        day = datetime.date(start.year - 1, 12, value)
        while not calendar.is_workday(day):
            day -= datetime.timedelta(days=1)
        return day
    if kind == "fee_month":
        return nth_workday(fee_month(start, calendar), value, calendar)
    return None


def tracking_number(number: int) -> str:
    return f"{NUMBER_PREFIX}{number:04d}"


def submission_token(tracking: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"gov-disclosure-demo:{tracking}").hex


def _at(day: datetime.date, hour: int, minute: int) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute))


def requests(today: datetime.date, calendar=None) -> list[dict]:
    """The requests as of ``today``, oldest first.

    Each has ``fields`` (the model's field values, the published page as ``published``),
    ``consultations`` (field values) and ``steps``: ``(when, fields, consultations)`` in order,
    what the office recorded at each step, for the history. Times are local and naive.
    """
    from gov_disclosure.workdays import WorkdayCalendar

    calendar = calendar or WorkdayCalendar()
    start = anchor(today)
    result = [_request(spec, start, calendar) for spec in REQUESTS]
    return sorted(result, key=lambda r: (r["fields"]["submitted_at"], r["number"]))


def _request(spec, start, calendar) -> dict:
    number = tracking_number(spec["number"])
    received = received_on(spec, start, calendar)
    year = (received or start).year
    words = {"year": year, "last": year - 1}
    hour, minute = spec.get("time", (8 + spec["number"] * 7 % 10, spec["number"] * 13 % 60))
    if received is None:
        days, hour, minute = spec["submitted"]
        submitted_at = _at(start - datetime.timedelta(days=days), hour, minute)
    elif spec["channel"] == ONLINE and "time" not in spec:
        # Sent the evening before, confirmed the next working day.
        submitted_at = _at(received - datetime.timedelta(days=1), 18 + spec["number"] % 5, minute)
    else:
        submitted_at = _at(received, hour, minute)

    def on(after):
        """The day ``after`` working days from receipt, if it has come."""
        if after is None or received is None:
            return None
        day = calendar.add_workdays(received, after)
        return day if day <= start else None

    base = {
        "tracking_number": number,
        "agency": AGENCY,
        "channel": spec["channel"],
        "submitted_at": submitted_at,
        "submission_token": submission_token(number) if spec["channel"] == ONLINE else None,
        **APPLICANTS[spec["applicant"]],
        "description": spec["description"].format(**words),
        "purpose": spec.get("purpose", ""),
        "information_form": spec.get("information_form", ELECTRONIC),
        "delivery": spec.get("delivery", BY_EMAIL),
        "notes": spec.get("notes", "").format(**words),
        "received_on": None,
        "clarification_sent_on": None,
        "clarification_content": "",
        "clarified_on": None,
        "extension_days": 0,
        "extension_approved_by": "",
        "extension_approved_on": None,
        "extension_reason": "",
        "outcome": "",
        "legal_basis": "",
        "reply_text": "",
        "reply_sent_on": None,
        "published": False,
        "fee_notice_sent_on": None,
        "fee_paid_on": None,
    }
    # (day, order, hour, minute, fields, consultation changes)
    events = []
    if received is not None:
        if spec["channel"] == ONLINE:
            events.append((received, 1, 9, 30, {"received_on": received}, {}))
        else:
            base["received_on"] = received
    clarification = spec.get("clarification")
    if clarification:
        after, content, clarified_after = clarification
        sent = on(after)
        if sent:
            events.append(
                (
                    sent,
                    2,
                    10,
                    0,
                    {"clarification_sent_on": sent, "clarification_content": content},
                    {},
                )
            )
            clarified = on(clarified_after)
            if clarified:
                events.append((clarified, 3, 10, 30, {"clarified_on": clarified}, {}))
    for index, (kind, party, asked, answered, note) in enumerate(spec.get("consultations", ())):
        sent = on(asked)
        if sent:
            consultation = {
                "kind": kind,
                "party": party,
                "sent_on": sent,
                "answered_on": None,
                "note": "",
            }
            events.append((sent, 4, 11, 0, {}, {index: consultation}))
            answer = on(answered)
            if answer:
                events.append(
                    (
                        answer,
                        5,
                        15,
                        0,
                        {},
                        {index: {**consultation, "answered_on": answer, "note": note}},
                    )
                )
    extension = spec.get("extension")
    if extension:
        days, approved_after, reason = extension
        approved = on(approved_after)
        if approved:
            events.append(
                (
                    approved,
                    6,
                    11,
                    30,
                    {
                        "extension_days": days,
                        "extension_approved_by": APPROVER,
                        "extension_approved_on": approved,
                        "extension_reason": reason,
                    },
                    {},
                )
            )
    fee = spec.get("fee")
    if fee:
        notice, paid = fee
        notice_on = on(notice)
        if notice_on:
            events.append((notice_on, 7, 14, 0, {"fee_notice_sent_on": notice_on}, {}))
            paid_on = on(paid)
            if paid_on:
                events.append((paid_on, 8, 10, 15, {"fee_paid_on": paid_on}, {}))
    reply = spec.get("reply")
    if reply:
        after, outcome, text = reply
        sent = on(after)
        if sent:
            events.append(
                (
                    sent,
                    9,
                    16,
                    0,
                    {
                        "outcome": outcome,
                        "legal_basis": spec.get("legal_basis", ""),
                        "reply_text": text,
                        "reply_sent_on": sent,
                        "published": spec.get("published", False),
                    },
                    {},
                )
            )
    events.sort(key=lambda event: event[:2])

    fields, consultations = dict(base), {}
    steps = [(submitted_at, dict(fields), [])]
    for day, _order, hour, minute, changes, consulted in events:
        fields.update(changes)
        consultations.update(consulted)
        when = max(_at(day, hour, minute), submitted_at + datetime.timedelta(minutes=5))
        steps.append((when, dict(fields), [consultations[i] for i in sorted(consultations)]))
    return {
        "number": spec["number"],
        "fields": fields,
        "consultations": [consultations[i] for i in sorted(consultations)],
        "steps": steps,
    }
