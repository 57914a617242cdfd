"""Annual reports in the admin: the tables of figures, the checks that refuse publishing, the
guard of the other ways to publish, and generating the figures again as a draft (freeze)."""

import copy
import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.test.utils.form_data import querydict_from_html

from gov_disclosure.reports import checks, figures, layout, widgets
from gov_disclosure.reports.forms import ReportNotPublishable
from gov_disclosure.reports.models import AnnualReportIndexPage, AnnualReportPage

from .application_factories import InformationRequestFactory, organisation
from .factories import AgencyFactory, PageFactory, UserFactory

D = datetime.date
YEAR = 2025
pytestmark = pytest.mark.django_db


class IndexFactory(PageFactory):
    class Meta:
        model = AnnualReportIndexPage

    title = "政府信息公开工作年度报告"
    slug = "ndbg"


@pytest.fixture
def agency():
    return AgencyFactory(name="示范县人民政府")


@pytest.fixture
def index(root_page):
    return IndexFactory(parent=root_page)


@pytest.fixture
def requests_2025(agency):
    """Three requests received in 2025: two from persons, one from a company."""
    InformationRequestFactory(agency=agency, received_on=D(2025, 3, 3))
    InformationRequestFactory(agency=agency, received_on=D(2025, 5, 6))
    InformationRequestFactory(agency=agency, received_on=D(2025, 6, 9), **organisation())


def make_report(index, agency, *, publish=True, report_figures=None, generated=True):
    report = AnnualReportPage(
        title=f"示范县人民政府{YEAR}年政府信息公开工作年度报告",
        slug=f"report-{YEAR}",
        year=YEAR,
        agency=agency,
        live=publish,
        figures=report_figures
        if report_figures is not None
        else figures.generate(YEAR, agency, previous={"table4": good_table4()}),
        figures_generated_at=datetime.datetime(2026, 1, 5, 9, tzinfo=datetime.UTC)
        if generated
        else None,
    )
    index.add_child(instance=report)
    revision = report.save_revision()
    if publish:
        revision.publish()
    return AnnualReportPage.objects.get(pk=report.pk)


