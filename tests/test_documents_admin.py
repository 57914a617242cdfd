"""Admin side of the documents app: validity changes, clean-up batches and the two reports."""

import csv
import datetime
import io
import json

import openpyxl
import pytest
from django.contrib.auth.models import Permission
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext

from gov_disclosure.documents import cleanup, reports, services
from gov_disclosure.documents.cleanup import CleanupError, confirm_batch
from gov_disclosure.documents.models import (
    CleanupBatch,
    CleanupDecision,
    CleanupResultPage,
    DocumentLibraryPage,
    DocumentPage,
    InterpretationPage,
    Validity,
    ValidityChange,
)
from gov_disclosure.documents.panels import ValidityHistoryPanel

from .factories import AgencyFactory, UserFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2025, 12, 1)
CHANGE_VALIDITY = "gov_disclosure_documents:change_validity"
INTERPRETATION_REPORT = "gov_disclosure_documents:interpretation_report"
TIMELINESS_REPORT = "gov_disclosure_documents:timeliness_report"
VALIDITY_CHANGES = "gov_disclosure_validity_changes:index"
BATCH_LIST = "wagtailsnippets_gov_disclosure_documents_cleanupbatch:list"
BATCH_EDIT = "wagtailsnippets_gov_disclosure_documents_cleanupbatch:edit"
BATCH_DELETE = "wagtailsnippets_gov_disclosure_documents_cleanupbatch:delete"
BATCH_CONFIRM = "wagtailsnippets_gov_disclosure_documents_cleanupbatch:confirm"


def zh(message, **params):
    """``message`` as a Chinese admin user reads it (translated once the catalogue has it)."""
    with translation.override("zh-hans"):
        text = gettext(message)
    return text % params if params else text


# Helpers: pages are built here rather than in the shared factories ---------------------------


_serial = iter(range(1, 10_000))


def publish(page, user=None):
    revision = page.save_revision(user=user)
    revision.publish(user=user)
    page.refresh_from_db()
    return page


def make_library(parent, title="政策文件库"):
    library = DocumentLibraryPage(title=title, slug=f"library-{next(_serial)}")
    parent.add_child(instance=library)
    return publish(library)


def make_document(library, *, live=True, **fields):
    n = next(_serial)
    values = {
        "title": f"示范县关于加强第{n}项工作管理的实施办法",
        "slug": f"document-{n}",
        "document_number": f"示政办发〔2025〕{n}号",
        "agency": fields.pop("agency", None) or AgencyFactory(),
        "date_written": datetime.date(2025, 1, 2),
        "publication_date": datetime.date(2025, 1, 3),
        "effective_date": datetime.date(2025, 1, 3),
        **fields,
    }
    document = DocumentPage(live=live, **values)
    library.add_child(instance=document)
    if live:
        return publish(document)
    document.save_revision()
    return document


def make_interpretation(library, document, publication_date, *, live=True):
    n = next(_serial)
    page = InterpretationPage(
        title=f"解读：第{n}号文件",
        slug=f"interpretation-{n}",
        document=document,
        publication_date=publication_date,
        live=live,
    )
    library.add_child(instance=page)
    if live:
        return publish(page)
    page.save_revision()
    return page


def assert_refused(response):
    """Wagtail turns PermissionDenied into a redirect to the dashboard with a message."""
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def refreshed(page):
    return DocumentPage.objects.get(pk=page.pk)


def form_data(**values):
    data = {"to_validity": "", "changed_on": "", "reason": "", "replaced_by": ""}
    data.update({k: str(v) for k, v in values.items()})
    return data


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    monkeypatch.setattr(services, "today", lambda: TODAY)
    return TODAY


@pytest.fixture
def library(root_page):
    return make_library(root_page)


@pytest.fixture
def document(library):
    return make_document(library)


# 更改有效性 ----------------------------------------------------------------------------------


