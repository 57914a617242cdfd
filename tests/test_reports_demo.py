"""The demo's annual report: ``load_demo_content`` publishes 示范县人民政府's report for last
year, its figures generated from the demo's documents and requests."""

import datetime
import io

import pytest
from django.core.management import call_command
from home import demo_reports
from wagtail.models import Page, Revision

from gov_disclosure.applications import clock, fees
from gov_disclosure.reports import checks, figures, layout
from gov_disclosure.reports.models import AnnualReportIndexPage, AnnualReportPage

from .application_factories import InformationRequestFactory
from .demo_support import demo_loaded_once, patch_today
from .test_demo_content import TODAY

# The fewest documents that still include the one a reply points to (as the requests demo).
DOCUMENTS = 5
YEAR = TODAY.year - 1


def load(**kwargs):
    call_command("load_demo_content", documents=DOCUMENTS, verbosity=0, **kwargs)


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module's tests (see ``tests/demo_support.py``)."""
    with demo_loaded_once(django_db_blocker, TODAY, documents=DOCUMENTS):
        yield


@pytest.fixture
def index(demo_site, db, monkeypatch):
    patch_today(monkeypatch, TODAY)
    return AnnualReportIndexPage.objects.get(slug=demo_reports.INDEX["slug"])


@pytest.fixture
def report(index):
    return AnnualReportPage.objects.child_of(index).get(year=YEAR)


def snapshot():
    report = AnnualReportPage.objects.get(year=YEAR)
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "report": AnnualReportPage.objects.filter(pk=report.pk).values().get(),
        "report revisions": report.revisions.count(),
    }


def test_index_under_the_portal(index):
    assert index.url == "/xxgk/ndbg/" and index.title == "政府信息公开工作年度报告"
    assert index.live and index.show_in_menus and not index.has_unpublished_changes
    assert "3月31日" in index.intro and "1月31日" in index.intro
    index.full_clean()


def test_report_for_last_year_is_live_and_passes_the_checks(report):
    assert report.year == YEAR == 2025
    assert report.title == "示范县人民政府2025年政府信息公开工作年度报告"
    assert report.url == "/xxgk/ndbg/2025-county/"
    assert report.live and not report.has_unpublished_changes
    assert report.agency.name == "示范县人民政府"
    assert report.theme_category.name == "政务公开"
    # Late March of the following year (a working day), by the 31 March deadline.
    assert datetime.date(2026, 3, 20) <= report.publication_date <= datetime.date(2026, 3, 27)
    assert report.publication_date.weekday() < 5
    assert report.figures_generated_at is not None
    assert checks.check(report.figures) == []
    dated = (
        report.overview,
        report.proactive_text,
        report.requests_text,
        report.review_text,
        report.other_matters,
    )
    for section in (*dated, report.problems):
        assert section.startswith("<p>") and section.endswith("</p>")
    assert all("2025年" in section for section in dated)
    assert report.problems.count("<p>") == 2 and "下一步" in report.problems
    report.full_clean()


def test_figures_are_those_generated_from_the_demo_records(report):
    agency = report.agency
    generated = figures.generate(YEAR, agency, demo_reports.entered())

    assert report.figures == generated
    assert report.figures["table3"] == figures.request_figures(YEAR, agency)
    documents = figures.document_figures(YEAR, agency)
    assert {row: report.figures["table2"][row] for row in documents} == documents
    assert report.figures["fees_charged_yuan"] == fees.fees_charged(YEAR, agency)
    table3 = report.figures["table3"]
    # The five December requests of the requests demo were open on 31 December.
    assert table3["carried_forward"]["total"] >= 5
    assert table3["new"]["total"] >= 5
    assert f"新收政府信息公开申请{table3['new']['total']}件" in report.requests_text
    assert f"结转下年度继续办理{table3['carried_forward']['total']}件" in report.requests_text


def test_what_the_office_entered(report):
    table2, table4 = report.figures["table2"], report.figures["table4"]

    for key, count in demo_reports.DECISIONS.items():
        assert table2[key] == {"decisions": count} and count > 0
    assert table2["fees"] == {"amount": "12.36"}
    assert set(table4) == {group for group, _label in layout.TABLE4_GROUPS}
    results = [column for column, _label in layout.TABLE4_COLUMNS if column != "total"]
    assert results == ["upheld", "corrected", "other", "pending"]
    for values in table4.values():
        assert values["total"] == sum(values[column] for column in results)
    assert table4["review"]["total"] == 3
    assert "行政复议3件，维持1件、纠正1件、尚未审结1件" in report.review_text
    assert "行政诉讼2件" in report.review_text


def test_the_published_figures_stay_when_the_records_change(report):
    before = report.figures
    InformationRequestFactory(agency=report.agency, received_on=datetime.date(YEAR, 6, 2))

    report.refresh_from_db()
    assert report.figures == before
    regenerated = figures.generate(YEAR, report.agency, report.figures)
    changed = {(t, r, c) for t, r, c, _old, _new in figures.differences(before, regenerated)}
    assert ("table3", "new", "person") in changed


def test_running_again_adds_no_revision(report):
    before = snapshot()
    out = io.StringIO()

    call_command("load_demo_content", documents=DOCUMENTS, stdout=out)

    assert snapshot() == before
    assert (
        "Annual reports: /xxgk/ndbg/ (1 reports)" in out.getvalue()
        or "政府信息公开工作年度报告：/xxgk/ndbg/（1 份报告）" in out.getvalue()
    )


def test_loading_a_year_later_adds_that_year_s_report(report, monkeypatch):
    revision = report.latest_revision_id
    monkeypatch.setattr(clock, "today", lambda: datetime.date(TODAY.year + 1, 2, 10))

    load()

    reports = AnnualReportPage.objects.order_by("year")
    assert [r.year for r in reports] == [YEAR, YEAR + 1]
    old, new = reports
    assert old.latest_revision_id == revision
    assert new.live and checks.check(new.figures) == []
    # Late March has not come yet: published on the anchor day.
    assert new.publication_date == datetime.date(TODAY.year + 1, 2, 1)


def test_publication_date():
    assert demo_reports.publication_date(2025, datetime.date(2026, 11, 21)) == datetime.date(
        2026, 3, 27
    )
    # 27 March 2027 is a Saturday.
    assert demo_reports.publication_date(2026, datetime.date(2027, 5, 3)) == datetime.date(
        2027, 3, 26
    )
    assert demo_reports.publication_date(2026, datetime.date(2027, 3, 20)) == datetime.date(
        2027, 3, 16
    )
