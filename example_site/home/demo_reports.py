"""The annual report on government information disclosure (政府信息公开工作年度报告) in the demo:
the index of all reports and 示范县人民政府's report for last year.

The report is for the year before the day the demo is loaded, the year whose December requests
the requests demo (``home.demo_applications``) carries over. Its tables are what an editor gets
from the report's "generate the figures" action: Table 2's rows of rules and normative documents
from the policy document library, Table 3 and the fees of section 六 from the requests, both
as loaded. What the records do not hold is entered by the office, as in a real report:
licensing, penalty and enforcement decisions, the administrative fees (万元) and Table 4
(:func:`entered`). The narrative sections are written here; section 三 quotes Table 3.

Like the other dated parts of the demo, the publication date counts from :func:`anchor`, the
1st or the 16th of the month: late March of the following year (local governments publish by
31 March), or the anchor if late March has not come yet. Loading the demo again in the same
half of the month changes nothing.

Every figure and sentence here is invented for the demo; 示州市 is the fictional prefecture
of the county.
"""

from __future__ import annotations

import datetime

from gov_disclosure.reports import layout

from .demo_content import p
from .demo_participation import anchor, workday_on_or_before

AGENCY = "county"
CATEGORY = ("综合政务", "政务公开")

INDEX = {
    "slug": "ndbg",
    "title": "政府信息公开工作年度报告",
    "intro": (
        "<p>按照《中华人民共和国政府信息公开条例》第四十九条的规定，县人民政府各部门于每年"
        "1月31日前、县人民政府于每年3月31日前向社会公布本机关上一年度政府信息公开工作年度"
        "报告。本栏目集中发布示范县人民政府及其部门历年的年度报告。</p>"
        "<p>报告按照全国统一的格式编写，主动公开、依申请公开、行政复议和行政诉讼情况以表格"
        "列示，每份报告均可下载Word、PDF文件和JSON格式数据。</p>"
    ),
}

# What the disclosure office entered: the records of the site do not hold these figures.
DECISIONS = {"licensing": 1426, "penalty": 318, "enforcement": 27}
FEES_AMOUNT = "12.36"  # 万元
# Table 4: the reviews and lawsuits of the year, some about replies of the year before.
REVIEW_AND_LITIGATION = {
    "review": {"upheld": 1, "corrected": 1, "other": 0, "pending": 1},
    "litigation_direct": {"upheld": 1, "corrected": 0, "other": 0, "pending": 0},
    "litigation_after_review": {"upheld": 0, "corrected": 0, "other": 0, "pending": 1},
}
RESULT_WORDS = {"upheld": "维持", "corrected": "纠正", "other": "其他结果", "pending": "尚未审结"}


def entered() -> dict:
    """The ``previous`` figures for ``figures.generate``: the cells editors enter, each total
    of Table 4 the sum of its four results."""
    figures = layout.empty_figures()
    for key, count in DECISIONS.items():
        figures["table2"][key] = {"decisions": count}
    figures["table2"]["fees"] = {"amount": FEES_AMOUNT}
    for group, results in REVIEW_AND_LITIGATION.items():
        figures["table4"][group] = {**results, "total": sum(results.values())}
    return figures


def report_year(today: datetime.date) -> int:
    return today.year - 1


def publication_date(year: int, today: datetime.date) -> datetime.date:
    """Late March of the year after ``year``, or the anchor if that has not come yet."""
    late_march = workday_on_or_before(datetime.date(year + 1, 3, 27), datetime.date(year + 1, 3, 1))
    return min(late_march, anchor(today))


def slug(year: int) -> str:
    return f"{year}-county"


def title(year: int) -> str:
    return f"示范县人民政府{year}年政府信息公开工作年度报告"


# The narrative sections ------------------------------------------------------------------------


def overview(year: int) -> str:
    return p(
        f"{year}年，示范县人民政府坚持以公开为常态、不公开为例外，认真贯彻《中华人民共和国政府"
        "信息公开条例》，围绕县政府中心工作和群众关切推进政务公开。现将本年度政府信息公开工作"
        "情况报告如下。",
        "（一）主动公开。依托县人民政府门户网站“政府信息公开”专栏，及时发布政策文件、"
        "财政预决算、重大建设项目和公共资源配置等重点领域信息。县政府常务会议研究涉及群众"
        "切身利益的事项，邀请公众代表列席并公开意见采纳情况；起草涉及群众切身利益的政策"
        "文件，通过“意见征集”栏目听取社会公众意见，并公开采纳情况。",
        "（二）依申请公开。向县人民政府提出的政府信息公开申请由县人民政府办公室政务公开科"
        "统一受理、登记和办理，网上、当面、信函和传真四种渠道均可提交。申请的每一个办理环节"
        "在系统中登记，答复期限按工作日计算，临近到期和已逾期的申请每日提示。",
        "（三）政府信息管理。县人民政府及县政府办公室制发的行政规范性文件统一登记、统一"
        "编号、统一公布；文件有效性发生变化的，在文件页面和现行有效目录中同步标注。年内对"
        "县政府规范性文件开展了一次集中清理，清理结果已向社会公布。",
        "（四）平台建设。调整门户网站政府信息公开专栏的栏目设置，统一标注公开信息的发布"
        "机关、主题分类和发布日期，改进站内检索，方便群众查找。",
        "（五）监督保障。政务公开工作纳入全县目标管理绩效考核，县政府办公室每季度对各单位"
        "政务公开工作进行检查并通报结果；全年组织政务公开工作人员业务培训2期。",
    )