class TestChangeValidity:
    def test_a_published_document_starts_valid(self, document):
        assert document.validity == Validity.VALID
        assert document.validity_changes.count() == 1

    def test_only_allowed_transitions_are_offered(self, client, superuser, document):
        client.force_login(superuser)
        response = client.get(reverse(CHANGE_VALIDITY, args=[document.pk]))
        assert response.status_code == 200
        choices = [
            value for value, _label in response.context["form"].fields["to_validity"].choices
        ]
        assert choices == [Validity.EXPIRED, Validity.REPEALED, Validity.AMENDED]
        assert zh("Change validity") in response.content.decode()

    def test_repeal(self, client, superuser, document):
        client.force_login(superuser)
        url = reverse(CHANGE_VALIDITY, args=[document.pk])
        response = client.post(
            url,
            form_data(to_validity="repealed", changed_on="2025-11-20", reason="上位法已废止。"),
        )
        assert response.status_code == 302
        document = refreshed(document)
        assert document.validity == Validity.REPEALED
        assert document.validity_changed_on == datetime.date(2025, 11, 20)
        change = document.validity_changes.order_by("-pk").first()
        assert change.source == ValidityChange.Source.MANUAL
        assert change.created_by == superuser
        assert change.reason == "上位法已废止。"
        # django-simple-history recorded the row with the acting user (through its middleware)
        assert change.history.get().history_user == superuser

    def test_a_refused_transition_changes_nothing(self, client, superuser, document):
        client.force_login(superuser)
        before = document.validity_changes.count()
        response = client.post(
            reverse(CHANGE_VALIDITY, args=[document.pk]),
            form_data(to_validity="not_yet_effective", changed_on="2025-11-20", reason="x"),
        )
        assert response.status_code == 200
        assert response.context["form"].errors["to_validity"]
        assert refreshed(document).validity == Validity.VALID
        assert document.validity_changes.count() == before

    def test_a_final_validity_offers_no_form(self, client, superuser, document):
        services.change_validity(document, Validity.REPEALED, reason="已废止")
        client.force_login(superuser)
        url = reverse(CHANGE_VALIDITY, args=[document.pk])
        response = client.get(url)
        assert response.status_code == 200
        assert response.context["form"] is None
        message = zh(
            "This document is “%(validity)s”; its validity can no longer change.",
            validity=zh("Repealed"),
        )
        assert message in response.content.decode()
        response = client.post(url, form_data(to_validity="expired", changed_on="2025-11-20"))
        assert response.status_code == 302
        assert refreshed(document).validity == Validity.REPEALED
        assert document.validity_changes.count() == 2

    def test_the_reason_is_required(self, client, superuser, document):
        client.force_login(superuser)
        response = client.post(
            reverse(CHANGE_VALIDITY, args=[document.pk]),
            form_data(to_validity="expired", changed_on="2025-11-20", reason="  "),
        )
        assert response.status_code == 200
        assert response.context["form"].errors["reason"] == [
            zh("Give the reason for this change of validity.")
        ]
        assert zh("Give the reason for this change of validity.") in response.content.decode()
        assert refreshed(document).validity == Validity.VALID

    def test_amended_needs_the_replacing_document(self, client, superuser, library, document):
        client.force_login(superuser)
        url = reverse(CHANGE_VALIDITY, args=[document.pk])
        response = client.post(
            url, form_data(to_validity="amended", changed_on="2025-11-20", reason="已修订")
        )
        assert response.status_code == 200
        assert response.context["form"].errors["replaced_by"] == [
            zh("Choose the document that amends this one.")
        ]
        assert refreshed(document).validity == Validity.VALID

        newer = make_document(library)
        response = client.post(
            url,
            form_data(
                to_validity="amended",
                changed_on="2025-11-20",
                reason="已修订",
                replaced_by=newer.pk,
            ),
        )
        assert response.status_code == 302
        document = refreshed(document)
        assert document.validity == Validity.AMENDED
        assert document.replaced_by_id == newer.pk
        assert document.validity_changes.order_by("-pk").first().replaced_by_id == newer.pk

    def test_the_replacement_must_be_a_policy_document(self, client, superuser, library, document):
        client.force_login(superuser)
        response = client.post(
            reverse(CHANGE_VALIDITY, args=[document.pk]),
            form_data(
                to_validity="amended", changed_on="2025-11-20", reason="r", replaced_by=library.pk
            ),
        )
        assert response.status_code == 200
        assert "replaced_by" in response.context["form"].errors

    @pytest.mark.parametrize(
        ("changed_on", "field_error"),
        [("2025-12-02", "future"), ("2024-12-31", "earlier")],
    )
    def test_dates_the_catalogue_could_not_show_are_refused(
        self, client, superuser, document, changed_on, field_error
    ):
        client.force_login(superuser)
        response = client.post(
            reverse(CHANGE_VALIDITY, args=[document.pk]),
            form_data(to_validity="expired", changed_on=changed_on, reason="到期"),
        )
        assert response.status_code == 200
        assert response.context["form"].errors["changed_on"]
        assert refreshed(document).validity == Validity.VALID

    def test_editors_without_publish_permission_are_refused(self, client, editor, document):
        client.force_login(editor)
        assert_refused(client.get(reverse(CHANGE_VALIDITY, args=[document.pk])))
        response = client.post(
            reverse(CHANGE_VALIDITY, args=[document.pk]),
            form_data(to_validity="repealed", changed_on="2025-11-20", reason="x"),
        )
        assert_refused(response)
        assert refreshed(document).validity == Validity.VALID
        edit = client.get(reverse("wagtailadmin_pages:edit", args=[document.pk]))
        assert reverse(CHANGE_VALIDITY, args=[document.pk]) not in edit.content.decode()

    def test_reviewers_who_publish_may_change_validity(self, client, reviewer, document):
        client.force_login(reviewer)
        response = client.post(
            reverse(CHANGE_VALIDITY, args=[document.pk]),
            form_data(to_validity="expired", changed_on="2025-11-20", reason="有效期届满"),
        )
        assert response.status_code == 302
        assert refreshed(document).validity == Validity.EXPIRED

    def test_a_never_published_document_has_no_validity_yet(self, client, superuser, library):
        draft = make_document(library, live=False)
        client.force_login(superuser)
        url = reverse(CHANGE_VALIDITY, args=[draft.pk])
        response = client.get(url)
        assert response.context["form"] is None
        assert zh("A document gets its first validity when it is published.") in (
            response.content.decode()
        )
        client.post(url, form_data(to_validity="valid", changed_on="2025-11-20"))
        assert not draft.validity_changes.exists()

    def test_only_documents_have_it(self, client, superuser, library):
        client.force_login(superuser)
        assert client.get(reverse(CHANGE_VALIDITY, args=[library.pk])).status_code == 404

    def test_reached_from_the_edit_header_and_the_listing(self, client, superuser, document):
        client.force_login(superuser)
        url = reverse(CHANGE_VALIDITY, args=[document.pk])
        edit = client.get(reverse("wagtailadmin_pages:edit", args=[document.pk]))
        assert url in edit.content.decode()
        listing = client.get(reverse("wagtailadmin_explore", args=[document.get_parent().pk]))
        assert url in listing.content.decode()


