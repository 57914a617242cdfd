"""factory_boy factories for the normative documents app (gov_disclosure.documents).

Documents live under a document library; ``create`` adds the page under ``parent`` and, unless
``publish=False``, publishes it, which records its first validity (see
``services.record_first_publication``). Freeze ``services.today`` in a test that depends on it.
"""

import datetime

import factory
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from gov_disclosure.documents import services
from gov_disclosure.documents.models import (
    DocumentAttachment,
    DocumentLibraryPage,
    DocumentPage,
    DocumentType,
    InterpretationPage,
    InterpretationType,
    ValidDocumentsCataloguePage,
    Validity,
)
from gov_disclosure.models import DisclosureAttribute

from .factories import AgencyFactory, PageFactory


class DocumentLibraryPageFactory(PageFactory):
    class Meta:
        model = DocumentLibraryPage

    title = "政策文件库"
    slug = factory.Sequence(lambda n: f"zcwjk-{n}")


class CataloguePageFactory(PageFactory):
    class Meta:
        model = ValidDocumentsCataloguePage

    title = "现行有效行政规范性文件目录"
    slug = factory.Sequence(lambda n: f"xxyxml-{n}")


class DocumentPageFactory(PageFactory):
    """A normative document; pass ``parent`` (a library page)."""

    class Meta:
        model = DocumentPage

    title = factory.Sequence(lambda n: f"示范县关于加强第{n}项工作管理的实施办法")
    slug = factory.Sequence(lambda n: f"wj-{n}")
    agency = factory.SubFactory(AgencyFactory)
    document_type = DocumentType.NORMATIVE
    document_number = factory.Sequence(lambda n: f"示政办发〔2024〕{n + 1}号")
    date_written = datetime.date(2024, 1, 2)
    publication_date = datetime.date(2024, 1, 5)
    effective_date = datetime.date(2024, 2, 1)
    expiry_date = datetime.date(2029, 1, 31)
    caption = "2024年1月2日县政府第3次常务会议审议通过"


class InterpretationPageFactory(PageFactory):
    """A policy interpretation; pass ``parent`` (a library page) and ``document``."""

    class Meta:
        model = InterpretationPage

    title = factory.Sequence(lambda n: f"图解：第{n}项实施办法")
    slug = factory.Sequence(lambda n: f"jd-{n}")
    interpretation_type = InterpretationType.TEXT
    summary = "一图读懂实施办法的主要内容。"
    publication_date = datetime.date(2024, 1, 6)


def upload(name, content=None):
    """A Wagtail document (file) with ``name``; PDF files get a PDF header."""
    Document = get_document_model()
    document = Document(title=name)
    if content is None:
        content = b"%PDF-1.4 test" if name.lower().endswith(".pdf") else b"PK\x03\x04 test"
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return document


def add_attachment(page, title, *, pdf=True, word=False):
    """Attach a PDF (and a Word twin) to ``page``'s live version."""
    return DocumentAttachment.objects.create(
        page=page,
        title=title,
        pdf=upload(f"{title}.pdf") if pdf else None,
        editable=upload(f"{title}.docx") if word else None,
        sort_order=DocumentAttachment.objects.filter(page=page).count(),
    )


