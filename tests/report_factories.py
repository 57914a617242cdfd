"""factory_boy factories for the annual reports app (gov_disclosure.reports), and figures that
pass every check of ``checks.py``.

Reports live under a report index; ``create`` adds the page under ``parent`` and, unless
``publish=False``, publishes it::

    index = AnnualReportIndexPageFactory(parent=home)
    report = AnnualReportPageFactory(parent=index, agency=agency, year=2025, figures=figures)

``report_figures()`` builds a full, consistent ``figures`` dict from the few numbers a test
cares about (the totals, the handled row and what is carried forward are worked out);
``REALISTIC_FIGURES`` are those of a county government's year.
"""

import copy
import datetime

import factory

from gov_disclosure.reports import layout
from gov_disclosure.reports.models import AnnualReportIndexPage, AnnualReportPage

from .factories import AgencyFactory, PageFactory

D = datetime.date


def report_figures(
    *,
    new=None,
    carried_over=None,
    outcomes=None,
    carried_forward=None,
    table2=None,
    table4=None,
    fees_charged_yuan=0,
):
    """Figures that pass the checks. ``new``, ``carried_over`` and ``carried_forward`` are
    ``{column: count}``, ``outcomes`` ``{outcome: {column: count}}`` for the applicant columns;
    the ``total`` column and （七）总计 are summed. Without ``carried_forward``, what was
    received and not handled is carried forward. ``table2`` and ``table4`` update those
    tables row by row (Table 4's totals are summed)."""
    figures = layout.empty_figures()
    table3 = figures["table3"]
    for key, values in (("new", new), ("carried_over", carried_over)):
        table3[key].update(values or {})
    for outcome, values in (outcomes or {}).items():
        table3[outcome].update(values)
    for column in layout.APPLICANT_COLUMNS:
        handled = sum(table3[outcome][column] for outcome in layout.TABLE3_OUTCOME_ROWS)
        table3["total_handled"][column] = handled
        if carried_forward is None:
            received = table3["new"][column] + table3["carried_over"][column]
            table3["carried_forward"][column] = received - handled
        else:
            table3["carried_forward"][column] = carried_forward.get(column, 0)
    for values in table3.values():
        values["total"] = sum(values[column] for column in layout.APPLICANT_COLUMNS)
    for row, values in (table2 or {}).items():
        figures["table2"][row].update(values)
    for group, values in (table4 or {}).items():
        cells = figures["table4"][group]
        cells.update(values)
        cells["total"] = sum(v for column, v in cells.items() if column != "total")
    figures["fees_charged_yuan"] = fees_charged_yuan
    return figures


PERSON, COMMERCIAL, RESEARCH, NONPROFIT, LEGAL, OTHER = layout.APPLICANT_COLUMNS

REALISTIC_FIGURES = report_figures(
    new={PERSON: 112, COMMERCIAL: 9, RESEARCH: 1, NONPROFIT: 2, LEGAL: 3, OTHER: 1},
    carried_over={PERSON: 6, COMMERCIAL: 1},
    outcomes={
        "disclosed": {PERSON: 59, COMMERCIAL: 5, RESEARCH: 1, NONPROFIT: 1, LEGAL: 2},
        "partly_disclosed": {PERSON: 12, COMMERCIAL: 1, LEGAL: 1},
        "withheld_prohibited": {PERSON: 1},
        "withheld_third_party": {PERSON: 2, COMMERCIAL: 1},
        "withheld_internal": {PERSON: 1},
        "withheld_process": {PERSON: 3},
        "withheld_enforcement": {PERSON: 1},
        "withheld_enquiry": {PERSON: 2},
        "unavailable_not_held": {PERSON: 17, COMMERCIAL: 1, NONPROFIT: 1},
        "unavailable_needs_making": {PERSON: 2},
        "unavailable_unclear": {PERSON: 1},
        "not_handled_petition": {PERSON: 3},
        "not_handled_repeated": {PERSON: 2, COMMERCIAL: 1},
        "not_handled_publication": {PERSON: 1},
        "not_handled_confirmation": {PERSON: 1},
        "other_not_clarified": {PERSON: 3},
        "other": {PERSON: 2, OTHER: 1},
    },
    table2={
        "regulation": {"issued": 0, "repealed": 0, "valid": 0},
        "normative": {"issued": 14, "repealed": 3, "valid": 86},
        "licensing": {"decisions": 2461},
        "penalty": {"decisions": 389},
        "enforcement": {"decisions": 17},
        "fees": {"amount": "126.35"},
    },
    table4={
        "review": {"upheld": 3, "corrected": 1, "other": 1, "pending": 0},
        "litigation_direct": {"upheld": 1, "corrected": 0, "other": 0, "pending": 1},
        "litigation_after_review": {"upheld": 1, "corrected": 0, "other": 0, "pending": 0},
    },
    fees_charged_yuan=300,
)


class AnnualReportIndexPageFactory(PageFactory):
    class Meta:
        model = AnnualReportIndexPage

    title = "政府信息公开工作年度报告"
    slug = factory.Sequence(lambda n: f"ndbg-{n}")


class AnnualReportPageFactory(PageFactory):
    """A report; pass ``parent`` (an index page), and ``figures``, ``agency`` and ``year`` as
    the test needs them (by default a copy of ``REALISTIC_FIGURES``)."""

    class Meta:
        model = AnnualReportPage

    agency = factory.SubFactory(AgencyFactory)
    year = 2025
    title = factory.LazyAttribute(lambda o: f"{o.agency.name}{o.year}年政府信息公开工作年度报告")
    slug = factory.Sequence(lambda n: f"report-{n}")
    publication_date = factory.LazyAttribute(lambda o: D(o.year + 1, 1, 20))
    figures = factory.LazyFunction(lambda: copy.deepcopy(REALISTIC_FIGURES))
    overview = (
        "<p>本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，"
        "坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开。</p>"
    )
    proactive_text = "<p>本年度主动公开政府信息情况如下表。</p>"
    requests_text = "<p>本年度收到和处理政府信息公开申请情况如下表。</p>"
    review_text = "<p>本年度政府信息公开行政复议、行政诉讼情况如下表。</p>"
    problems = "<p>主要问题：政策解读形式较为单一。改进措施：丰富图解、视频等解读形式。</p>"
    other_matters = "<p>无其他需要报告的事项。</p>"