class TestValidityHistory:
    def test_history_newest_first_on_the_view(self, client, superuser, library, document):
        services.change_validity(
            document,
            Validity.AMENDED,
            changed_on=datetime.date(2025, 6, 1),
            reason="已由新办法修订",
            replaced_by=make_document(library, title="示范县新实施办法"),
            user=superuser,
        )
        client.force_login(superuser)
        response = client.get(reverse(CHANGE_VALIDITY, args=[document.pk]))
        history = response.context["history"]
        assert [c.to_validity for c in history] == [Validity.AMENDED, Validity.VALID]
        html = response.content.decode()
        assert "已由新办法修订" in html
        assert "示范县新实施办法" in html
        assert html.index("已由新办法修订") < html.index(zh("First publication"))

    def test_panel_on_the_edit_page(self, rf, superuser, document):
        services.change_validity(document, Validity.REPEALED, reason="决定废止", user=superuser)
        request = rf.get("/")
        request.user = superuser
        panel = ValidityHistoryPanel().bind_to_model(DocumentPage)
        html = panel.get_bound_panel(
            instance=refreshed(document), request=request, form=None
        ).render_html()
        assert "决定废止" in html
        assert zh("Repealed") in html
        assert reverse(CHANGE_VALIDITY, args=[document.pk]) in html

    def test_panel_for_a_new_document(self, rf, superuser):
        request = rf.get("/")
        request.user = superuser
        panel = ValidityHistoryPanel().bind_to_model(DocumentPage)
        html = panel.get_bound_panel(
            instance=DocumentPage(), request=request, form=None
        ).render_html()
        assert zh("A document gets its first validity when it is published.") in html