def build_catalogue_history(library, freeze):
    """Several documents and several changes of validity over two years.

    A valid from 2024-01-01, repealed from 2025-06-01 · B published 2024-12-01, not yet in
    force until 2025-03-01 · C valid from 2024-02-01, amended by D from 2025-09-01 · E valid
    from 2024-05-01, expired after 2025-10-31 · F valid, but disclosed on application only ·
    G published 2026-01-05, in force from 2026-03-01 · H in force, expiring 2026-06-30.

    ``freeze(day)`` must make ``services.today()`` return ``day``; the history is recorded
    as the daily job and the editors would have recorded it, day by day. Leaves ``today``
    at 2026-01-05.
    """
    agency = AgencyFactory(name="示范县人民政府")
    freeze(datetime.date(2024, 1, 10))
    a = DocumentPageFactory(
        parent=library,
        agency=agency,
        title="甲：示范县农村宅基地管理办法",
        document_number="示政发〔2023〕21号",
        date_written=datetime.date(2023, 12, 15),
        publication_date=datetime.date(2023, 12, 20),
        effective_date=datetime.date(2024, 1, 1),
    )
    c = DocumentPageFactory(
        parent=library,
        agency=agency,
        title="丙：示范县城市道路管理办法",
        document_number="示政发〔2024〕2号",
        publication_date=datetime.date(2024, 1, 8),
        date_written=datetime.date(2024, 1, 2),
        effective_date=datetime.date(2024, 2, 1),
    )
    freeze(datetime.date(2024, 5, 2))
    e = DocumentPageFactory(
        parent=library,
        agency=agency,
        title="戊：示范县2024年度防汛工作方案",
        document_number="示政办发〔2024〕9号",
        date_written=datetime.date(2024, 4, 20),
        publication_date=datetime.date(2024, 4, 25),
        effective_date=datetime.date(2024, 5, 1),
        expiry_date=datetime.date(2025, 10, 31),
    )
    freeze(datetime.date(2024, 12, 1))
    b = DocumentPageFactory(
        parent=library,
        agency=agency,
        title="乙：示范县养老服务补贴办法",
        document_number="示政发〔2024〕30号",
        date_written=datetime.date(2024, 11, 20),
        publication_date=datetime.date(2024, 12, 1),
        effective_date=datetime.date(2025, 3, 1),
        expiry_date=None,
    )
    f = DocumentPageFactory(
        parent=library,
        agency=agency,
        title="己：依申请公开的办法",
        publication_date=datetime.date(2024, 11, 25),
        date_written=datetime.date(2024, 11, 20),
        effective_date=datetime.date(2024, 11, 25),
        disclosure_attribute=DisclosureAttribute.ON_APPLICATION,
        disclosure_reason="内部管理信息",
    )
    freeze(datetime.date(2025, 3, 5))
    services.apply_scheduled_validity_changes(datetime.date(2025, 3, 5))
    freeze(datetime.date(2025, 6, 1))
    services.change_validity(
        a, Validity.REPEALED, changed_on=datetime.date(2025, 6, 1), reason="上位法修改"
    )
    freeze(datetime.date(2025, 8, 20))
    d = DocumentPageFactory(
        parent=library,
        agency=agency,
        title="丁：示范县城市道路管理办法（2025年修订）",
        document_number="示政发〔2025〕15号",
        supersedes=c,
        date_written=datetime.date(2025, 8, 10),
        publication_date=datetime.date(2025, 8, 20),
        effective_date=datetime.date(2025, 9, 1),
        expiry_date=None,
    )
    freeze(datetime.date(2025, 9, 2))
    services.apply_scheduled_validity_changes(datetime.date(2025, 9, 2))
    freeze(datetime.date(2025, 11, 3))
    services.apply_scheduled_validity_changes(datetime.date(2025, 11, 3))
    freeze(datetime.date(2026, 1, 5))
    g = DocumentPageFactory(
        parent=library,
        agency=agency,
        title="庚：示范县停车收费管理办法",
        document_number="示政发〔2026〕1号",
        date_written=datetime.date(2025, 12, 28),
        publication_date=datetime.date(2026, 1, 5),
        effective_date=datetime.date(2026, 3, 1),
    )
    h = DocumentPageFactory(
        parent=library,
        agency=agency,
        title="辛：示范县冬春季森林防火命令",
        document_number="示政发〔2025〕40号",
        date_written=datetime.date(2025, 11, 1),
        publication_date=datetime.date(2025, 11, 5),
        effective_date=datetime.date(2025, 11, 5),
        expiry_date=datetime.date(2026, 6, 30),
    )
    docs = {"a": a, "b": b, "c": c, "d": d, "e": e, "f": f, "g": g, "h": h}
    for doc in docs.values():
        doc.refresh_from_db()
    return docs
