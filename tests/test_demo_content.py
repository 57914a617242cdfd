"""The example site's demo content: ``load_demo_content`` and ``create_demo_admin``."""

import collections
import datetime
import io
import re
from decimal import Decimal

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils.html import escape
from home import demo_content as demo
from home import demo_documents, demo_participation, demo_projects
from stdnum.cn import uscc
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageLogEntry, Revision, Site

from gov_disclosure.documents import services
from gov_disclosure.documents.app_settings import app_settings as document_settings
from gov_disclosure.documents.models import (
    DocumentLibraryPage,
    DocumentPage,
    DocumentType,
    InterpretationPage,
    ValidDocumentsCataloguePage,
    Validity,
    ValidityChange,
)
from gov_disclosure.documents.validators import validate_document_number
from gov_disclosure.models import (
    Agency,
    DisclosureArticlePage,
    DisclosurePortalPage,
    ThemeCategory,
)
from gov_disclosure.participation import services as participation_services
from gov_disclosure.participation.app_settings import app_settings as participation_settings
from gov_disclosure.participation.models import (
    Adoption,
    Comment,
    CommentDecision,
    MeetingIndexPage,
    MeetingPage,
    MeetingTopic,
    Representative,
    RepresentativeCategory,
    SolicitationAttachment,
    SolicitationIndexPage,
    SolicitationPage,
    SolicitationState,
)
from gov_disclosure.projects.app_settings import app_settings as project_settings
from gov_disclosure.projects.lifecycle import (
    DETAIL_FIELDS,
    OPTIONAL_STAGES,
    ORDER,
    STAGE_FIELDS,
    Stage,
)
from gov_disclosure.projects.models import (
    LifecycleRecord,
    ProjectIndexPage,
    ProjectPage,
    ProjectPhoto,
    ProjectType,
)
from gov_disclosure.validators import validate_credit_code
from gov_disclosure.workdays import add_workdays, workdays_between

from .demo_support import demo_loaded_once, patch_today

PUBLIC_ARTICLES = [a for a in demo.ARTICLES if "disclosure_attribute" not in a]
ON_APPLICATION = next(a for a in demo.ARTICLES if a.get("disclosure_attribute") == "on_application")

# Few documents keep the tests fast; the first documents of the demo show every validity state.
DOCUMENTS = 24
# The day after the demo's last document: the documents of late 2026 are not yet in force.
TODAY = datetime.date(2026, 11, 21)


def load():
    call_command("load_demo_content", documents=DOCUMENTS, verbosity=0)


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module's tests (see ``tests/demo_support.py``)."""
    with demo_loaded_once(django_db_blocker, TODAY, documents=DOCUMENTS):
        yield


@pytest.fixture
def portal(demo_site, db, monkeypatch):
    patch_today(monkeypatch, TODAY)
    return DisclosurePortalPage.objects.get(slug=demo.PORTAL["slug"])


@pytest.fixture
def library(portal):
    return DocumentLibraryPage.objects.child_of(portal).get(slug=demo_documents.LIBRARY["slug"])


def row_counts():
    models = (
        Page,
        Revision,
        PageLogEntry,
        Agency,
        ThemeCategory,
        Site,
        Locale,
        get_document_model(),
        ValidityChange,
        ProjectType,
        LifecycleRecord,
        ProjectPhoto,
        get_image_model(),
        MeetingTopic,
        Representative,
        Representative.history.model,
        SolicitationAttachment,
        Comment,
        Comment.history.model,
    )
    return {model._meta.label: model.objects.count() for model in models}