class TestValidityChangeListing:
    def test_listing_filters_and_export(self, client, superuser, library, document):
        other = make_document(library)
        services.change_validity(
            other, Validity.REPEALED, changed_on=datetime.date(2025, 11, 3), reason="废止"
        )
        client.force_login(superuser)
        url = reverse(VALIDITY_CHANGES)
        response = client.get(url)
        assert response.status_code == 200
        assert len(response.context["object_list"]) == 3
        response = client.get(url, {"source": "manual"})
        assert [c.document_id for c in response.context["object_list"]] == [other.pk]
        response = client.get(url, {"to_validity": "valid"})
        assert len(response.context["object_list"]) == 2
        response = client.get(url, {"changed_on_from": "2025-11-01", "changed_on_to": "2025-11-30"})
        assert [c.to_validity for c in response.context["object_list"]] == [Validity.REPEALED]
        export = client.get(url, {"export": "csv", "source": "manual"})
        rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
        assert rows[0][0] == zh("Policy document")
        assert rows[1][0] == other.title and rows[1][5] == "废止"

    def test_read_only(self, client, superuser, document):
        client.force_login(superuser)
        change = document.validity_changes.get()
        response = client.get(reverse(VALIDITY_CHANGES))
        html = response.content.decode()
        assert "/edit/" not in html.split("listing-results", 1)[1].split("</table>")[0]
        inspect = reverse("gov_disclosure_validity_changes:inspect", args=[change.pk])
        assert client.get(inspect).status_code == 200
        for name in ("add", "edit", "delete"):
            with pytest.raises(NoReverseMatch):
                reverse(f"gov_disclosure_validity_changes:{name}", args=[change.pk])

    def test_in_the_policy_documents_menu(self, client, superuser):
        client.force_login(superuser)
        html = client.get(reverse("wagtailadmin_home")).content.decode()
        # The sidebar menu is JSON in the page, with non-ASCII characters escaped.
        label = zh("Policy documents")
        assert label in html or json.dumps(label)[1:-1] in html
        assert reverse(VALIDITY_CHANGES) in html
        assert reverse(BATCH_LIST) in html


# 清理 ---------------------------------------------------------------------------------------


@pytest.fixture
def batch(library):
    keep, expire, repeal = (make_document(library) for _ in range(3))
    batch = CleanupBatch(
        title="2025年度行政规范性文件清理",
        review_date=datetime.date(2025, 11, 28),
        basis="依据清理通知",
    )
    batch.decisions.add(CleanupDecision(document=keep, decision="continue", reason="仍然适用"))
    batch.decisions.add(CleanupDecision(document=expire, decision="expire", reason="任务已完成"))
    batch.decisions.add(
        CleanupDecision(document=repeal, decision="repeal", reason="与上位法不一致")
    )
    batch.save()
    batch.documents = {"keep": keep, "expire": expire, "repeal": repeal}
    return batch


