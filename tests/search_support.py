"""A search corpus and the fixture that runs a test on each backend."""

import datetime

from django.contrib.auth.models import Group
from wagtail.models import Page, PageViewRestriction

from gov_disclosure.documents.models import Validity
from gov_disclosure.models import DisclosureAttribute
from gov_disclosure.search import indexing
from gov_disclosure.search.models import IndexChange

from .document_factories import DocumentLibraryPageFactory, DocumentPageFactory
from .factories import AgencyFactory, ArticlePageFactory, PortalPageFactory, ThemeCategoryFactory


class Backend:
    """The backend under test; ``sync()`` makes the index show what the database says."""

    def __init__(self, name):
        self.name = name

    def sync(self):
        if self.name == "elasticsearch":
            from gov_disclosure.search.backends import elasticsearch

            assert "kept" not in indexing.push_pending()
            assert not IndexChange.objects.exists()
            elasticsearch.refresh()


def start_backend(request):
    """For the ``search_backend`` fixture of conftest.py (database, then Elasticsearch)."""
    if request.param == "elasticsearch":
        request.getfixturevalue("elasticsearch_settings")
        from gov_disclosure.search.backends import elasticsearch

        elasticsearch.rebuild()
    return Backend(request.param)


def restrict(page, kind, **fields):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind, **fields)
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.add(Group.objects.create(name=f"内部{page.pk}"))
    return restriction


class Corpus:
    """Public documents and articles, and one hidden page per way of being hidden."""

    def __init__(self, root):
        self.portal = PortalPageFactory(parent=root)
        self.library = DocumentLibraryPageFactory(parent=self.portal)
        self.env_agency = AgencyFactory(name="示范县生态环境局")
        self.edu_agency = AgencyFactory(name="示范县教育局")
        self.secret_agency = AgencyFactory(name="示范县保密局")
        self.theme = ThemeCategoryFactory(name="城乡建设、环境保护")
        self.sub_theme = ThemeCategoryFactory(name="环境监测", parent=self.theme)
        self.other_theme = ThemeCategoryFactory(name="教育")
        self.env = DocumentPageFactory(
            parent=self.library,
            title="示范县人民政府关于加强环境保护工作的通知",
            document_number="示政发〔2024〕3号",
            agency=self.env_agency,
            theme_category=self.sub_theme,
            date_written=datetime.date(2024, 2, 20),
            publication_date=datetime.date(2024, 3, 5),
            effective_date=datetime.date(2024, 4, 1),
        )
        self.water = DocumentPageFactory(
            parent=self.library,
            title="示范县饮用水水源地保护管理办法",
            document_number="示政规〔2023〕2号",
            agency=self.env_agency,
            theme_category=self.theme,
            date_written=datetime.date(2023, 5, 20),
            publication_date=datetime.date(2023, 6, 1),
            effective_date=datetime.date(2023, 7, 1),
            validity=Validity.REPEALED,
        )
        self.school = DocumentPageFactory(
            parent=self.library,
            title="示范县义务教育学校招生入学工作实施办法",
            document_number="示教发〔2025〕1号",
            agency=self.edu_agency,
            theme_category=self.other_theme,
            date_written=datetime.date(2025, 3, 20),
            publication_date=datetime.date(2025, 4, 2),
            effective_date=datetime.date(2025, 5, 1),
        )
        self.article = ArticlePageFactory(
            parent=self.portal,
            title="2025年环境质量状况公报",
            agency=self.env_agency,
            publication_date=datetime.date(2025, 6, 5),
        )
        self.hidden = self._hidden_pages(root)

    def _secret(self, parent, title, **fields):
        return DocumentPageFactory(parent=parent, title=title, agency=self.secret_agency, **fields)

    def _hidden_pages(self, root):
        hidden = {}
        hidden["draft"] = self._secret(self.library, "环境保护草稿文件", publish=False)
        unpublished = self._secret(self.library, "环境保护已撤回文件")
        unpublished.unpublish()
        hidden["unpublished"] = unpublished
        hidden["not proactive"] = self._secret(
            self.library,
            "环境保护依申请公开文件",
            disclosure_attribute=DisclosureAttribute.ON_APPLICATION,
            disclosure_reason="属于依申请公开的信息",
        )
        for kind in (
            PageViewRestriction.PASSWORD,
            PageViewRestriction.LOGIN,
            PageViewRestriction.GROUPS,
        ):
            page = self._secret(self.library, f"环境保护受限文件{kind}")
            restrict(page, kind, password="x" if kind == PageViewRestriction.PASSWORD else "")
            hidden[f"restricted ({kind})"] = page
        closed_library = DocumentLibraryPageFactory(parent=self.portal, title="内部文件库")
        hidden["under an unpublished parent"] = self._secret(closed_library, "环境保护内部文件")
        closed_library.unpublish()
        private_library = DocumentLibraryPageFactory(parent=self.portal, title="受限文件库")
        hidden["restriction added to an ancestor later"] = self._secret(
            private_library, "环境保护受限库文件"
        )
        restrict(private_library, PageViewRestriction.LOGIN)
        scheduled = self._secret(self.library, "环境保护定时发布文件", publish=False)
        scheduled.go_live_at = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=3)
        scheduled.save_revision().publish()
        scheduled.refresh_from_db()
        assert not scheduled.live and scheduled.scheduled_revision is not None
        hidden["scheduled"] = scheduled
        original = ArticlePageFactory(
            parent=self.portal, title="环境保护别名原件", agency=self.secret_agency
        )
        restrict(original, PageViewRestriction.LOGIN)
        hidden["alias of a private page"] = original.create_alias(
            parent=self.portal, update_slug="bieming"
        )
        deleted = self._secret(self.library, "环境保护已删除文件")
        deleted_pk = deleted.pk
        Page.objects.get(pk=deleted_pk).delete()
        hidden["deleted"] = deleted
        return hidden