def test_portal_page_lists_the_public_articles(portal, client):
    assert portal.url == "/xxgk/"
    response = client.get(portal.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html and "政府信息公开" in html
    assert "《中华人民共和国政府信息公开条例》" in html
    assert "示范县政通路88号" in html  # the contact box of 示范县人民政府
    for article in PUBLIC_ARTICLES:
        assert escape(article["title"]) in html
    assert escape(ON_APPLICATION["title"]) not in html


def test_article_on_application_is_published_but_never_served(portal, client):
    article = DisclosureArticlePage.objects.get(slug=ON_APPLICATION["slug"])

    assert article.live
    assert article.disclosure_attribute == "on_application"
    assert "第十五条" in article.disclosure_reason
    assert client.get(article.url).status_code == 404
    assert not DisclosureArticlePage.objects.public_disclosures().filter(pk=article.pk).exists()


def test_article_page_shows_metadata_facts_and_attachment(portal, client):
    article = DisclosureArticlePage.objects.get(slug="2026-q3-air-quality")

    response = client.get(article.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "示范县2026年第三季度环境空气质量状况" in html
    assert "示范县生态环境局" in html
    assert "环境监测、保护与治理" in html
    assert "2026-10-15" in html
    assert "优良天数比例" in html and "84.8%" in html
    assert 'class="gd-attachment"' in html and ".csv" in html


def test_articles_carry_agencies_categories_and_2026_dates(portal):
    articles = DisclosureArticlePage.objects.child_of(portal).select_related(
        "agency", "theme_category"
    )

    assert articles.count() == len(demo.ARTICLES) == 9
    for article in articles:
        assert article.live and not article.has_unpublished_changes
        assert article.agency is not None and article.theme_category is not None
        assert article.theme_category.parent is not None
        assert article.publication_date.year == 2026
        assert article.summary and len(article.body) >= 1
    assert articles.filter(disclosure_attribute="proactive").count() == 8


def test_home_page_and_site(portal, client):
    site = Site.objects.get(is_default_site=True)
    assert site.site_name == settings.WAGTAIL_SITE_NAME
    assert site.root_page.title == "示范县人民政府"

    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "示范县人民政府" in html
    assert 'href="/xxgk/"' in html
    newest = sorted(PUBLIC_ARTICLES, key=lambda a: a["date"], reverse=True)
    for article in newest[:6]:
        assert escape(article["title"]) in html
    assert escape(newest[-1]["title"]) not in html
    assert escape(ON_APPLICATION["title"]) not in html


def test_agency_tree_with_valid_credit_codes(portal):
    agencies = list(Agency.objects.select_related("parent"))

    assert len(agencies) == len(demo.AGENCIES)
    codes = [agency.credit_code for agency in agencies]
    assert len(set(codes)) == len(codes)
    for code in codes:
        assert uscc.is_valid(code), code
        assert code.startswith("11" + demo.REGION_CODE)
        validate_credit_code(code)
    (county,) = [a for a in agencies if a.parent is None]
    assert county.name == "示范县人民政府"
    assert all(a.parent == county for a in agencies if a is not county)
    assert all(a.address and a.phone and a.office_hours for a in agencies)
    assert portal.agency == county


def test_organisation_code_check_character():
    # GB 11714 example: body D2143569 has the check character X.
    assert demo.organisation_code("D2143569") == "D2143569X"


def test_theme_category_tree(portal):
    category = ThemeCategory.objects.get(name="政务公开")

    assert category.full_name == "综合政务 › 政务公开"
    assert ThemeCategory.objects.filter(parent=None).count() == len(demo.THEME_CATEGORIES)
    assert ThemeCategory.objects.count() == sum(1 + len(c) for _, c in demo.THEME_CATEGORIES)


def test_demo_has_the_three_content_languages(portal):
    from wagtail.models import Locale

    codes = set(Locale.objects.values_list("language_code", flat=True))
    assert codes == {"zh-hans", "zh-hant", "en"}
    assert Locale.get_default().language_code == "zh-hans"


def test_running_again_changes_nothing(portal):
    before = row_counts()
    revisions_before = dict(Page.objects.values_list("pk", "latest_revision_id"))
    records_before = set(LifecycleRecord.objects.values_list("pk", flat=True))
    representatives_before = set(Representative.objects.values_list("pk", flat=True))
    comments_before = list(Comment.objects.order_by("pk").values())

    out = io.StringIO()
    call_command("load_demo_content", documents=DOCUMENTS, stdout=out)

    assert row_counts() == before
    assert dict(Page.objects.values_list("pk", "latest_revision_id")) == revisions_before
    assert set(LifecycleRecord.objects.values_list("pk", flat=True)) == records_before
    assert set(Representative.objects.values_list("pk", flat=True)) == representatives_before
    assert list(Comment.objects.order_by("pk").values()) == comments_before
    assert "0 created, 0 updated" in out.getvalue() or "新建 0 项，更新 0 项" in out.getvalue()


def test_running_again_restores_only_what_differs(portal):
    article = DisclosureArticlePage.objects.get(slug="2026-flood-season-safety")
    article.title = "改过的标题"
    article.save_revision().publish()
    before = row_counts()

    load()

    article.refresh_from_db()
    assert article.title == "示范县人民政府办公室关于做好2026年汛期安全防范工作的通知"
    after = row_counts()
    assert after["wagtailcore.Revision"] == before["wagtailcore.Revision"] + 1
    assert after["wagtailcore.Page"] == before["wagtailcore.Page"]


# The policy document library


def test_library_and_catalogue_pages_respond(library, client):
    assert library.url == "/xxgk/zcwj/"
    assert library.live and library.title == "政策文件"
    response = client.get(library.url)
    assert response.status_code == 200
    assert "政策文件" in response.content.decode()

    catalogue = ValidDocumentsCataloguePage.objects.child_of(library).get()
    assert catalogue.url == "/xxgk/zcwj/xxyxml/"
    response = client.get(catalogue.url)
    assert response.status_code == 200
    assert "现行有效行政规范性文件目录" in response.content.decode()


def test_documents_are_published_pages_with_every_field(library, client):
    documents = list(
        DocumentPage.objects.child_of(library).select_related("agency", "theme_category")
    )

    assert len(documents) == DOCUMENTS
    assert {d.document_type for d in documents} == set(DocumentType.values)
    for document in documents:
        assert document.live and not document.has_unpublished_changes
        assert document.live_revision_id is not None
        assert re.fullmatch(r"doc-20(19|2[0-6])-\d{3}", document.slug)
        assert document.index_number.startswith(document.agency.credit_code + "/")
        validate_document_number(document.document_number)
        if document.document_type == DocumentType.NORMATIVE:
            assert re.fullmatch(r"SFGS—20\d\d—\d+", document.registration_number)
            assert document.caption
        assert document.theme_category.parent is not None
        assert document.body and document.effective_date
        assert document.date_written <= document.publication_date <= demo_documents.DEMO_TODAY
    assert len({d.index_number for d in documents}) == len(documents)
    response = client.get(documents[-1].url)
    assert response.status_code == 200
    assert escape(documents[-1].title) in response.content.decode()


def test_every_validity_state_with_its_history(library):
    documents = DocumentPage.objects.child_of(library)

    assert {d.validity for d in documents} == set(Validity.values)
    for document in documents:
        changes = list(document.validity_changes.order_by("pk"))
        assert changes[0].source == ValidityChange.Source.FIRST_PUBLICATION
        assert changes[-1].to_validity == document.validity
        last = changes[-1]
        if document.validity == Validity.NOT_YET_EFFECTIVE:
            assert document.effective_date.year == 2027
        elif document.validity == Validity.EXPIRED:
            assert last.source == ValidityChange.Source.SCHEDULE
            assert last.changed_on == document.expiry_date + datetime.timedelta(days=1)
            assert document.expiry_date < TODAY
        elif document.validity == Validity.REPEALED:
            assert last.source == ValidityChange.Source.MANUAL
            assert last.reason and last.changed_on < TODAY
        elif document.validity == Validity.AMENDED:
            assert document.replaced_by_id == last.replaced_by_id is not None
        else:
            assert len(changes) == 1 and changes[0].changed_on == document.effective_date


def test_amended_documents_link_both_ways(library):
    amended = DocumentPage.objects.child_of(library).filter(validity=Validity.AMENDED)

    assert amended.exists()
    for old in amended.select_related("replaced_by"):
        new = old.replaced_by
        assert new.supersedes_id == old.pk
        assert new.validity == Validity.VALID
        assert new.publication_date > old.publication_date
        assert old.document_number in new.body.raw_data[0]["value"]
        change = old.validity_changes.get(to_validity=Validity.AMENDED)
        assert change.source == ValidityChange.Source.AMENDMENT
        assert (change.replaced_by_id, change.changed_on) == (new.pk, new.effective_date)
    revisions = DocumentPage.objects.child_of(library).exclude(supersedes=None)
    assert {r.supersedes_id for r in revisions} == {old.pk for old in amended}


def test_catalogue_of_valid_documents_is_rebuilt_from_the_history(library):
    documents = DocumentPage.objects.child_of(library).filter(
        document_type__in=services.CATALOGUE_TYPES
    )
    valid = set(documents.filter(validity=Validity.VALID).values_list("pk", flat=True))

    assert set(services.valid_documents(TODAY).values_list("pk", flat=True)) == valid
    old = documents.filter(validity=Validity.AMENDED).select_related("replaced_by").first()
    day_before = old.replaced_by.effective_date - datetime.timedelta(days=1)
    assert services.valid_documents(day_before).filter(pk=old.pk).exists()


def test_interpretations_of_documents(library):
    interpretations = list(InterpretationPage.objects.child_of(library).select_related("document"))

    assert {i.interpretation_type for i in interpretations} == {"text", "graphic", "qa"}
    for interpretation in interpretations:
        document = interpretation.document
        assert interpretation.live and document is not None
        assert interpretation.agency_id == document.agency_id
        assert interpretation.publication_date >= document.publication_date
        assert interpretation.summary and interpretation.body
    qa = next(i for i in interpretations if i.interpretation_type == "qa")
    assert {block.block_type for block in qa.body} == {"question_answer"}
    assert all(block.value["question"].endswith("？") for block in qa.body)
    days = document_settings.INTERPRETATION_DAYS
    late = [
        i
        for i in interpretations
        if i.publication_date > add_workdays(i.document.publication_date, days)
    ]
    assert 0 < len(late) < len(interpretations) / 2
    without = DocumentPage.objects.child_of(library).filter(
        document_type=DocumentType.NORMATIVE,
        publication_date__year=2026,
        interpretations__isnull=True,
    )
    assert without.exists()


def test_loading_more_documents_keeps_the_first(library):
    revisions = dict(DocumentPage.objects.values_list("pk", "latest_revision_id"))

    call_command("load_demo_content", documents=DOCUMENTS + 12, verbosity=0)

    assert DocumentPage.objects.child_of(library).count() == DOCUMENTS + 12
    kept = DocumentPage.objects.filter(pk__in=revisions)
    assert dict(kept.values_list("pk", "latest_revision_id")) == revisions


def test_loading_years_later_skips_what_has_happened_since(library, monkeypatch):
    """Documents that have expired since the demo's dates are not repealed any more."""
    monkeypatch.setattr(services, "today", lambda: datetime.date(2040, 1, 1))
    ValidityChange.objects.filter(to_validity=Validity.REPEALED).delete()
    DocumentPage.objects.filter(validity=Validity.REPEALED).update(validity=Validity.EXPIRED)

    load()

    assert not ValidityChange.objects.filter(to_validity=Validity.REPEALED).exists()


def test_documents_option_cannot_be_negative(db):
    with pytest.raises(CommandError):
        call_command("load_demo_content", documents=-1, verbosity=0)


def test_the_full_library_has_a_few_hundred_documents():
    documents = demo_documents.policy_documents()

    assert len(documents) == demo_documents.DEFAULT_DOCUMENTS == 300
    assert len({d["slug"] for d in documents}) == len(documents)
    assert len({d["document_number"] for d in documents}) == len(documents)
    assert {d["publication_date"].year for d in documents} == set(range(2019, 2027))
    assert {d["agency"] for d in documents} == {agency[0] for agency in demo.AGENCIES}
    categories = {d["category"] for d in documents}
    assert categories == {(top, sub) for top, subs in demo.THEME_CATEGORIES for sub in subs}
    types = collections.Counter(d["document_type"] for d in documents)
    assert types["normative"] > 200 and types["other"] > 20 and types["regulation"] >= 3
    for document in documents:
        validate_document_number(document["document_number"])
        if document["document_type"] == "normative":
            years = 2 if "暂行" in document["title"] else 5
            end = document["effective_date"].replace(year=document["effective_date"].year + years)
            assert document["expiry_date"] == end - datetime.timedelta(days=1)
    not_yet = [d for d in documents if d["effective_date"] > TODAY]
    assert len(not_yet) >= 5 and {d["effective_date"].year for d in not_yet} == {2027}
    expired = [d for d in documents if d["expiry_date"] and d["expiry_date"] < TODAY]
    assert len(expired) > 50
    assert len([d for d in documents if d["repeal"]]) >= 10
    assert len([d for d in documents if d["supersedes"]]) >= 10
    interpretations = [d["interpretation"] for d in documents if d["interpretation"]]
    assert 30 <= len(interpretations) <= 50
    assert 0 < sum(i["late"] for i in interpretations) < len(interpretations) / 4
    published_late = [
        d
        for d in documents
        if demo_documents.add_workdays(d["date_written"], 20) < d["publication_date"]
    ]
    assert 0 < len(published_late) < 20


def test_a_smaller_demo_is_part_of_a_larger_one():
    small = demo_documents.policy_documents(DOCUMENTS)
    larger = {d["slug"]: d for d in demo_documents.policy_documents(DOCUMENTS * 3)}

    assert demo_documents.policy_documents(DOCUMENTS) == small
    assert [larger[d["slug"]] for d in small] == small
    slugs = {d["slug"] for d in small}
    assert all(d["supersedes"] in slugs for d in small if d["supersedes"])


def test_create_demo_admin_generates_the_password_once(db, tmp_path):
    password_file = tmp_path / ".demo_admin_password"
    out = io.StringIO()

    call_command("create_demo_admin", password_file=password_file, stdout=out)

    password = password_file.read_text().strip()
    assert len(password) >= 16
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.is_staff and user.is_active
    assert user.check_password(password)
    output = out.getvalue()
    for text in ("admin", password, "http://127.0.0.1:8000/admin/", "用户名", "User name", "密码"):
        assert text in output

    out = io.StringIO()
    call_command("create_demo_admin", password_file=password_file, stdout=out)

    assert password_file.read_text().strip() == password
    assert password in out.getvalue()
    assert get_user_model().objects.filter(username="admin").count() == 1


def test_create_demo_admin_resets_a_changed_password(db, tmp_path):
    password_file = tmp_path / ".demo_admin_password"
    call_command("create_demo_admin", password_file=password_file, stdout=io.StringIO())
    user = get_user_model().objects.get(username="admin")
    user.set_password("something else entirely")
    user.is_superuser = False
    user.save()

    call_command("create_demo_admin", password_file=password_file, stdout=io.StringIO())

    user.refresh_from_db()
    assert user.is_superuser
    assert user.check_password(password_file.read_text().strip())


# Major construction projects

STAGE_COUNTS = {
    Stage.APPROVAL_SERVICES: 1,
    Stage.APPROVAL_RESULTS: 1,
    Stage.TENDERING: 2,
    Stage.LAND_EXPROPRIATION: 1,
    Stage.CONSTRUCTION: 2,
    Stage.QUALITY_SAFETY: 2,
    Stage.COMPLETION: 3,
}
RECORD_KEYS = {"stage", "event_date", "title", "content", "decision_type", "disclosure_date"}


@pytest.fixture
def project_index(portal):
    return ProjectIndexPage.objects.child_of(portal).get(slug=demo_projects.INDEX["slug"])


@pytest.fixture
def projects(project_index):
    return list(
        ProjectPage.objects.child_of(project_index)
        .select_related("agency", "project_type", "theme_category")
        .prefetch_related("records", "photos")
    )


def test_twelve_public_projects_under_the_index(project_index, projects):
    assert project_index.url == "/xxgk/zdxm/"
    assert project_index.live and project_index.title == "重大建设项目"
    assert len(projects) == len(demo_projects.PROJECTS) == 12
    public = ProjectPage.objects.public_disclosures().filter(pk__in=[p.pk for p in projects])
    assert public.count() == 12
    assert len({p.project_code for p in projects}) == 12
    assert len({p.project_type_id for p in projects}) >= 10
    for project in projects:
        assert project.live and not project.has_unpublished_changes
        assert project.url.startswith("/xxgk/zdxm/")
        assert re.fullmatch(project_settings.PROJECT_CODE_PATTERN, project.project_code)
        assert project.agency is not None and project.project_type is not None
        assert project.theme_category.parent is not None
        assert project.owner_unit and project.district and project.address and project.summary
        assert project.total_investment > 0 and project.plan_year
        assert project.planned_start < project.planned_completion
        assert (project.latitude is None) == (project.longitude is None)
        records = project.records.all()
        assert project.publication_date == min(r.disclosure_date for r in records)
        project.full_clean()


def test_projects_at_every_stage(projects):
    stages = collections.Counter(p.current_stage for p in projects)

    assert stages == STAGE_COUNTS
    for project in projects:
        assert project.current_stage not in project.not_applicable_stages
        assert set(project.not_applicable_stages) <= set(OPTIONAL_STAGES)
        if project.current_stage == Stage.COMPLETION:
            assert project.is_completed and project.actual_start < project.actual_completion
            assert project.progress_percent == 100
        else:
            assert project.actual_completion is None
            assert bool(project.actual_start) == (ORDER[project.current_stage] >= 5)
    assert any(p.not_applicable_stages for p in projects)
    assert any(not p.not_applicable_stages for p in projects)


def test_records_fill_only_the_fields_of_their_category(projects):
    for project in projects:
        records = list(project.records.all())
        assert 3 <= len(records) <= 14, project.title
        stages = {r.stage for r in records}
        assert project.current_stage in stages, project.title
        assert not stages & set(project.not_applicable_stages), project.title
        for record in records:
            own = STAGE_FIELDS[record.stage]
            for name in DETAIL_FIELDS:
                if name not in own:
                    assert getattr(record, name) in (None, ""), (record.title, name)
            assert any(getattr(record, name) not in (None, "") for name in own), record.title
            before = {name: getattr(record, name) for name in DETAIL_FIELDS}
            record.full_clean(exclude=["page"])
            assert {name: getattr(record, name) for name in DETAIL_FIELDS} == before
            assert datetime.date(2023, 1, 1) <= record.event_date < record.disclosure_date
            assert record.disclosure_date <= demo_documents.DEMO_TODAY
            assert record.title and record.content.startswith("<p>")
            if record.stage == Stage.APPROVAL_RESULTS:
                assert record.decision_type == "licensing"
            # A later stage has records only beside construction, or once the project is done.
            if ORDER[record.stage] > ORDER[project.current_stage] and not project.is_completed:
                assert record.stage == Stage.QUALITY_SAFETY, record.title
    decisions = collections.Counter(r.decision_type for p in projects for r in p.records.all())
    assert decisions["penalty"] == 1 and decisions["licensing"] >= 12


def test_demo_records_name_only_the_fields_of_their_category():
    """Cleaning would empty another category's fields silently: the demo data must not fill them."""
    assert tuple(Stage.values) == demo_projects.STAGES
    for spec in demo_projects.PROJECTS:
        for record in spec["records"]:
            assert set(record) - RECORD_KEYS <= set(STAGE_FIELDS[record["stage"]]), record["title"]


def test_a_few_records_are_late_and_one_stage_is_missing(projects):
    late = [
        (project.slug, record.title)
        for project in projects
        for record in project.records.all()
        if workdays_between(record.event_date, record.disclosure_date) > record.due_within()
    ]

    assert sorted(late) == sorted(demo_projects.LATE_RECORDS)
    for slug, title in demo_projects.LATE_RECORDS:
        record = LifecycleRecord.objects.get(page__slug=slug, title=title)
        assert 25 <= (record.disclosure_date - record.event_date).days <= 40
    missing = [
        (project.slug, stage.stage)
        for project in projects
        for stage in project.stages()
        if stage.is_missing
    ]
    assert missing == [demo_projects.MISSING_STAGE]


def test_project_photos_are_generated_images(projects):
    photos = [photo for project in projects for photo in project.photos.all()]

    assert len(photos) == len(demo_projects.IMAGES) == 2
    for photo in photos:
        assert photo.caption and photo.taken_on
        assert (photo.image.width, photo.image.height) == demo_projects.PICTURE_SIZE
        assert photo.image.file_hash
    assert demo_projects.picture("road") == demo_projects.picture("road")


def test_running_again_restores_a_changed_project(projects):
    project = next(p for p in projects if p.slug == "renmin-road-upgrade")
    records = list(project.records.all())
    records[-1].final_cost = Decimal("1.00")
    project.records = records[1:]
    project.save_revision().publish()
    before = row_counts()

    load()

    restored = list(ProjectPage.objects.get(pk=project.pk).records.all())
    assert [r.title for r in restored] == [r.title for r in records]
    assert restored[-1].final_cost == Decimal("6634.18")
    after = row_counts()
    assert after["wagtailcore.Revision"] == before["wagtailcore.Revision"] + 1
    assert after["gov_disclosure_projects.LifecycleRecord"] == len(
        [r for spec in demo_projects.PROJECTS for r in spec["records"]]
    )


# Public participation

SOLICITATION_STATES = {
    "dog-keeping-rules": SolicitationState.OPEN,
    "gas-pipeline-renewal": SolicitationState.OPEN,
    "rural-waste-sorting": SolicitationState.UPCOMING,
    "city-park-rules": SolicitationState.CLOSED,
    "home-care-subsidy": SolicitationState.CLOSED,
}


@pytest.fixture
def meeting_index(portal):
    return MeetingIndexPage.objects.child_of(portal).get(
        slug=demo_participation.MEETING_INDEX["slug"]
    )


@pytest.fixture
def solicitation_index(portal):
    return SolicitationIndexPage.objects.child_of(portal).get(
        slug=demo_participation.SOLICITATION_INDEX["slug"]
    )


@pytest.fixture
def meetings(meeting_index):
    return list(
        MeetingPage.objects.child_of(meeting_index)
        .select_related("agency")
        .prefetch_related("topics", "representatives")
        .order_by("meeting_date")
    )


@pytest.fixture
def solicitations(solicitation_index):
    pages = SolicitationPage.objects.child_of(solicitation_index).prefetch_related(
        "attachments", "comments"
    )
    return {page.slug: page for page in pages}


def demo_contacts():
    return {
        contact
        for model in (Representative, Comment)
        for contact in model.objects.values_list("contact", flat=True)
        if contact
    }


def test_participation_indexes_list_five_meetings_and_five_solicitations(
    meeting_index, solicitation_index, meetings, solicitations, client
):
    assert meeting_index.url == "/xxgk/gzcy/" and meeting_index.title == "公众参与会议"
    assert solicitation_index.url == "/xxgk/yjzj/" and solicitation_index.title == "意见征集"
    assert len(meetings) == len(demo_participation.MEETINGS) == 5
    assert len(solicitations) == len(demo_participation.SOLICITATIONS) == 5
    for index, pages in ((meeting_index, meetings), (solicitation_index, solicitations.values())):
        assert index.live and index.show_in_menus and index.intro.startswith("<p>")
        response = client.get(index.url)
        assert response.status_code == 200
        html = response.content.decode()
        for page in pages:
            assert page.live and not page.has_unpublished_changes
            assert escape(page.title) in html
            page.full_clean()


def test_meetings_this_year_and_last_with_their_representatives(meetings):
    years = collections.Counter(m.meeting_date.year for m in meetings)

    assert years == {TODAY.year: 3, TODAY.year - 1: 2}
    assert participation_services.meetings_in_year(TODAY.year) == [
        {"agency_id": meetings[0].agency_id, "agency__name": "示范县人民政府", "count": 3}
    ]
    assert years[TODAY.year] >= participation_settings.PARTICIPATION_MEETINGS_PER_YEAR
    categories, adoptions, contacts = set(), collections.Counter(), []
    for meeting in meetings:
        assert meeting.meeting_date <= meeting.publication_date <= TODAY
        assert meeting.meeting_number and meeting.meeting_number in meeting.title
        assert meeting.agency.name == "示范县人民政府" and meeting.summary.startswith("<p>")
        topics = list(meeting.topics.all())
        people = list(meeting.representatives.all())
        assert 2 <= len(topics) <= 3 and 2 <= len(people) <= 4, meeting.title
        assert f"{len(people)}名公众代表" in meeting.summary
        for topic in topics:
            assert topic.title and topic.decision
            topic.full_clean(exclude=["page"])
        for person in people:
            person.full_clean(exclude=["page"])
            assert person.name and person.unit and person.position and person.opinion
            if person.adoption != Adoption.ADOPTED:
                assert person.reason, person.name
            assert re.fullmatch(r"1380000\d{4}", person.contact)
            categories.add(person.category)
            adoptions[person.adoption] += 1
            contacts.append(person.contact)
    assert len(set(contacts)) == len(contacts)
    assert set(adoptions) == set(Adoption.values)
    assert {"citizen", "expert", "business", "media", "deputy"} <= categories
    assert categories <= set(RepresentativeCategory.values)
    # Every change of a representative is recorded.
    assert Representative.history.filter(history_type="+").count() == len(contacts)


def test_solicitations_in_every_state(solicitations):
    assert {slug: page.state for slug, page in solicitations.items()} == SOLICITATION_STATES
    minimum = participation_settings.SOLICITATION_MIN_DAYS
    for page in solicitations.values():
        page.full_clean()
        assert page.publication_date <= TODAY and page.publication_date <= page.opens_on
        assert page.notice.startswith("<p>") and page.draft_text and page.policy_basis
        assert page.accepts_online
        for comment in page.comments.all():
            comment.full_clean()
            submitted = comment.submitted_at.astimezone(datetime.UTC).date()
            assert page.opens_on <= submitted <= page.closes_on and submitted < TODAY
            assert comment.receipt_number.startswith("YJDEMO")
            assert (comment.decision == CommentDecision.PENDING) == (not comment.reason)
        assert page.shows_feedback == (page.slug == "city-park-rules")

    open_long = solicitations["dog-keeping-rules"]
    assert open_long.period_days >= minimum and not open_long.short_period_reason
    assert open_long.email and open_long.postal_address
    (attachment,) = open_long.attachments.all()
    assert attachment.document.file_extension == "csv"
    assert open_long.comments.count() >= 2 and not open_long.comments.exclude(
        decision=CommentDecision.PENDING
    )

    open_short = solicitations["gas-pipeline-renewal"]
    assert open_short.period_days < minimum
    assert f"{open_short.period_days}日" in open_short.short_period_reason

    upcoming = solicitations["rural-waste-sorting"]
    assert upcoming.opens_on > TODAY and not upcoming.comments.exists()

    pending = solicitations["home-care-subsidy"]
    assert pending.closes_on < TODAY and not pending.feedback_published
    assert pending.comments.count() >= 3 and not pending.comments.exclude(
        decision=CommentDecision.PENDING
    )


def test_feedback_of_the_closed_solicitation(solicitations, client):
    page = solicitations["city-park-rules"]
    feedback = participation_services.feedback(page)

    assert page.feedback_published and page.closes_on < TODAY and page.feedback_summary
    assert feedback.total == page.comments.count() == 10
    assert feedback.count(CommentDecision.ADOPTED) == 4
    assert feedback.count(CommentDecision.PARTLY) == 2
    assert feedback.count(CommentDecision.NOT_ADOPTED) == 4
    assert feedback.count(CommentDecision.PENDING) == 0
    reasons = {reason: n for group in feedback.groups for reason, n in group.reasons}
    assert reasons == {
        demo_participation.PARK_HOURS: 2,
        demo_participation.PARK_DOGS: 2,
        demo_participation.PARK_NOISE: 2,
        demo_participation.PARK_ACCESS: 1,
        demo_participation.PARK_EBIKES: 1,
        demo_participation.PARK_FINES: 1,
        demo_participation.PARK_TOILETS: 1,
    }
    assert "10条" in page.feedback_summary

    response = client.get(page.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="gdpp-section gdpp-feedback"' in html
    for reason in reasons:
        assert escape(reason) in html
    for name in page.comments.exclude(name="").values_list("name", flat=True):
        assert name not in html


def test_no_contact_details_on_any_public_page(portal, meetings, solicitations, client):
    contacts = demo_contacts()
    names = set(Comment.objects.exclude(name="").values_list("name", flat=True))
    assert len(contacts) >= 30

    served = set()
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        response = client.get(page.url)
        assert response.status_code in (200, 404), page.url
        if response.status_code != 200:
            continue
        served.add(page.url)
        html = response.content.decode()
        leaked = [contact for contact in contacts if contact in html]
        assert not leaked, (page.url, leaked)
        if isinstance(page, (MeetingPage, SolicitationIndexPage, SolicitationPage)):
            assert not [name for name in names if name in html], page.url
    assert {page.url for page in [*meetings, *solicitations.values()]} < served
    html = client.get(meetings[0].url).content.decode()
    for person in meetings[0].representatives.all():  # named in public, without the contact
        assert escape(person.name) in html and escape(person.opinion) in html


def test_loading_on_a_later_day_moves_the_dates_and_keeps_the_comments(portal, monkeypatch):
    later = datetime.date(TODAY.year + 1, 1, 20)
    comments = set(Comment.objects.values_list("pk", "receipt_number"))
    representatives = Representative.objects.count()
    monkeypatch.setattr(participation_services, "today", lambda: later)

    load()

    assert set(Comment.objects.values_list("pk", "receipt_number")) == comments
    assert Representative.objects.count() == representatives
    pages = SolicitationPage.objects.all()
    assert {page.slug: page.state for page in pages} == SOLICITATION_STATES
    for page in [*pages, *MeetingPage.objects.all()]:
        page.full_clean()
    years = collections.Counter(MeetingPage.objects.values_list("meeting_date__year", flat=True))
    assert years == {later.year: 3, later.year - 1: 2}
    before = row_counts()

    load()

    assert row_counts() == before


def test_demo_participation_dates_work_on_any_day():
    receipts = None
    days = [datetime.date(2027, 1, 1) + datetime.timedelta(days=n) for n in range(366)]
    for day in [*days, datetime.date(2028, 2, 29)]:
        meetings = demo_participation.meetings(day)
        assert collections.Counter(m["meeting_date"].year for m in meetings) == {
            day.year: 3,
            day.year - 1: 2,
        }, day
        for meeting in meetings:
            assert meeting["meeting_date"] <= meeting["publication_date"] <= day
        numbers = [(m["meeting_date"].year, m["meeting_number"]) for m in meetings]
        assert len(set(numbers)) == len(numbers)

        specs = {s["slug"]: s for s in demo_participation.solicitations(day)}
        states = {}
        for slug, spec in specs.items():
            opens, closes = spec["opens_on"], spec["closes_on"]
            states[slug] = (
                SolicitationState.UPCOMING
                if day < opens
                else SolicitationState.CLOSED
                if day > closes
                else SolicitationState.OPEN
            )
            assert spec["publication_date"] <= day
            short = (closes - opens).days + 1 < participation_settings.SOLICITATION_MIN_DAYS
            assert short == bool(spec["short_period_reason"]) == (slug == "gas-pipeline-renewal")
            for comment in spec["comments"]:
                assert opens <= comment["submitted_at"].date() <= closes
                assert comment["submitted_at"].date() < day
        assert states == SOLICITATION_STATES, day
        numbers = [c["receipt_number"] for s in specs.values() for c in s["comments"]]
        assert receipts in (None, numbers)
        receipts = numbers
    assert len(set(receipts)) == len(receipts)