class TestConfirmBatch:
    def test_applies_every_decision_and_publishes_the_lists(self, superuser, library, batch):
        page = confirm_batch(batch, superuser, library)
        docs = {name: refreshed(d) for name, d in batch.documents.items()}
        assert docs["keep"].validity == Validity.VALID
        assert docs["keep"].validity_changes.count() == 1  # "remains valid" records nothing
        assert docs["expire"].validity == Validity.EXPIRED
        assert docs["repeal"].validity == Validity.REPEALED
        change = docs["repeal"].validity_changes.order_by("-pk").first()
        assert change.source == ValidityChange.Source.CLEANUP
        assert change.changed_on == datetime.date(2025, 11, 28)
        assert change.reason == "与上位法不一致"
        assert change.created_by == superuser

        batch.refresh_from_db()
        assert batch.is_confirmed
        assert batch.confirmed_by == superuser and batch.confirmed_at is not None
        assert batch.result_page_id == page.pk
        page = CleanupResultPage.objects.get(pk=page.pk)
        assert page.live and page.get_parent().pk == library.pk and page.batch_id == batch.pk
        context = page.get_context(RequestFactory().get(page.url))
        lists = [[d.document_id for d in decisions] for _label, decisions in context["lists"]]
        assert lists == [[docs["keep"].pk], [docs["expire"].pk], [docs["repeal"].pk]]

    def test_an_invalid_decision_applies_nothing(self, superuser, library, batch):
        services.change_validity(batch.documents["repeal"], Validity.REPEALED, reason="早已废止")
        with pytest.raises(CleanupError) as raised:
            confirm_batch(batch, superuser, library)
        assert len(raised.value.messages) == 1
        assert batch.documents["repeal"].title in raised.value.messages[0]
        assert refreshed(batch.documents["expire"]).validity == Validity.VALID
        assert not batch.documents["expire"].validity_changes.filter(source="cleanup").exists()
        batch.refresh_from_db()
        assert not batch.is_confirmed and batch.result_page_id is None
        assert not CleanupResultPage.objects.exists()

    def test_every_problem_is_listed(self, superuser, library, batch):
        for document in batch.documents.values():
            services.change_validity(document, Validity.REPEALED, reason="早已废止")
        with pytest.raises(CleanupError) as raised:
            confirm_batch(batch, superuser, library)
        assert len(raised.value.messages) == 3

    def test_a_confirmed_batch_cannot_be_confirmed_again(self, superuser, library, batch):
        confirm_batch(batch, superuser, library)
        with pytest.raises(CleanupError):
            confirm_batch(CleanupBatch.objects.get(pk=batch.pk), superuser, library)
        assert CleanupResultPage.objects.count() == 1

    def test_not_before_its_decision_date(self, superuser, library, batch, monkeypatch):
        monkeypatch.setattr(services, "today", lambda: datetime.date(2025, 11, 27))
        with pytest.raises(CleanupError):
            confirm_batch(batch, superuser, library)

    def test_the_result_goes_into_a_document_library(self, superuser, root_page, batch):
        with pytest.raises(CleanupError):
            confirm_batch(batch, superuser, root_page)
        assert not CleanupBatch.objects.get(pk=batch.pk).is_confirmed

    def test_the_library_holding_the_documents_is_the_default(self, root_page, library, batch):
        make_library(root_page, title="另一个文件库")
        assert cleanup.default_parent_page(batch).pk == library.pk


