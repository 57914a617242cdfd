"""Normative documents: numbering, validation, attachments and the validity lifecycle."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.documents import get_document_model

from gov_disclosure.documents import services
from gov_disclosure.documents.models import (
    DocumentAttachment,
    DocumentLibraryPage,
    DocumentPage,
    DocumentType,
    Validity,
    ValidityChange,
)
from gov_disclosure.documents.validators import normalize_document_number

from .factories import AgencyFactory

D = datetime.date
pytestmark = pytest.mark.django_db

CODE = "11379901004211016R"


@pytest.fixture
def agency():
    return AgencyFactory(name="示范县人民政府办公室", credit_code=CODE)


@pytest.fixture
def library(root_page):
    page = DocumentLibraryPage(title="政策文件", slug="zcwj")
    root_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def frozen_today(monkeypatch):
    def freeze(day):
        monkeypatch.setattr(services, "today", lambda: day)

    freeze(D(2026, 11, 21))
    return freeze


_serial = iter(range(1, 10_000))


def make_document(library, agency, *, publish=True, **fields):
    serial = next(_serial)
    values = {
        "title": f"示范县关于第{serial}项工作的实施办法",
        "slug": f"doc-{serial}",
        "agency": agency,
        "document_number": f"示政办发〔2024〕{serial}号",
        "date_written": D(2024, 1, 2),
        "publication_date": D(2024, 1, 5),
        "effective_date": D(2024, 2, 1),
        "expiry_date": D(2029, 1, 31),
    }
    values.update(fields)
    document = DocumentPage(**values)
    document.live = publish
    library.add_child(instance=document)
    if publish:
        document.save_revision().publish()
    document.refresh_from_db()
    return document


class TestDocumentNumber:
    @pytest.mark.parametrize(
        "raw",
        [
            "示政办发[2022]12号",
            "示政办发（2022）12号",
            "示政办发【2022】12号",
            "示政办发 〔2022〕 12 号",
        ],
    )
    def test_brackets_and_spaces_are_normalised(self, raw):
        assert normalize_document_number(raw) == "示政办发〔2022〕12号"

    def test_saved_normalised(self, library, agency, frozen_today):
        document = make_document(library, agency, document_number="示政办发(2024)7号")
        document.full_clean()
        assert document.document_number == "示政办发〔2024〕7号"

    @pytest.mark.parametrize("bad", ["2022年12号", "示政办发〔22〕12号", "示政办发〔2022〕号"])
    def test_bad_numbers_are_refused(self, library, agency, frozen_today, bad):
        document = make_document(library, agency, publish=False)
        document.document_number = bad
        with pytest.raises(ValidationError) as excinfo:
            document.full_clean()
        assert "document_number" in excinfo.value.message_dict

    def test_normative_documents_need_one_other_documents_do_not(self, library, agency):
        document = make_document(library, agency, publish=False)
        document.document_number = ""
        with pytest.raises(ValidationError):
            document.full_clean()
        document.document_type = DocumentType.OTHER
        document.full_clean()

    def test_registration_number_format(self, library, agency):
        document = make_document(library, agency, publish=False, registration_number="SFGS—2024—7")
        document.full_clean()
        document.registration_number = "第七号"
        with pytest.raises(ValidationError) as excinfo:
            document.full_clean()
        assert "registration_number" in excinfo.value.message_dict

    def test_dates_must_be_in_order(self, library, agency):
        document = make_document(library, agency, publish=False)
        document.date_written, document.expiry_date = D(2024, 3, 1), D(2024, 1, 1)
        with pytest.raises(ValidationError) as excinfo:
            document.full_clean()
        assert {"publication_date", "expiry_date"} <= set(excinfo.value.message_dict)


class TestIndexNumber:
    def test_pattern_and_sequence(self, library, agency):
        first = make_document(library, agency, publish=False)
        second = make_document(library, agency, publish=False)
        assert first.index_number == f"{CODE}/2024-00001"
        assert second.index_number == f"{CODE}/2024-00002"

    def test_never_reused_after_deletion(self, library, agency):
        first = make_document(library, agency, publish=False)
        make_document(library, agency, publish=False).delete()
        third = make_document(library, agency, publish=False)
        assert third.index_number == f"{CODE}/2024-00003"
        assert first.index_number.endswith("00001")

    def test_skips_numbers_taken_by_imports(self, library, agency):
        make_document(library, agency, publish=False, index_number=f"{CODE}/2024-00001")
        assert make_document(library, agency, publish=False).index_number.endswith("-00002")

    def test_configurable_pattern(self, library, agency, settings):
        settings.GOV_DISCLOSURE_INDEX_NUMBER_PATTERN = "{agency_code}-{year}-{serial}"
        assert make_document(library, agency, publish=False).index_number == f"{CODE}-2024-1"

    def test_publishing_an_old_revision_keeps_the_document_state(
        self, library, agency, frozen_today
    ):
        document = make_document(library, agency)
        old_revision = document.latest_revision
        services.change_validity(document, Validity.REPEALED, reason="已被新办法取代")
        old_revision.publish()
        document.refresh_from_db()
        assert document.validity == Validity.REPEALED
        assert document.index_number.endswith("-00001")

    def test_copies_get_a_new_number_and_their_own_history(self, library, agency, frozen_today):
        document = make_document(library, agency)
        services.change_validity(document, Validity.REPEALED, reason="废止")
        copy = document.copy(update_attrs={"slug": "copy", "title": "副本"}, keep_live=False)
        assert copy.index_number and copy.index_number != document.index_number
        assert copy.validity == Validity.NOT_YET_EFFECTIVE
        assert copy.replaced_by is None and not copy.validity_changes.exists()


class TestAttachments:
    def upload(self, name):
        Document = get_document_model()
        document = Document(title=name)
        document.file.save(name, ContentFile(b"%PDF-1.4 test" if name.endswith("pdf") else b"PK"))
        return document

    def test_word_without_pdf_cannot_go_live(self, library, agency, frozen_today):
        document = make_document(library, agency, publish=False)
        document.attachments.add(DocumentAttachment(title="附件1", editable=self.upload("a.docx")))
        revision = document.save_revision()
        with pytest.raises(ValidationError, match="PDF"):
            revision.publish()
        assert not DocumentPage.objects.get(pk=document.pk).live

    def test_word_with_its_pdf_goes_live(self, library, agency, frozen_today):
        document = make_document(library, agency, publish=False)
        document.attachments.add(
            DocumentAttachment(
                title="附件1", editable=self.upload("a.docx"), pdf=self.upload("a.pdf")
            )
        )
        document.save_revision().publish()
        assert DocumentPage.objects.get(pk=document.pk).live

    def test_the_admin_refuses_to_publish_with_a_message(
        self, client, superuser, library, agency, frozen_today
    ):
        word = self.upload("b.docx")
        client.force_login(superuser)
        url = f"/admin/pages/add/gov_disclosure_documents/documentpage/{library.pk}/"
        data = {
            "title": "示范县关于加强农村饮水安全管理的通知",
            "slug": "yinshui",
            "caption": "",
            "document_type": "normative",
            "document_number": "示政办发〔2024〕88号",
            "registration_number": "",
            "agency": agency.pk,
            "theme_category": "",
            "date_written": "2024-01-02",
            "publication_date": "2024-01-05",
            "effective_date": "2024-02-01",
            "expiry_date": "",
            "supersedes": "",
            "body-count": "0",
            "attachments-TOTAL_FORMS": "1",
            "attachments-INITIAL_FORMS": "0",
            "attachments-MIN_NUM_FORMS": "0",
            "attachments-MAX_NUM_FORMS": "1000",
            "attachments-0-title": "附件：饮水安全管理台账样表",
            "attachments-0-editable": word.pk,
            "attachments-0-pdf": "",
            "attachments-0-ORDER": "1",
            "attachments-0-id": "",
            "attachments-0-DELETE": "",
            # the 标准目录 tab every gov_disclosure page type has (gov_disclosure.standards)
            "standard_catalogue_items-TOTAL_FORMS": "0",
            "standard_catalogue_items-INITIAL_FORMS": "0",
            "standard_catalogue_items-MIN_NUM_FORMS": "0",
            "standard_catalogue_items-MAX_NUM_FORMS": "1000",
            "disclosure_attribute": "proactive",
            "disclosure_reason": "",
            "action-publish": "action-publish",
        }
        response = client.post(url, data)
        assert response.status_code == 200, response.status_code
        html = response.content.decode()
        assert "饮水安全管理台账样表" in html
        assert not DocumentPage.objects.filter(slug="yinshui").exists()
        del data["action-publish"]
        response = client.post(url, data)  # saving a draft is allowed
        assert response.status_code == 302
        assert not DocumentPage.objects.get(slug="yinshui").live


class TestLifecycle:
    def test_first_publication_records_validity(self, library, agency, frozen_today):
        document = make_document(library, agency)
        assert document.validity == Validity.VALID
        (change,) = document.validity_changes.all()
        assert (change.from_validity, change.to_validity) == ("", Validity.VALID)
        assert change.changed_on == D(2024, 2, 1)
        assert change.source == ValidityChange.Source.FIRST_PUBLICATION

    def test_not_yet_in_force(self, library, agency, frozen_today):
        document = make_document(
            library,
            agency,
            publication_date=D(2026, 11, 1),
            effective_date=D(2027, 1, 1),
            date_written=D(2026, 10, 20),
        )
        assert document.validity == Validity.NOT_YET_EFFECTIVE

    def test_published_after_expiry_is_expired_at_once(self, library, agency, frozen_today):
        document = make_document(library, agency, expiry_date=D(2025, 1, 31))
        assert document.validity == Validity.EXPIRED
        assert [c.to_validity for c in document.validity_changes.order_by("pk")] == [
            Validity.VALID,
            Validity.EXPIRED,
        ]

    def test_final_states_are_final(self, library, agency, frozen_today):
        document = make_document(library, agency)
        services.change_validity(document, Validity.REPEALED, reason="县政府决定废止")
        with pytest.raises(ValidationError):
            services.change_validity(document, Validity.VALID, reason="恢复")
        assert document.validity_changes.count() == 2

    def test_reason_and_replacement_required(self, library, agency, frozen_today):
        document = make_document(library, agency)
        with pytest.raises(ValidationError, match="理由"):
            services.change_validity(document, Validity.REPEALED)
        with pytest.raises(ValidationError):
            services.change_validity(document, Validity.AMENDED, reason="修订")
        assert DocumentPage.objects.get(pk=document.pk).validity == Validity.VALID

    def test_who_changed_it_is_recorded(self, library, agency, frozen_today, superuser):
        document = make_document(library, agency)
        change = services.change_validity(
            document, Validity.REPEALED, reason="清理后废止", user=superuser
        )
        assert change.created_by == superuser
        assert change.history.count() == 1

    def test_publishing_a_revision_marks_the_older_document_amended(
        self, library, agency, frozen_today
    ):
        old = make_document(library, agency)
        new = make_document(
            library,
            agency,
            supersedes=old,
            publication_date=D(2025, 6, 1),
            date_written=D(2025, 5, 20),
            effective_date=D(2025, 7, 1),
        )
        old.refresh_from_db()
        assert old.validity == Validity.AMENDED
        assert old.replaced_by == new and new.supersedes == old
        change = old.validity_changes.get(to_validity=Validity.AMENDED)
        assert change.changed_on == D(2025, 7, 1)
        assert change.replaced_by == new
        # Publishing the new document again does not record a second amendment.
        new.save_revision().publish()
        assert old.validity_changes.filter(to_validity=Validity.AMENDED).count() == 1


class TestDailyCommand:
    def test_applies_dates_and_is_idempotent(self, library, agency, frozen_today):
        soon = make_document(
            library,
            agency,
            publication_date=D(2026, 11, 1),
            effective_date=D(2026, 12, 1),
            date_written=D(2026, 10, 20),
            expiry_date=D(2031, 11, 30),
        )
        ending = make_document(library, agency, expiry_date=D(2026, 11, 30))
        assert (soon.validity, ending.validity) == (Validity.NOT_YET_EFFECTIVE, Validity.VALID)
        call_command("gov_disclosure_daily", date="2026-12-05")
        soon.refresh_from_db()
        ending.refresh_from_db()
        assert soon.validity == Validity.VALID and soon.validity_changed_on == D(2026, 12, 1)
        assert ending.validity == Validity.EXPIRED
        assert ending.validity_changed_on == D(2026, 12, 1)
        count = ValidityChange.objects.count()
        call_command("gov_disclosure_daily", date="2026-12-05")
        assert ValidityChange.objects.count() == count

    def test_bad_date_is_a_clear_error(self):
        from django.core.management.base import CommandError

        with pytest.raises(CommandError, match="2026-03-01"):
            call_command("gov_disclosure_daily", date="5/12/2026")


class TestCatalogueAsOfDate:
    def test_rebuilt_from_history(self, library, agency, frozen_today):
        a = make_document(library, agency, title="甲办法")  # valid from 2024-02-01
        b = make_document(
            library,
            agency,
            title="乙办法",
            publication_date=D(2024, 12, 1),
            date_written=D(2024, 11, 20),
            effective_date=D(2025, 3, 1),
        )
        c = make_document(library, agency, title="丙办法")
        services.change_validity(a, Validity.REPEALED, changed_on=D(2025, 6, 1), reason="废止")
        d = make_document(
            library,
            agency,
            title="丁办法（修订）",
            supersedes=c,
            publication_date=D(2025, 8, 20),
            date_written=D(2025, 8, 10),
            effective_date=D(2025, 9, 1),
        )

        def titles(on):
            return sorted(p.title for p in services.valid_documents(on))

        assert titles(D(2024, 1, 31)) == []
        assert titles(D(2024, 12, 31)) == ["丙办法", "甲办法"]
        assert titles(D(2025, 5, 31)) == ["丙办法", "乙办法", "甲办法"]
        assert titles(D(2025, 8, 31)) == ["丙办法", "乙办法"]
        assert titles(D(2025, 12, 31)) == ["丁办法（修订）", "乙办法"]
        assert titles(D(2026, 11, 21)) == ["丁办法（修订）", "乙办法"]
        assert b.pk and d.pk

    def test_one_query(self, library, agency, frozen_today, django_assert_num_queries):
        for _ in range(3):
            make_document(library, agency)
        with django_assert_num_queries(2):  # view restrictions, then the documents
            assert len(list(services.valid_documents(D(2025, 1, 1)))) == 3


def test_normative_documents_get_the_usual_term(library, agency, settings):
    document = make_document(library, agency, publish=False, expiry_date=None)
    document.full_clean()  # as the admin form and publishing do
    assert document.expiry_date == D(2029, 1, 31)
    settings.GOV_DISCLOSURE_DOCUMENT_TERM_YEARS = 0
    other = make_document(library, agency, publish=False, expiry_date=None)
    other.full_clean()
    assert other.expiry_date is None


def test_a_revision_in_force_later_amends_the_older_document_on_that_date(
    library, agency, frozen_today
):
    old = make_document(library, agency, title="旧办法")
    new = make_document(
        library,
        agency,
        title="新办法",
        supersedes=old,
        publication_date=D(2026, 11, 10),
        date_written=D(2026, 11, 1),
        effective_date=D(2027, 1, 1),
    )
    old.refresh_from_db()
    assert old.validity == Validity.VALID  # still in force until the revision takes effect
    assert "旧办法" in [p.title for p in services.valid_documents(D(2026, 12, 31))]
    frozen_today(D(2027, 1, 2))
    call_command("gov_disclosure_daily", date="2027-01-02")
    old.refresh_from_db()
    assert (old.validity, old.replaced_by_id) == (Validity.AMENDED, new.pk)
    assert old.validity_changed_on == D(2027, 1, 1)
    titles = [p.title for p in services.valid_documents(D(2027, 1, 2))]
    assert "旧办法" not in titles and "新办法" in titles


def test_the_catalogue_lists_normative_documents_and_regulations_only(
    library, agency, frozen_today
):
    make_document(library, agency, title="规范性文件")
    make_document(library, agency, title="工作方案", document_type=DocumentType.OTHER)
    assert [p.title for p in services.valid_documents()] == ["规范性文件"]