def good_table4():
    table4 = layout.empty_figures()["table4"]
    table4["review"].update(upheld=2, corrected=1, total=3)
    return table4


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def edit_form(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return querydict_from_html(response.content.decode(), form_id="page-edit-form")


def text(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def label(lazy):
    """A label as the admin shows it (the site's language)."""
    with translation.override("zh-hans"):
        return str(lazy)


def live_figures(page):
    return AnnualReportPage.objects.get(pk=page.pk).figures


def messages_of(response):
    return [str(m.message) for m in get_messages(response.wsgi_request)]


# The edit form ---------------------------------------------------------------------------------


class TestEditForm:
    def test_the_three_tables_render_with_a_labelled_input_per_cell(
        self, client, superuser, index, agency, requests_2025
    ):
        report = make_report(index, agency)
        client.force_login(superuser)
        response = client.get(edit_url(report))
        assert response.status_code == 200
        soup = text(response)
        for cell in widgets.all_cells():
            name = cell.name("figures")
            field = soup.find("input", attrs={"name": name})
            assert field is not None, name
            assert field["id"] == name
            assert field["inputmode"] == ("decimal" if cell.decimal else "numeric")
            assert soup.find("label", attrs={"for": name}) is not None, name
            assert "aria-invalid" not in field.attrs
        assert soup.find(id="figures-table3-new-person")["value"] == "2"
        assert soup.find(id="figures-table3-new-commercial")["value"] == "1"
        assert soup.find(id="figures-table3-new-total")["value"] == "3"
        assert soup.find(id="figures-table4-review-total")["value"] == "3"
        # The national layout: the row labels and column headers of each table.
        tables = soup.select("table.gd-report-table")
        assert [t["class"][-1] for t in tables] == [
            "gd-report-table--table2",
            "gd-report-table--table3",
            "gd-report-table--table4",
        ]
        page_text = soup.get_text()
        for row in layout.TABLE3_ROWS:
            assert label(row.label) in page_text
        for _key, column in layout.TABLE3_COLUMNS + layout.TABLE4_COLUMNS:
            assert label(column) in page_text
        # Cells from the records and cells editors enter are marked differently.
        records = soup.find(id="figures-table3-new-person").find_parent("td")["class"]
        entered = soup.find(id="figures-table2-licensing-decisions").find_parent("td")["class"]
        assert "gd-report-cell--records" in records and "gd-report-cell--entered" in entered
        assert (
            "gd-report-cell--entered"
            in (soup.find(id="figures-table4-review-upheld").find_parent("td")["class"])
        )
        # The stylesheet comes with the form.
        assert "gov_disclosure_reports/admin.css" in response.content.decode()
        # Tabs: the report, the tables, then the core tabs.
        tab_labels = [
            tab.get_text(" ", strip=True).split(" (")[0] for tab in soup.select("[role=tab]")
        ]
        assert tab_labels[:4] == [
            label(_("Report")),
            label(_("Tables")),
            label(_("Disclosure")),
            label(_("Promote")),
        ]
        assert label(_("Agency whose report this is")) in page_text

    def test_the_status_panel_lists_what_the_records_now_give(
        self, client, superuser, index, agency, requests_2025
    ):
        report = make_report(index, agency)
        InformationRequestFactory(agency=agency, received_on=D(2025, 9, 1))
        client.force_login(superuser)
        soup = text(client.get(edit_url(report)))
        panel = soup.select_one(".gd-report-status")
        assert "2026-01-05" in panel.get_text()
        changed = widgets.describe_cell("table3", "new", "person")
        assert any(changed in li.get_text() and "2 → 3" in li.get_text() for li in panel("li"))
        button = panel.find("button", attrs={"data-action": "w-action#post"})
        assert button["data-w-action-url-value"] == reverse(
            "gov_disclosure_reports:regenerate", args=[report.pk]
        )

    def test_a_new_report_gets_its_figures_on_first_save(
        self, client, superuser, index, agency, requests_2025
    ):
        client.force_login(superuser)
        url = reverse(
            "wagtailadmin_pages:add",
            args=("gov_disclosure_reports", "annualreportpage", index.pk),
        )
        data = edit_form(client, url)
        assert data["figures-table3-new-person"] == "0"  # nothing generated before saving
        data.update(
            {
                "title": "示范县人民政府2025年政府信息公开工作年度报告",
                "slug": "report-2025",
                "year": "2025",
                "agency": str(agency.pk),
                "figures-table2-licensing-decisions": "17",
                "figures-table4-review-upheld": "2",
                "figures-table4-review-total": "2",
            }
        )
        response = client.post(url, data)
        assert response.status_code == 302, response.content.decode()[:3000]
        report = AnnualReportPage.objects.get(slug="report-2025")
        assert report.figures_generated_at is not None
        assert report.figures["table3"]["new"] == {
            **dict.fromkeys(layout.APPLICANT_COLUMNS, 0),
            "person": 2,
            "commercial": 1,
            "total": 3,
        }
        assert report.figures["table3"]["carried_forward"]["total"] == 3
        # What editors entered is kept.
        assert report.figures["table2"]["licensing"] == {"decisions": 17}
        assert report.figures["table4"]["review"]["upheld"] == 2
        assert not report.live

        # The next save keeps what editors correct: no generating again behind their back.
        data = edit_form(client, edit_url(report))
        data["figures-table3-new-person"] = "5"
        data["figures-table3-new-total"] = "6"
        response = client.post(edit_url(report), data)
        assert response.status_code == 302
        latest = AnnualReportPage.objects.get(pk=report.pk).get_latest_revision_as_object()
        assert latest.figures["table3"]["new"]["person"] == 5

    def test_a_report_never_generated_gets_its_figures_when_next_saved(
        self, client, superuser, index, agency, requests_2025
    ):
        report = make_report(
            index, agency, publish=False, report_figures=layout.empty_figures(), generated=False
        )
        client.force_login(superuser)
        data = edit_form(client, edit_url(report))
        # Wagtail 8 saves in the background (JSON); the generated cells go back into the form.
        response = client.post(edit_url(report), data, HTTP_ACCEPT="application/json")
        report = AnnualReportPage.objects.get(pk=report.pk)
        assert report.figures_generated_at is not None
        assert report.figures["table3"]["new"]["total"] == 3
        if response.headers["Content-Type"].startswith("application/json"):
            updates = dict(response.json()["field_updates"])
            assert updates["figures-table3-new-person"] == "2"
            assert updates["figures-table3-new-total"] == "3"
        else:  # Wagtail 7: a redirect, and the form opens with the figures
            assert response.status_code == 302
            soup = text(client.get(edit_url(report)))
            assert soup.find(id="figures-table3-new-total")["value"] == "3"

    def test_a_new_report_published_at_once_is_generated_then_checked(
        self, client, superuser, index, agency, requests_2025
    ):
        client.force_login(superuser)
        url = reverse(
            "wagtailadmin_pages:add",
            args=("gov_disclosure_reports", "annualreportpage", index.pk),
        )
        data = edit_form(client, url)
        data.update(
            {
                "title": "示范县人民政府2025年政府信息公开工作年度报告",
                "slug": "report-2025",
                "year": "2025",
                "agency": str(agency.pk),
                "action-publish": "publish",
            }
        )
        response = client.post(url, data)
        assert response.status_code == 302, response.content.decode()[:3000]
        report = AnnualReportPage.objects.get(slug="report-2025")
        assert report.live and report.figures["table3"]["new"]["total"] == 3
        assert checks.check(report.figures) == []


# The checks refuse publishing -----------------------------------------------------------------

WHOLE_NUMBER = checks._("Enter a whole number of 0 or more.")


def _unbalanced_row(data):
    data["figures-table3-new-total"] = "4"  # 2 + 1 = 3
    return ("table3", "new", "total")


def _results_total(data):
    data["figures-table3-disclosed-person"] = "1"  # (7) still says 0
    data["figures-table3-disclosed-total"] = "1"
    return ("table3", "total_handled", "person")


def _carried(data):
    data["figures-table3-carried_forward-person"] = "1"  # 2 received, 0 handled
    data["figures-table3-carried_forward-total"] = "2"
    return ("table3", "carried_forward", "person")


def _table4(data):
    data["figures-table4-litigation_direct-upheld"] = "1"  # total still 0
    return ("table4", "litigation_direct", "total")


def _not_a_number(data):
    data["figures-table2-penalty-decisions"] = "十二"
    return ("table2", "penalty", "decisions")


def _negative(data):
    data["figures-table4-review-pending"] = "-1"
    data["figures-table4-review-total"] = "2"
    return ("table4", "review", "pending")


def _bad_fee(data):
    data["figures-table2-fees-amount"] = "12,5万"
    return ("table2", "fees", "amount")


def _negative_fee(data):
    data["figures-table2-fees-amount"] = "-0.5"
    return ("table2", "fees", "amount")


BREAKAGES = {
    "row_total": _unbalanced_row,
    "results_total": _results_total,
    "carried_forward": _carried,
    "table4_total": _table4,
    "not_a_number": _not_a_number,
    "negative": _negative,
    "bad_fee": _bad_fee,
    "negative_fee": _negative_fee,
}


class TestChecksRefusePublishing:
    @pytest.mark.parametrize("breakage", BREAKAGES.values(), ids=BREAKAGES.keys())
    def test_publish_is_refused_naming_and_marking_the_cell(
        self, client, superuser, index, agency, requests_2025, breakage
    ):
        report = make_report(index, agency)
        live_revision = report.live_revision_id
        before = copy.deepcopy(report.figures)
        client.force_login(superuser)
        data = edit_form(client, edit_url(report))
        table, row, column = breakage(data)
        data["action-publish"] = "publish"
        response = client.post(edit_url(report), data)

        assert response.status_code == 200
        report.refresh_from_db()
        assert report.live_revision_id == live_revision
        assert report.figures == before
        soup = text(response)
        field = soup.find(id=f"figures-{table}-{row}-{column}")
        assert field["aria-invalid"] == "true"
        error = soup.find(id=f"figures-{table}-{row}-{column}-error")
        assert error is not None and error.get_text(strip=True)
        assert f"figures-{table}-{row}-{column}-error" in field["aria-describedby"]
        expected = [
            p for p in checks.check(widgets.figures_from(self._posted(data))) if p.table == table
        ]
        assert (table, row, column) in {(p.table, p.row, p.column) for p in expected}
        # The form error names the cell in words: table, row and column.
        with translation.override("zh-hans"):
            named = widgets.describe_cell(table, row, column)
        errors = soup.select(".w-field__errors .error-message")
        assert any(named in e.get_text() for e in errors), [e.get_text() for e in errors]

    @staticmethod
    def _posted(data):
        return widgets.FiguresWidget().value_from_datadict(data, {}, "figures")

    def test_the_error_names_the_table_row_and_column(self):
        with translation.override("en"):
            words = widgets.describe_cell("table3", "withheld_state_secret", "commercial")
        assert "3. Requests for disclosure received and handled" in words
        assert "(3) Not disclosed" in words or "Not disclosed" in words
        assert "Commercial enterprises" in words

    def test_submitting_for_moderation_is_refused_too(
        self, client, superuser, index, agency, requests_2025
    ):
        report = make_report(index, agency, publish=False)
        client.force_login(superuser)
        data = edit_form(client, edit_url(report))
        _unbalanced_row(data)
        data["action-submit"] = "submit"
        response = client.post(edit_url(report), data)
        assert response.status_code == 200
        assert AnnualReportPage.objects.get(pk=report.pk).current_workflow_state is None

    def test_in_moderation_failing_figures_are_neither_saved_nor_approved(
        self, client, superuser, index, agency, requests_2025
    ):
        report = make_report(index, agency, publish=False)
        client.force_login(superuser)
        data = edit_form(client, edit_url(report))
        data["action-submit"] = "submit"
        assert client.post(edit_url(report), data).status_code == 302
        report = AnnualReportPage.objects.get(pk=report.pk)
        assert report.workflow_in_progress
        revisions = report.revisions.count()

        # Approving publishes the latest revision: a failing draft is not saved meanwhile…
        data = edit_form(client, edit_url(report))
        _table4(data)
        response = client.post(edit_url(report), data)
        assert response.status_code == 200
        assert (
            text(response).find(id="figures-table4-litigation_direct-total")["aria-invalid"]
            == "true"
        )
        # …nor approved from the edit form.
        data["action-workflow-action"] = "true"
        data["workflow-action-name"] = "approve"
        data["workflow-action-extra-data"] = "{}"
        response = client.post(edit_url(report), data)
        assert response.status_code == 200
        report = AnnualReportPage.objects.get(pk=report.pk)
        assert report.revisions.count() == revisions and not report.live

        # Approved as it is, it publishes.
        data = edit_form(client, edit_url(report))
        data["action-workflow-action"] = "true"
        data["workflow-action-name"] = "approve"
        data["workflow-action-extra-data"] = "{}"
        response = client.post(edit_url(report), data)
        assert response.status_code == 302, response.content.decode()[:2000]
        assert AnnualReportPage.objects.get(pk=report.pk).live

    def test_a_draft_with_failing_figures_is_saved_with_a_warning(
        self, client, superuser, index, agency, requests_2025
    ):
        report = make_report(index, agency)
        client.force_login(superuser)
        data = edit_form(client, edit_url(report))
        _unbalanced_row(data)
        data["figures-table2-penalty-decisions"] = "十二"
        response = client.post(edit_url(report), data)
        assert response.status_code == 302
        draft = AnnualReportPage.objects.get(pk=report.pk).get_latest_revision_as_object()
        assert draft.figures["table3"]["new"]["total"] == 4
        assert draft.figures["table2"]["penalty"]["decisions"] == "十二"  # kept as typed
        assert live_figures(report)["table3"]["new"]["total"] == 3  # the live page unchanged
        assert any("未通过校验" in m for m in messages_of(response)), messages_of(response)

        # Opened again, the failing cells are marked and listed above the tables (sums are
        # checked once every cell is a number).
        soup = text(client.get(edit_url(report)))
        field = soup.find(id="figures-table2-penalty-decisions")
        assert field["value"] == "十二" and field["aria-invalid"] == "true"
        links = [a["href"] for a in soup.select(".gd-report-status a")]
        assert links == ["#figures-table2-penalty-decisions"]

    def test_a_report_whose_checks_pass_publishes(
        self, client, superuser, index, agency, requests_2025
    ):
        report = make_report(index, agency, publish=False)
        client.force_login(superuser)
        data = edit_form(client, edit_url(report))
        data["figures-table2-fees-amount"] = "１２．３５"  # full-width digits are read
        data["figures-table2-penalty-decisions"] = " 12 "
        data["action-publish"] = "publish"
        response = client.post(edit_url(report), data)
        assert response.status_code == 302, response.content.decode()[:3000]
        report = AnnualReportPage.objects.get(pk=report.pk)
        assert report.live
        assert report.figures["table2"]["fees"] == {"amount": "12.35"}
        assert report.figures["table2"]["penalty"] == {"decisions": 12}

    def test_the_fees_of_section_six_are_checked(
        self, client, superuser, index, agency, requests_2025
    ):
        report = make_report(index, agency)
        client.force_login(superuser)
        data = edit_form(client, edit_url(report))
        data["figures-fees_charged_yuan"] = "1.5"
        data["action-publish"] = "publish"
        response = client.post(edit_url(report), data)
        assert response.status_code == 200
        assert text(response).find(id="figures-fees_charged_yuan")["aria-invalid"] == "true"


# The model guard ---------------------------------------------------------------------------------


class TestModelGuard:
    def failing(self, index, agency):
        bad = figures.generate(YEAR, agency)
        bad["table3"]["new"]["total"] += 1
        return make_report(index, agency, publish=False, report_figures=bad)

    def test_revision_publish_of_a_failing_report_is_refused(self, index, agency, requests_2025):
        report = self.failing(index, agency)
        with pytest.raises(ReportNotPublishable) as refused:
            report.get_latest_revision().publish()
        assert isinstance(refused.value, ValidationError)
        assert any(
            widgets.describe_cell("table3", "new", "total") in m for m in refused.value.messages
        )
        assert not AnnualReportPage.objects.get(pk=report.pk).live

    def test_a_failing_draft_of_a_live_report_is_refused_but_saved(
        self, index, agency, requests_2025
    ):
        report = make_report(index, agency)
        draft = report.get_latest_revision_as_object()
        draft.figures["table4"]["review"]["total"] = 99
        revision = draft.save_revision()  # drafts are never refused
        with pytest.raises(ReportNotPublishable):
            revision.publish()
        live = AnnualReportPage.objects.get(pk=report.pk)
        assert live.live and live.figures["table4"]["review"]["total"] == 3
        assert live.live_revision_id != revision.pk

    def test_scheduled_publishing_is_refused(self, index, agency, requests_2025):
        from django.core.management import call_command
        from django.utils import timezone

        report = self.failing(index, agency)
        revision = report.get_latest_revision()
        revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
        revision.save()
        with pytest.raises(ReportNotPublishable):
            call_command("publish_scheduled", verbosity=0)
        assert not AnnualReportPage.objects.get(pk=report.pk).live

    def test_a_passing_report_publishes_and_can_be_moved(self, index, agency, requests_2025):
        report = make_report(index, agency)
        assert report.live
        other = IndexFactory(parent=index.get_parent(), slug="ndbg2")
        report.move(other, pos="last-child")
        assert AnnualReportPage.objects.get(pk=report.pk).live


# Freeze, and generating the figures again ----------------------------------------------------


def regenerate_url(page):
    return reverse("gov_disclosure_reports:regenerate", args=[page.pk])


class TestFreezeAndRegenerate:
    def test_published_figures_do_not_follow_the_records(
        self, client, superuser, index, agency, requests_2025
    ):
        report = make_report(index, agency)
        published = copy.deepcopy(report.figures)
        assert published["table3"]["new"]["person"] == 2

        # A new request in the year: the live report keeps its numbers.
        InformationRequestFactory(agency=agency, received_on=D(2025, 10, 8))
        assert live_figures(report) == published
        assert figures.generate(YEAR, agency, previous=published)["table3"]["new"]["person"] == 3

        # Regenerate: a new draft revision with the new numbers; the live page is unchanged.
        client.force_login(superuser)
        revisions = report.revisions.count()
        response = client.post(regenerate_url(report))
        assert response.status_code == 302 and response.url == edit_url(report)
        report = AnnualReportPage.objects.get(pk=report.pk)
        assert report.revisions.count() == revisions + 1
        assert report.figures == published and report.live
        assert report.has_unpublished_changes
        draft = report.get_latest_revision_as_object()
        assert draft.figures["table3"]["new"]["person"] == 3
        assert draft.figures["table3"]["new"]["total"] == 4
        assert draft.figures["table4"] == published["table4"]  # entered cells kept
        assert draft.figures_generated_at > report.figures_generated_at
        assert checks.check(draft.figures) == []
        message = " ".join(messages_of(response))
        assert widgets.describe_cell("table3", "new", "person") in message
        assert "2 → 3" in message

        # Publishing the draft shows the new numbers.
        report.get_latest_revision().publish()
        assert live_figures(report)["table3"]["new"]["person"] == 3

    def test_a_document_issued_in_the_year_changes_table_two_on_regenerate(
        self, client, superuser, index, agency, requests_2025
    ):
        from gov_disclosure.documents.models import DocumentType

        from .document_factories import DocumentLibraryPageFactory, DocumentPageFactory

        report = make_report(index, agency)
        assert report.figures["table2"]["normative"]["issued"] == 0
        library = DocumentLibraryPageFactory(parent=index.get_parent())
        DocumentPageFactory(
            parent=library,
            agency=agency,
            document_type=DocumentType.NORMATIVE,
            date_written=D(2025, 4, 1),
            publication_date=D(2025, 4, 2),
            effective_date=D(2025, 5, 1),
            expiry_date=D(2030, 4, 30),
        )
        assert live_figures(report)["table2"]["normative"]["issued"] == 0
        client.force_login(superuser)
        response = client.post(regenerate_url(report))
        assert response.status_code == 302
        draft = AnnualReportPage.objects.get(pk=report.pk).get_latest_revision_as_object()
        assert draft.figures["table2"]["normative"]["issued"] == 1
        assert live_figures(report)["table2"]["normative"]["issued"] == 0
        assert widgets.describe_cell("table2", "normative", "issued") in " ".join(
            messages_of(response)
        )

    def test_regenerating_with_no_change_saves_nothing(
        self, client, superuser, index, agency, requests_2025
    ):
        report = make_report(index, agency)
        revisions = report.revisions.count()
        client.force_login(superuser)
        response = client.post(regenerate_url(report))
        assert response.status_code == 302
        assert report.revisions.count() == revisions
        assert any("没有变化" in m for m in messages_of(response)), messages_of(response)

    def test_the_confirmation_page_lists_the_changes(
        self, client, superuser, index, agency, requests_2025
    ):
        report = make_report(index, agency)
        InformationRequestFactory(agency=agency, received_on=D(2025, 10, 8))
        client.force_login(superuser)
        response = client.get(regenerate_url(report))
        assert response.status_code == 200
        soup = text(response)
        assert any("2 → 3" in li.get_text() for li in soup("li"))
        form = soup.find("form", attrs={"action": regenerate_url(report)})
        assert form.find("input", attrs={"name": "csrfmiddlewaretoken"}) is not None
        assert report.revisions.count() == 1  # looking changes nothing

    def test_the_page_menu_offers_it(self, client, superuser, index, agency):
        report = make_report(index, agency)
        client.force_login(superuser)
        response = client.get(edit_url(report))
        assert regenerate_url(report) in response.content.decode()
        listing = client.get(reverse("wagtailadmin_explore", args=[index.pk]))
        assert regenerate_url(report) in listing.content.decode()

    def test_a_user_who_cannot_edit_the_report_gets_403(self, client, index, agency):
        report = make_report(index, agency)
        stranger = UserFactory(username="stranger", is_staff=True)
        from django.contrib.auth.models import Permission

        stranger.user_permissions.add(Permission.objects.get(codename="access_admin"))
        client.force_login(stranger)
        assert client.post(regenerate_url(report)).status_code == 403
        assert client.get(regenerate_url(report)).status_code == 403
        assert report.revisions.count() == 1
        response = client.get(edit_url(report))
        assert regenerate_url(report) not in response.content.decode()

    def test_the_view_needs_a_csrf_token(self, superuser, index, agency):
        from django.test import Client

        report = make_report(index, agency)
        client = Client(enforce_csrf_checks=True)
        client.force_login(superuser)
        assert client.post(regenerate_url(report)).status_code == 403

    def test_editors_may_regenerate(self, client, editor, index, agency, requests_2025):
        report = make_report(index, agency)
        InformationRequestFactory(agency=agency, received_on=D(2025, 10, 8))
        client.force_login(editor)
        response = client.post(regenerate_url(report))
        assert response.status_code == 302
        draft = AnnualReportPage.objects.get(pk=report.pk).get_latest_revision_as_object()
        assert draft.figures["table3"]["new"]["person"] == 3
        assert live_figures(report)["table3"]["new"]["person"] == 2


# The widget alone --------------------------------------------------------------------------------


class TestWidget:
    def test_value_round_trip_keeps_what_is_not_a_number(self):
        widget = widgets.FiguresWidget()
        data = {
            "figures-table3-new-person": "３",
            "figures-table3-new-total": "abc",
            "figures-table2-fees-amount": "0.50",
            "figures-table4-review-total": "",
            "figures-fees_charged_yuan": "120",
        }
        value = widgets.figures_from(widget.value_from_datadict(data, {}, "figures"))
        assert value["table3"]["new"] == {"person": 3, "total": "abc"}
        assert value["table2"]["fees"] == {"amount": "0.50"}
        assert value["table4"]["review"] == {"total": ""}
        assert value["fees_charged_yuan"] == 120
        assert widget.value_from_datadict({}, {}, "figures") is None

    def test_renders_from_a_dict_or_json_text(self):
        widget = widgets.FiguresWidget()
        report_figures = layout.empty_figures()
        report_figures["table3"]["new"]["person"] = 7
        import json

        for value in (report_figures, json.dumps(report_figures)):
            html = widget.render("figures", value)
            soup = BeautifulSoup(html, "html.parser")
            assert soup.find(id="figures-table3-new-person")["value"] == "7"

    def test_problems_mark_their_cells(self):
        widget = widgets.FiguresWidget()
        widget.problems = [checks.Problem("table4", "review", "total", "wrong")]
        soup = BeautifulSoup(widget.render("figures", layout.empty_figures()), "html.parser")
        field = soup.find(id="figures-table4-review-total")
        assert field["aria-invalid"] == "true"
        assert soup.find(id="figures-table4-review-total-error").get_text() == "wrong"
        assert "aria-invalid" not in soup.find(id="figures-table4-review-upheld").attrs