class TestCleanupAdmin:
    def test_view_permissions_appear_in_the_group_form(self):
        from wagtail import hooks

        registered = {
            p.codename for hook in hooks.get_hooks("register_permissions") for p in hook()
        }
        assert {"view_cleanupbatch", "change_cleanupbatch", "view_validitychange"} <= registered
        assert "change_validitychange" not in registered

    def test_listing_offers_confirmation(self, client, superuser, batch):
        client.force_login(superuser)
        response = client.get(reverse(BATCH_LIST))
        assert response.status_code == 200
        assert reverse(BATCH_CONFIRM, args=[batch.pk]) in response.content.decode()

    def test_add_a_batch_with_decisions(self, client, superuser, library):
        document = make_document(library)
        client.force_login(superuser)
        response = client.post(
            reverse("wagtailsnippets_gov_disclosure_documents_cleanupbatch:add"),
            {
                "title": "2026年专项清理",
                "review_date": "2025-11-30",
                "basis": "",
                "decisions-TOTAL_FORMS": "1",
                "decisions-INITIAL_FORMS": "0",
                "decisions-MIN_NUM_FORMS": "0",
                "decisions-MAX_NUM_FORMS": "1000",
                "decisions-0-document": str(document.pk),
                "decisions-0-decision": "repeal",
                "decisions-0-reason": "不再适用",
                "decisions-0-ORDER": "1",
                "decisions-0-id": "",
                "decisions-0-DELETE": "",
            },
        )
        assert response.status_code == 302, response.context["form"].errors
        batch = CleanupBatch.objects.get(title="2026年专项清理")
        assert batch.decisions.get().document_id == document.pk
        assert batch.revisions.count() == 1

    def test_confirm_view(self, client, superuser, library, batch):
        client.force_login(superuser)
        url = reverse(BATCH_CONFIRM, args=[batch.pk])
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        for document in batch.documents.values():
            assert document.title in html
        assert response.context["form"]["library"].value() == library.pk
        response = client.post(url, {"library": library.pk})
        assert response.status_code == 302
        batch.refresh_from_db()
        assert batch.is_confirmed
        assert refreshed(batch.documents["repeal"]).validity == Validity.REPEALED
        response = client.get(url)
        assert response.context["form"] is None
        assert batch.result_page.title in response.content.decode()
        public = client.get(batch.result_page.url)
        assert public.status_code == 200
        for document in batch.documents.values():
            assert document.title in public.content.decode()

    def test_confirm_view_lists_the_problems(self, client, superuser, library, batch):
        services.change_validity(batch.documents["expire"], Validity.REPEALED, reason="早已废止")
        client.force_login(superuser)
        response = client.post(reverse(BATCH_CONFIRM, args=[batch.pk]), {"library": library.pk})
        assert response.status_code == 200
        assert len(response.context["problems"]) == 1
        assert batch.documents["expire"].title in response.content.decode()
        assert refreshed(batch.documents["repeal"]).validity == Validity.VALID
        assert not CleanupBatch.objects.get(pk=batch.pk).is_confirmed

    def test_a_confirmed_batch_is_not_confirmed_edited_or_deleted_again(
        self, client, superuser, library, batch
    ):
        confirm_batch(batch, superuser, library)
        client.force_login(superuser)
        response = client.post(reverse(BATCH_CONFIRM, args=[batch.pk]), {"library": library.pk})
        assert response.status_code == 302
        assert CleanupResultPage.objects.count() == 1
        confirm_url = reverse(BATCH_CONFIRM, args=[batch.pk])
        assert client.get(reverse(BATCH_EDIT, args=[batch.pk])).url == confirm_url
        response = client.post(reverse(BATCH_EDIT, args=[batch.pk]), {"title": "改名"})
        assert response.status_code == 302
        assert client.post(reverse(BATCH_DELETE, args=[batch.pk])).status_code == 302
        batch.refresh_from_db()
        assert batch.title == "2025年度行政规范性文件清理"

    def test_the_disclosure_office_confirms(self, client, disclosure_officer, library, batch):
        client.force_login(disclosure_officer)
        url = reverse(BATCH_CONFIRM, args=[batch.pk])
        assert client.get(url).context["form"] is not None
        assert client.post(url, {"library": library.pk}).status_code == 302
        batch.refresh_from_db()
        assert batch.is_confirmed and batch.confirmed_by == disclosure_officer

    def test_reviewers_see_but_cannot_confirm(self, client, reviewer, batch):
        client.force_login(reviewer)
        response = client.get(reverse(BATCH_CONFIRM, args=[batch.pk]))
        assert response.status_code == 200 and response.context["form"] is None
        message = zh(
            "Confirming a clean-up needs permission to edit clean-up batches and to publish pages."
        )
        assert message in response.content.decode()

    def test_editors_cannot_confirm(self, client, editor, library, batch):
        client.force_login(editor)
        response = client.post(reverse(BATCH_CONFIRM, args=[batch.pk]), {"library": library.pk})
        assert_refused(response)
        assert not CleanupBatch.objects.get(pk=batch.pk).is_confirmed