def proactive_text(year: int) -> str:
    return p(
        f"{year}年县人民政府主动公开的规章、行政规范性文件以及行政许可、行政处罚、行政强制"
        "和行政事业性收费情况见下表。现行有效的行政规范性文件以门户网站公布的现行有效目录"
        "为准。",
    )


def counted(parts) -> str:
    """“予以公开2件、部分公开1件”: the parts that are not 0."""
    return "、".join(f"{words}{count}件" for words, count in parts if count)


def requests_text(year: int, figures: dict) -> str:
    total = {row: values["total"] for row, values in figures["table3"].items()}
    handled = total["total_handled"]
    text = (
        f"{year}年，县人民政府新收政府信息公开申请{total['new']}件，上年结转"
        f"{total['carried_over']}件；本年度办结{handled}件"
    )
    opened = counted((("予以公开", total["disclosed"]), ("部分公开", total["partly_disclosed"])))
    if opened:
        text += f"，其中{opened}"
    text += f"；结转下年度继续办理{total['carried_forward']}件。申请人类别和办理结果见下表。"
    return p(text)


def review_text(year: int) -> str:
    def results(group):
        values = REVIEW_AND_LITIGATION[group]
        return sum(values.values()), counted((RESULT_WORDS[k], v) for k, v in values.items())

    review, review_results = results("review")
    direct, direct_results = results("litigation_direct")
    after, after_results = results("litigation_after_review")
    return p(
        f"{year}年，县人民政府因政府信息公开工作被申请行政复议{review}件，{review_results}；"
        f"被提起行政诉讼{direct + after}件，其中未经复议直接起诉{direct}件（{direct_results}），"
        f"复议后起诉{after}件（{after_results}）。复议机关决定纠正的答复，县人民政府办公室"
        "已按照复议决定重新作出答复，并对承办人员进行了业务培训。",
    )


PROBLEMS = p(
    "本年度政府信息公开工作还存在一些不足：一是部分政策文件的解读以文字说明为主，图解、"
    "问答等形式用得少，解读的针对性和可读性有待提高；二是个别依申请公开事项征求第三方意见"
    "用时较长，与申请人沟通办理进度不够及时；三是部分乡镇公开栏目更新不够及时，基层政务"
    "公开标准目录落实不够到位。",
    "下一步，县人民政府将重点做好以下工作：一是政策文件与解读材料同步起草、同步审签、同步"
    "发布，增加图解和问答式解读；二是征求第三方意见时在征求意见书中写明答复期限，到期未"
    "答复的及时跟进，并将办理进度告知申请人；三是每季度检查乡镇公开栏目的更新情况，检查"
    "结果纳入年度绩效考核。",
)


def other_matters(year: int) -> str:
    return p(
        f"（一）建议提案办理结果公开情况。{year}年县人民政府承办县人大代表建议86件、县政协"
        "提案112件，均已按期办结。办理复文除涉及个人信息的以外，已在门户网站全部公开。",
        f"（二）政务公开工作要点落实情况。县人民政府办公室对照《示范县{year}年政务公开工作"
        "要点》逐项分解任务、明确责任单位，年底逐项核对落实情况，各项任务均已完成。",
        f"（三）本报告的统计期限为{year}年1月1日至12月31日。本报告可在示范县人民政府门户"
        "网站“政府信息公开工作年度报告”栏目查阅和下载。对本报告有疑问的，请与示范县人民"
        "政府办公室政务公开科联系（地址：示范县政通路88号；电话：0530-6121002）。",
    )


def report(today: datetime.date, figures: dict) -> dict:
    """The report for the year before ``today``, with the generated ``figures``."""
    year = report_year(today)
    return {
        "slug": slug(year),
        "title": title(year),
        "year": year,
        "agency": AGENCY,
        "category": CATEGORY,
        "publication_date": publication_date(year, today),
        "overview": overview(year),
        "proactive_text": proactive_text(year),
        "requests_text": requests_text(year, figures),
        "review_text": review_text(year),
        "problems": PROBLEMS,
        "other_matters": other_matters(year),
    }