# Reports ------------------------------------------------------------------------------------


@pytest.fixture
def interpretation_cases(library):
    """Around the 2025 National Day holiday (1–8 October; 28 September a make-up workday)."""
    late = make_document(library, publication_date=datetime.date(2025, 9, 26))
    make_interpretation(library, late, datetime.date(2025, 10, 9))  # 4 working days
    in_time = make_document(library, publication_date=datetime.date(2025, 9, 29))
    make_interpretation(library, in_time, datetime.date(2025, 10, 9))  # 2 working days, 10 days
    make_interpretation(library, in_time, datetime.date(2025, 10, 20))
    missing = make_document(library, publication_date=datetime.date(2025, 11, 26))
    draft_only = make_document(library, publication_date=datetime.date(2025, 11, 3))
    make_interpretation(library, draft_only, datetime.date(2025, 11, 4), live=False)
    make_document(library, live=False, publication_date=datetime.date(2025, 9, 1))
    return {"late": late, "in_time": in_time, "missing": missing, "draft_only": draft_only}


class TestInterpretationReport:
    def test_rows(self, interpretation_cases):
        rows = reports.interpretation_rows(reports.interpretation_candidates())
        by_document = {row.document.pk: row for row in rows}
        cases = interpretation_cases
        assert set(by_document) == {cases["late"].pk, cases["missing"].pk, cases["draft_only"].pk}
        late = by_document[cases["late"].pk]
        assert late.interpreted_on == datetime.date(2025, 10, 9)
        assert (late.workdays, late.workdays_late, late.is_missing) == (4, 1, False)
        missing = by_document[cases["missing"].pk]
        # 26 Nov → 1 Dec (today): 27, 28 Nov and 1 Dec
        assert (missing.interpreted_on, missing.workdays, missing.workdays_late) == (None, 3, 0)
        assert missing.is_missing and missing.status_label == zh("No interpretation")
        assert by_document[cases["draft_only"].pk].is_missing

    def test_view_export_and_filters(self, client, superuser, interpretation_cases):
        client.force_login(superuser)
        url = reverse(INTERPRETATION_REPORT)
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert interpretation_cases["late"].title in html
        assert interpretation_cases["in_time"].title not in html
        assert zh("No interpretation") in html

        export = client.get(url, {"export": "csv"})
        rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
        assert rows[0] == [
            zh("Title"),
            zh("Document number"),
            zh("Issuing agency"),
            zh("Publication date"),
            zh("Interpretation date"),
            zh("Working days after publication"),
            zh("Working days late"),
            zh("Status"),
        ]
        late = interpretation_cases["late"]
        assert [
            late.title,
            late.document_number,
            late.agency.name,
            "2025-09-26",
            "2025-10-09",
            "4",
            "1",
            zh("Interpreted late"),
        ] in rows
        assert len(rows) == 4

        export = client.get(url, {"export": "xlsx"})
        workbook = openpyxl.load_workbook(io.BytesIO(b"".join(export.streaming_content)))
        sheet = list(workbook.active.iter_rows(values_only=True))
        assert len(sheet) == 4
        late_row = next(r for r in sheet if r[0] == late.title)
        assert late_row[3] == datetime.date(2025, 9, 26)
        assert late_row[5:7] == (4, 1)

        response = client.get(url, {"agency": late.agency_id})
        assert [r.document.pk for r in response.context["object_list"]] == [late.pk]
        older = make_document(
            interpretation_cases["late"].get_parent(),
            date_written=datetime.date(2024, 2, 27),
            publication_date=datetime.date(2024, 3, 1),
            effective_date=datetime.date(2024, 3, 1),
        )
        response = client.get(url, {"year": "2024"})
        assert [r.document.pk for r in response.context["object_list"]] == [older.pk]
        response = client.get(url, {"year": "2025"})
        assert len(response.context["object_list"]) == 3

    def test_queries_do_not_grow_with_rows(
        self, client, superuser, library, django_assert_max_num_queries
    ):
        client.force_login(superuser)
        url = reverse(INTERPRETATION_REPORT)
        make_document(library, publication_date=datetime.date(2025, 10, 1))
        client.get(url)
        # the working-day overrides are read once per year (and cached), not once per row
        with django_assert_max_num_queries(30) as few:
            client.get(url)
        for day in range(2, 16):
            make_document(library, publication_date=datetime.date(2025, 10, day))
        with django_assert_max_num_queries(len(few.captured_queries)):
            response = client.get(url)
        assert len(response.context["object_list"]) == 15

    def test_limit_is_a_setting(self, settings, interpretation_cases):
        settings.GOV_DISCLOSURE_INTERPRETATION_DAYS = 4
        rows = reports.interpretation_rows(reports.interpretation_candidates())
        assert interpretation_cases["late"].pk not in {row.document.pk for row in rows}

    def test_needs_page_permissions(self, client, db):
        user = UserFactory()
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
        client.force_login(user)
        assert_refused(client.get(reverse(INTERPRETATION_REPORT)))


def test_the_counter_agrees_with_the_calendar():
    from gov_disclosure.workdays import WorkdayCalendar

    start = datetime.date(2025, 9, 20)
    days = [start + datetime.timedelta(days=n) for n in range(0, 40, 3)]
    count, calendar = reports.WorkdayCounter(days), WorkdayCalendar()
    for a in days:
        for b in days:
            assert count(a, b) == calendar.workdays_between(a, b), (a, b)


class TestTimelinessReport:
    def test_rows_around_national_day(self, library):
        late = make_document(
            library,
            date_written=datetime.date(2025, 9, 1),
            publication_date=datetime.date(2025, 10, 13),
            effective_date=datetime.date(2025, 10, 13),
        )
        # 29 calendar days but 16 working days, thanks to the holiday: in time
        make_document(
            library,
            date_written=datetime.date(2025, 9, 10),
            publication_date=datetime.date(2025, 10, 9),
            effective_date=datetime.date(2025, 10, 9),
        )
        rows = reports.timeliness_rows(reports.timeliness_candidates())
        assert [(row.document.pk, row.workdays, row.workdays_late) for row in rows] == [
            (late.pk, 26, 6)
        ]

    def test_view_and_exports(self, client, reviewer, library):
        late = make_document(
            library,
            date_written=datetime.date(2025, 9, 1),
            publication_date=datetime.date(2025, 10, 13),
            effective_date=datetime.date(2025, 10, 13),
        )
        client.force_login(reviewer)
        url = reverse(TIMELINESS_REPORT)
        response = client.get(url)
        assert response.status_code == 200
        assert late.title in response.content.decode()
        export = client.get(url, {"export": "csv"})
        rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
        assert rows[1] == [
            late.title,
            late.document_number,
            late.agency.name,
            "2025-09-01",
            "2025-10-13",
            "26",
            "6",
        ]
        export = client.get(url, {"export": "xlsx"})
        sheet = list(
            openpyxl.load_workbook(io.BytesIO(b"".join(export.streaming_content))).active.iter_rows(
                values_only=True
            )
        )
        assert sheet[0][0] == zh("Title")
        assert sheet[1][0] == late.title and sheet[1][5:] == (26, 6)

    def test_in_the_reports_menu(self, client, superuser):
        client.force_login(superuser)
        html = client.get(reverse("wagtailadmin_home")).content.decode()
        assert reverse(INTERPRETATION_REPORT) in html
        assert reverse(TIMELINESS_REPORT) in html
