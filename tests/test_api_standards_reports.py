"""The open-data API's standard catalogue items and annual reports: fields, filters, errors,
query counts, and what the public pages hide (never listed, never served)."""

import copy
import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from wagtail.models import PageViewRestriction

from gov_disclosure.models import DisclosureAttribute
from gov_disclosure.reports import figures as figure_generation
from gov_disclosure.reports.models import AnnualReportPage
from gov_disclosure.standards.models import (
    Catalogue,
    CatalogueItemLink,
    CatalogueScope,
    PageCatalogueItem,
    StandardDomain,
)

from .document_factories import DocumentLibraryPageFactory, DocumentPageFactory
from .factories import AgencyFactory, ArticlePageFactory, PortalPageFactory, ThemeCategoryFactory
from .report_factories import (
    REALISTIC_FIGURES,
    AnnualReportIndexPageFactory,
    AnnualReportPageFactory,
    report_figures,
)
from .search_support import restrict
from .standards_factories import (
    CatalogueFactory,
    CatalogueItemFactory,
    StandardsTopicPageFactory,
    domain,
)

pytestmark = pytest.mark.django_db

API = "/api/v1"


def get(client, path, **params):
    return client.get(f"{API}{path}", params, HTTP_ACCEPT_LANGUAGE="zh-hans")


def results(response):
    assert response.status_code == 200, response.content
    return response.json()["results"]


def ids(response):
    return [item["id"] for item in results(response)]


def bad_parameters(response):
    """``{name: message}`` of a 400's bad parameters."""
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert error["code"] == "invalid_parameters"
    return {item["name"]: item["message"] for item in error["parameters"]}


def zh(message):
    """``message`` as a Chinese client reads it (a msgid, or a text already in Chinese)."""
    with translation.override("zh-hans"):
        return translation.gettext(message)


NO_CATALOGUE = "There is no such catalogue."
NO_DOMAIN = "There is no such domain."


def full(path):
    return "http://localhost" + path


# Standard catalogue items ------------------------------------------------------------------


class Catalogues:
    """A county catalogue shown by a public topic, a village catalogue under it, and one
    catalogue item for each way the topic page hides an item."""

    def __init__(self, root):
        self.root = root
        self.county_government = AgencyFactory(name="示范县人民政府")
        self.county = CatalogueFactory(
            name="示范县基层政务公开标准目录", agency=self.county_government
        )
        self.topic = StandardsTopicPageFactory(
            parent=root, catalogue=self.county, title="基层政务公开标准化规范化专题"
        )
        self.allowance = CatalogueItemFactory(
            catalogue=self.county,
            domain=domain("社会救助"),
            number="12",
            level1="最低生活保障",
            level2="低保对象认定",
            content="低保对象姓名、家庭人口、保障金额（隐去身份证号等个人隐私）",
            legal_basis="《社会救助暂行办法》第十一条；《最低生活保障审核确认办法》",
            time_limit="信息形成或变更之日起20个工作日内",
            responsible_body="县民政局、各乡镇人民政府",
            channels="政府网站、政务新媒体、村（社区）公示栏",
            level_township=True,
            update_interval_days=31,
        )
        self.jobs = CatalogueItemFactory(
            catalogue=self.county,
            domain=domain("就业"),
            number="3",
            level1="就业创业补贴",
            level2="一次性创业补贴申领",
            content="补贴对象、补贴标准、申领条件、办理流程",
            legal_basis="《就业补助资金管理办法》",
            time_limit="政策出台后20个工作日内",
            responsible_body="县人力资源和社会保障局",
            channels="政府网站、县政务服务中心",
            audience="specific",
            method="on_application",
        )
        self.village = Catalogue.objects.create(
            name="城关镇东关村村务公开目录",
            scope=CatalogueScope.VILLAGE,
            parent=self.county,
        )
        self.village_allowance = CatalogueItemFactory(
            catalogue=self.village,
            domain=domain("社会救助"),
            level1="最低生活保障",
            level2="本村低保户名单",
            content="低保户户主姓名、保障人数",
            responsible_body="东关村村民委员会",
            channels="村务公开栏",
            county_item=self.allowance,
        )
        self.public = [self.allowance, self.jobs, self.village_allowance]
        self.hidden = self._hidden()

    def _item(self, catalogue, label, **fields):
        return CatalogueItemFactory(catalogue=catalogue, level2=f"隐藏事项：{label}", **fields)

    def _hidden(self):
        root = self.root
        hidden = {}
        nowhere = CatalogueFactory(name="未在专题中发布的目录")
        hidden["catalogue without a topic"] = self._item(nowhere, "无专题")
        orphan_village = Catalogue.objects.create(
            name="未发布目录下的村", scope=CatalogueScope.VILLAGE, parent=nowhere
        )
        hidden["village of a catalogue without a topic"] = self._item(orphan_village, "无专题村")
        draft = StandardsTopicPageFactory(parent=root, publish=False)
        hidden["topic is a draft"] = self._item(draft.catalogue, "草稿专题")
        withdrawn = StandardsTopicPageFactory(parent=root)
        withdrawn.unpublish()
        hidden["topic was unpublished"] = self._item(withdrawn.catalogue, "撤回专题")
        for kind in (PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD):
            topic = StandardsTopicPageFactory(parent=root)
            restrict(topic, kind, password="x" if kind == PageViewRestriction.PASSWORD else "")
            hidden[f"topic restricted ({kind})"] = self._item(topic.catalogue, f"受限专题{kind}")
        closed = PortalPageFactory(parent=root, title="已撤下的栏目")
        topic = StandardsTopicPageFactory(parent=closed)
        closed.unpublish()
        hidden["topic under an unpublished parent"] = self._item(topic.catalogue, "撤下栏目")
        private = PortalPageFactory(parent=root, title="内部栏目")
        topic = StandardsTopicPageFactory(parent=private)
        restrict(private, PageViewRestriction.GROUPS)
        hidden["topic under a restricted parent"] = self._item(topic.catalogue, "内部栏目")
        StandardDomain.objects.filter(name="扶贫").update(hidden=True)
        hidden["hidden domain"] = self._item(self.county, "隐藏领域", domain=domain("扶贫"))
        hidden["hidden domain of a village"] = self._item(
            self.village, "村隐藏领域", domain=domain("扶贫")
        )
        return hidden


@pytest.fixture
def catalogues(root_page):
    return Catalogues(root_page)


def item_url(topic, item):
    return topic.url + topic.reverse_subpage("item_detail", args=[item.pk])


def test_catalogue_items_have_every_column(client, catalogues):
    response = get(client, "/catalogue-items/")
    listed = {item["id"]: item for item in results(response)}
    assert set(listed) == {item.pk for item in catalogues.public}
    allowance = listed[catalogues.allowance.pk]
    assert allowance == {
        "id": catalogues.allowance.pk,
        "url": full(item_url(catalogues.topic, catalogues.allowance)),
        "catalogue": {
            "id": catalogues.county.pk,
            "name": "示范县基层政务公开标准目录",
            "scope": "county",
            "scope_label": "县（区）级目录",
            "parent_id": None,
            "agency_id": catalogues.county_government.pk,
            "agency_name": "示范县人民政府",
        },
        "domain": {"id": domain("社会救助").pk, "name": "社会救助"},
        "number": "12",
        "level1": "最低生活保障",
        "level2": "低保对象认定",
        "content": "低保对象姓名、家庭人口、保障金额（隐去身份证号等个人隐私）",
        "legal_basis": "《社会救助暂行办法》第十一条；《最低生活保障审核确认办法》",
        "time_limit": "信息形成或变更之日起20个工作日内",
        "responsible_body": "县民政局、各乡镇人民政府",
        "channels": "政府网站、政务新媒体、村（社区）公示栏",
        "audience": {"code": "everyone", "label": "全社会"},
        "method": {"code": "proactive", "label": "主动"},
        "level_county": True,
        "level_township": True,
        "update_interval_days": 31,
        "county_item_id": None,
        "last_changed_at": None,  # no revision recorded (made by a factory)
    }
    jobs = listed[catalogues.jobs.pk]
    assert jobs["audience"] == {"code": "specific", "label": "特定群众"}
    assert jobs["method"] == {"code": "on_application", "label": "依申请"}
    assert (jobs["level_county"], jobs["level_township"]) == (True, False)
    village = listed[catalogues.village_allowance.pk]
    assert village["catalogue"]["scope"] == "village"
    assert village["catalogue"]["parent_id"] == catalogues.county.pk
    assert village["county_item_id"] == catalogues.allowance.pk
    # The address is the item's page on the topic, which shows it.
    page = client.get(village["url"])
    assert page.status_code == 200
    assert "本村低保户名单" in page.content.decode()


def test_an_edited_item_says_when_it_changed(client, catalogues):
    item = catalogues.jobs
    item.time_limit = "政策出台或调整后20个工作日内"
    item.save()
    revision = item.save_revision()
    body = get(client, f"/catalogue-items/{item.pk}/").json()
    assert body["time_limit"] == "政策出台或调整后20个工作日内"
    changed = datetime.datetime.fromisoformat(body["last_changed_at"].replace("Z", "+00:00"))
    assert changed == revision.created_at


def test_catalogue_items_as_export_and_without_a_feed(client, catalogues):
    import csv
    import io

    from openpyxl import load_workbook

    # Feeds are of pages: catalogue items have none.
    assert client.get(f"{API}/catalogue-items/feed.rss", follow=True).status_code in (400, 404)

    response = client.get(f"{API}/catalogue-items/export.csv", HTTP_ACCEPT_LANGUAGE="zh-hans")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert {row["id"] for row in rows} == {str(item.pk) for item in catalogues.public}
    allowance = next(row for row in rows if row["id"] == str(catalogues.allowance.pk))
    assert allowance["catalogue_name"] == "示范县基层政务公开标准目录"
    assert allowance["domain_name"] == "社会救助"
    assert allowance["method_label"] == "主动"
    assert "隐藏事项" not in str(rows)

    response = client.get(f"{API}/catalogue-items/export.xlsx", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    assert zh("level-1 item") in header  # the model field's label: 一级事项
    assert sheet.max_row == 1 + len(catalogues.public)


def test_catalogue_item_filters(client, catalogues):
    county, village = catalogues.county, catalogues.village
    assert set(ids(get(client, "/catalogue-items/", catalogue=county.pk))) == {
        catalogues.allowance.pk,
        catalogues.jobs.pk,
    }
    assert ids(get(client, "/catalogue-items/", catalogue=village.pk)) == [
        catalogues.village_allowance.pk
    ]
    relief = domain("社会救助")
    by_id = ids(get(client, "/catalogue-items/", domain=relief.pk))
    assert set(by_id) == {catalogues.allowance.pk, catalogues.village_allowance.pk}
    assert ids(get(client, "/catalogue-items/", domain="社会救助")) == by_id
    assert ids(get(client, "/catalogue-items/", domain="就业")) == [catalogues.jobs.pk]
    assert ids(get(client, "/catalogue-items/", domain="城乡规划")) == []  # a domain, no items
    # Every word, in any of the columns searched.
    assert ids(get(client, "/catalogue-items/", q="低保")) == [
        catalogues.village_allowance.pk,
        catalogues.allowance.pk,
    ]
    assert ids(get(client, "/catalogue-items/", q="低保  公示栏")) == [catalogues.allowance.pk]
    assert ids(get(client, "/catalogue-items/", q="低保 村务公开栏")) == [
        catalogues.village_allowance.pk
    ]
    assert ids(get(client, "/catalogue-items/", q="就业补助资金")) == [catalogues.jobs.pk]
    assert ids(get(client, "/catalogue-items/", q="民政局")) == [catalogues.allowance.pk]
    assert ids(get(client, "/catalogue-items/", q="低保", catalogue=village.pk)) == [
        catalogues.village_allowance.pk
    ]
    assert ids(get(client, "/catalogue-items/", q="低保", domain="就业")) == []
    # A hidden item is not found by its words either.
    assert ids(get(client, "/catalogue-items/", q="隐藏事项")) == []


@pytest.mark.parametrize(
    ("params", "parameter", "message"),
    [
        ({"catalogue": "abc"}, "catalogue", "整数"),
        ({"catalogue": "0"}, "catalogue", "1"),
        ({"catalogue": "999999"}, "catalogue", NO_CATALOGUE),
        ({"domain": "999999"}, "domain", NO_DOMAIN),
        ({"domain": "不存在的领域"}, "domain", NO_DOMAIN),
        ({"domain": "扶贫"}, "domain", NO_DOMAIN),  # hidden, as on the topic
        ({"domain": "长" * 101}, "domain", "100"),
        ({"q": "长" * 101}, "q", "100"),
        ({"agency": "1"}, "agency", "catalogue, cursor, domain, page_size, q"),
        ({"page_size": "500"}, "page_size", "100"),
        ({"cursor": "forged"}, "cursor", "第一页"),
    ],
)
def test_bad_catalogue_item_filters_get_a_400_naming_them(
    client, catalogues, params, parameter, message
):
    named = bad_parameters(get(client, "/catalogue-items/", **params))
    assert parameter in named
    assert zh(message) in named[parameter], named


@pytest.mark.parametrize(
    "case",
    [
        "catalogue without a topic",
        "village of a catalogue without a topic",
        "topic is a draft",
        "topic restricted (login)",
        "topic under an unpublished parent",
    ],
)
def test_a_catalogue_the_public_cannot_see_is_no_filter(client, catalogues, case):
    hidden = catalogues.hidden[case]
    named = bad_parameters(get(client, "/catalogue-items/", catalogue=hidden.catalogue_id))
    assert named == {"catalogue": zh(NO_CATALOGUE)}


def test_catalogue_items_hidden_by_the_topic_are_neither_listed_nor_served(client, catalogues):
    listed = set(ids(get(client, "/catalogue-items/", page_size=100)))
    assert listed == {item.pk for item in catalogues.public}
    for case, item in catalogues.hidden.items():
        response = get(client, f"/catalogue-items/{item.pk}/")
        assert response.status_code == 404, case
        assert response.json()["error"]["code"] == "not_found"
    # As on the topic page: its item pages refuse them (those of its own catalogue).
    for case in ("hidden domain", "hidden domain of a village"):
        page = client.get(item_url(catalogues.topic, catalogues.hidden[case]))
        assert page.status_code == 404, case


def test_a_topic_unpublished_later_takes_its_items_away(client, catalogues):
    assert ids(get(client, "/catalogue-items/", catalogue=catalogues.county.pk))
    catalogues.topic.unpublish()
    assert ids(get(client, "/catalogue-items/")) == []
    assert get(client, f"/catalogue-items/{catalogues.allowance.pk}/").status_code == 404


def test_a_catalogue_on_two_topics_is_listed_once(client, catalogues):
    """By the oldest public topic; a restricted one is never the address."""
    private = StandardsTopicPageFactory(
        parent=catalogues.root, catalogue=catalogues.county, title="内部专题"
    )
    restrict(private, PageViewRestriction.LOGIN)
    mirror = StandardsTopicPageFactory(
        parent=catalogues.root, catalogue=catalogues.county, title="镜像专题"
    )
    listed = results(get(client, "/catalogue-items/", page_size=100))
    assert sorted(item["id"] for item in listed) == sorted(item.pk for item in catalogues.public)
    assert {item["url"].split("/item/")[0] for item in listed} == {
        full(catalogues.topic.url).rstrip("/")
    }
    catalogues.topic.unpublish()
    listed = results(get(client, "/catalogue-items/", page_size=100))
    assert len(listed) == 3
    assert all(item["url"].startswith(full(mirror.url) + "item/") for item in listed)


def test_a_county_item_in_a_hidden_domain_is_not_named(client, catalogues):
    poverty = catalogues.hidden["hidden domain"]
    catalogues.village_allowance.county_item = poverty
    catalogues.village_allowance.save()
    body = get(client, f"/catalogue-items/{catalogues.village_allowance.pk}/").json()
    assert body["county_item_id"] is None


def attach_content(catalogues):
    """Public and hidden content under the 低保 item, by hand, by page and by rule."""
    root, item = catalogues.root, catalogues.allowance
    names = {}
    notice = ArticlePageFactory(
        parent=root,
        title="2026年第一季度城乡低保对象名单公示",
        publication_date=datetime.date(2026, 4, 8),
    )
    CatalogueItemLink.objects.create(item=item, page=notice)
    chosen = ArticlePageFactory(
        parent=root, title="示范县低保资金发放情况", publication_date=datetime.date(2026, 2, 3)
    )
    PageCatalogueItem.objects.create(page=chosen, item=item)
    CatalogueItemLink.objects.create(
        item=item,
        url="https://mzt.example.gov.cn/dibao/2026",
        title="省民政厅低保信息公示平台",
        date=datetime.date(2026, 1, 15),
    )
    category = ThemeCategoryFactory(name="民政")
    item.rule_theme_category = category
    item.save()
    library = DocumentLibraryPageFactory(parent=root)
    rule = DocumentPageFactory(
        parent=library,
        title="示范县关于调整城乡最低生活保障标准的通知",
        theme_category=ThemeCategoryFactory(name="社会救助", parent=category),
        publication_date=datetime.date(2025, 12, 30),
    )
    names["public"] = [notice, chosen, rule]
    draft = ArticlePageFactory(parent=root, title="尚未发布的低保名单", publish=False)
    held = ArticlePageFactory(
        parent=root,
        title="依申请公开的低保档案",
        disclosure_attribute=DisclosureAttribute.ON_APPLICATION,
        disclosure_reason="涉及个人隐私",
    )
    locked = ArticlePageFactory(parent=root, title="仅限登录的低保台账")
    restrict(locked, PageViewRestriction.LOGIN)
    closed = PortalPageFactory(parent=root, title="已撤下的民政栏目")
    below = ArticlePageFactory(parent=closed, title="撤下栏目中的低保通知")
    closed.unpublish()
    hidden_rule = DocumentPageFactory(
        parent=library,
        title="依申请公开的低保文件",
        theme_category=category,
        disclosure_attribute=DisclosureAttribute.ON_APPLICATION,
        disclosure_reason="内部管理信息",
    )
    for page in (draft, held, locked, below):
        CatalogueItemLink.objects.create(item=item, page=page)
        PageCatalogueItem.objects.create(page=page, item=item)
    names["hidden"] = [draft, held, locked, below, hidden_rule]
    return names


def test_a_catalogue_item_in_detail_lists_what_the_topic_lists(client, catalogues):
    pages = attach_content(catalogues)
    item = catalogues.allowance

    response = get(client, f"/catalogue-items/{item.pk}/")

    assert response.status_code == 200
    body = response.json()
    assert body["level2"] == "低保对象认定"
    notice, chosen, rule = pages["public"]
    assert body["contents"] == [
        {
            "id": notice.pk,
            "title": "2026年第一季度城乡低保对象名单公示",
            "url": full(notice.url),
            "date": "2026-04-08",
            "external": False,
        },
        {
            "id": chosen.pk,
            "title": "示范县低保资金发放情况",
            "url": full(chosen.url),
            "date": "2026-02-03",
            "external": False,
        },
        {
            "id": None,
            "title": "省民政厅低保信息公示平台",
            "url": "https://mzt.example.gov.cn/dibao/2026",
            "date": "2026-01-15",
            "external": True,
        },
        {
            "id": rule.pk,
            "title": "示范县关于调整城乡最低生活保障标准的通知",
            "url": full(rule.url),
            "date": "2025-12-30",
            "external": False,
        },
    ]
    assert body["content_count"] == 4
    assert body["latest_content_date"] == "2026-04-08"
    text = response.content.decode()
    for page in pages["hidden"]:
        assert page.title not in text
    # The same entries, in the same order, as the item's page on the topic.
    html = BeautifulSoup(client.get(item_url(catalogues.topic, item)).content, "html.parser")
    shown = [(a.get_text(strip=True), a["href"]) for a in html.select(".gd-list__title a")]
    assert shown == [
        (entry["title"], entry["url"].removeprefix("http://localhost"))
        for entry in body["contents"]
    ]
    # The list does not carry the contents.
    listed = results(get(client, "/catalogue-items/", catalogue=catalogues.county.pk))
    assert all("contents" not in entry for entry in listed)


def test_an_item_without_content(client, catalogues):
    body = get(client, f"/catalogue-items/{catalogues.jobs.pk}/").json()
    assert (body["contents"], body["content_count"], body["latest_content_date"]) == ([], 0, None)


def test_the_catalogue_item_list_makes_a_fixed_number_of_queries(
    client, catalogues, django_assert_num_queries
):
    get(client, "/catalogue-items/")  # the site's root paths are cached from here on
    # The hidden sections, the page of rows (with the topic showing each, by subqueries).
    with django_assert_num_queries(2):
        assert len(results(get(client, "/catalogue-items/"))) == 3
    attach_content(catalogues)
    for n in range(15):
        CatalogueItemFactory(catalogue=catalogues.county, domain=domain("就业"))
        CatalogueItemFactory(
            catalogue=catalogues.village, level2=f"村务事项{n}", county_item=catalogues.jobs
        )
    other = CatalogueFactory(name="示范县第二批标准目录")
    other_topic = StandardsTopicPageFactory(parent=catalogues.root, catalogue=other)
    CatalogueItemFactory(catalogue=other)
    with django_assert_num_queries(2):
        listed = results(get(client, "/catalogue-items/", page_size=100))
    assert len(listed) == 34
    assert {item["url"].split("/item/")[0] for item in listed} == {
        full(catalogues.topic.url).rstrip("/"),
        full(other_topic.url).rstrip("/"),
    }
    with django_assert_num_queries(3):  # and the domain named
        assert len(results(get(client, "/catalogue-items/", domain="就业"))) == 16
    with django_assert_num_queries(4):  # and the catalogue named (whether a topic shows it)
        get(client, "/catalogue-items/", catalogue=catalogues.village.pk)


def test_the_detail_queries_do_not_grow_with_the_content(client, catalogues):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    attach_content(catalogues)
    path = f"/catalogue-items/{catalogues.allowance.pk}/"
    get(client, path)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert get(client, path).status_code == 200
        return len(captured)

    before = queries()
    for n in range(12):
        page = ArticlePageFactory(parent=catalogues.root, title=f"第{n}批低保对象公示")
        CatalogueItemLink.objects.create(item=catalogues.allowance, page=page)
        PageCatalogueItem.objects.create(
            page=ArticlePageFactory(parent=catalogues.root), item=catalogues.allowance
        )
    assert get(client, path).json()["content_count"] == 4 + 24
    assert queries() == before


def test_catalogue_items_walk_by_cursor(client, catalogues):
    for n in range(5):
        CatalogueItemFactory(catalogue=catalogues.county, level2=f"临时救助对象{n}")
    expected = ids(get(client, "/catalogue-items/", page_size=100))
    walked, response = [], get(client, "/catalogue-items/", page_size=3)
    while True:
        walked += ids(response)
        if not response.json()["next"]:
            break
        response = client.get(response.json()["next"])
    assert walked == expected
    assert len(walked) == 8


# Annual reports -----------------------------------------------------------------------------


class Reports:
    """Public reports of two agencies and two years, and one report per way of being hidden."""

    def __init__(self, root):
        self.root = root
        self.index = AnnualReportIndexPageFactory(parent=root, title="政府信息公开工作年度报告")
        self.county = AgencyFactory(name="示范县人民政府", credit_code="11330000MB0000000X")
        self.health = AgencyFactory(name="示范县卫生健康局")
        self.county_2025 = AnnualReportPageFactory(
            parent=self.index,
            agency=self.county,
            year=2025,
            publication_date=datetime.date(2026, 1, 20),
        )
        self.county_2024 = AnnualReportPageFactory(
            parent=self.index,
            agency=self.county,
            year=2024,
            publication_date=datetime.date(2025, 1, 22),
        )
        self.health_2025 = AnnualReportPageFactory(
            parent=self.index,
            agency=self.health,
            year=2025,
            publication_date=datetime.date(2026, 1, 26),
        )
        self.public = [self.health_2025, self.county_2025, self.county_2024]
        self.hidden = self._hidden()

    def _report(self, parent, title, **fields):
        return AnnualReportPageFactory(
            parent=parent, title=title, agency=AgencyFactory(name="示范县保密局"), **fields
        )

    def _hidden(self):
        hidden = {}
        hidden["draft"] = self._report(self.index, "草稿年报", publish=False)
        withdrawn = self._report(self.index, "撤回的年报")
        withdrawn.unpublish()
        hidden["unpublished"] = withdrawn
        hidden["not proactive"] = self._report(
            self.index,
            "依申请公开的年报",
            disclosure_attribute=DisclosureAttribute.ON_APPLICATION,
            disclosure_reason="涉及第三方合法权益",
        )
        for kind in (PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD):
            report = self._report(self.index, f"受限的年报{kind}")
            restrict(report, kind, password="x" if kind == PageViewRestriction.PASSWORD else "")
            hidden[f"restricted ({kind})"] = report
        closed = AnnualReportIndexPageFactory(parent=self.root, title="已撤下的年报栏目")
        hidden["under an unpublished parent"] = self._report(closed, "撤下栏目中的年报")
        closed.unpublish()
        private = AnnualReportIndexPageFactory(parent=self.root, title="内部年报栏目")
        hidden["under a restricted parent"] = self._report(private, "内部栏目中的年报")
        restrict(private, PageViewRestriction.GROUPS)
        return hidden


@pytest.fixture
def reports(root_page):
    return Reports(root_page)


def test_annual_reports_are_listed_with_their_downloads(client, reports):
    response = get(client, "/annual-reports/")
    assert ids(response) == [report.pk for report in reports.public]  # newest publication first
    report = reports.county_2025
    item = results(response)[1]
    base = full(report.url)
    assert item == {
        "id": report.pk,
        "title": "示范县人民政府2025年政府信息公开工作年度报告",
        "url": base,
        "language": "zh-hans",
        "last_published_at": item["last_published_at"],
        "agency": {
            "id": reports.county.pk,
            "name": "示范县人民政府",
            "credit_code": "11330000MB0000000X",
        },
        "theme_category": None,
        "publication_date": "2026-01-20",
        "year": 2025,
        "word_url": base + "docx/",
        "pdf_url": base + "pdf/",
        "json_url": base + "json/",
    }
    assert item["last_published_at"].startswith(str(report.last_published_at.year))
    # The links are the report page's own, and they are served.
    page = BeautifulSoup(client.get(report.url).content, "html.parser")
    offered = {full(a["href"]) for a in page.select("a[href]") if a["href"].startswith(report.url)}
    assert {item["word_url"], item["pdf_url"], item["json_url"]} <= offered
    for key, content_type in (
        ("word_url", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("pdf_url", "application/pdf"),
        ("json_url", "application/json"),
    ):
        download = client.get(item[key])
        assert download.status_code == 200, key
        assert download["Content-Type"].startswith(content_type)


def test_an_annual_report_in_detail_is_its_json_download(client, reports):
    report = reports.county_2025

    body = get(client, f"/annual-reports/{report.pk}/").json()

    download = json.loads(client.get(report.url + "json/", HTTP_ACCEPT_LANGUAGE="zh-hans").content)
    assert body["tables"] == download["tables"]
    assert body["sections"] == [
        {"fees_statement": None, **section} for section in download["sections"]
    ]
    assert body["document_title"] == download["document_title"]
    assert body["fees_charged_yuan"] == download["fees_charged_yuan"] == 300
    assert body["year"] == download["year"] == 2025
    # Plausible figures, where a reader looks for them.
    table3 = {row["key"]: row for row in body["tables"]["table3"]["rows"]}
    assert table3["new"]["label"] == "一、本年新收政府信息公开申请数量"
    assert table3["new"]["values"]["person"] == 112
    assert table3["new"]["values"]["total"] == 128
    assert table3["results"]["values"] is None  # a heading row
    table2 = body["tables"]["table2"]["rows"]
    assert table2["normative"] == {
        "label": "行政规范性文件",
        "values": {"issued": 14, "repealed": 3, "valid": 86},
    }
    assert table2["fees"]["values"] == {"amount": "126.35"}
    review = body["tables"]["table4"]["groups"][0]
    assert review["key"] == "review"
    assert review["values"]["total"] == 5
    sections = {section["key"]: section for section in body["sections"]}
    assert sections["overview"]["heading"] == "一、总体情况"
    assert sections["other"]["fees_statement"] == "2025年，本机关共收取信息处理费300元。"
    assert sections["requests"]["table"] == "table3"


def test_an_annual_report_speaks_the_language_asked_for(client, reports):
    response = client.get(
        f"{API}/annual-reports/{reports.county_2025.pk}/", HTTP_ACCEPT_LANGUAGE="en"
    )
    body = response.json()
    assert body["sections"][0]["heading"] == "1. Overview"
    assert body["tables"]["table3"]["columns"][0] == {
        "key": "person",
        "label": "Natural persons",
        "group": None,
    }


def test_the_figures_are_those_published(client, reports, monkeypatch):
    """Not the records counted again, and not a draft, until it is published."""

    def refuse(*args, **kwargs):
        raise AssertionError("the API must not count records")

    for name in ("generate", "document_figures", "request_figures", "fees_charged"):
        monkeypatch.setattr(figure_generation, name, refuse)
    report = reports.county_2025
    draft = AnnualReportPage.objects.get(pk=report.pk)
    draft.figures = report_figures(new={"person": 999})
    revision = draft.save_revision()

    def new_by_persons():
        body = get(client, f"/annual-reports/{report.pk}/").json()
        return body["tables"]["table3"]["rows"][0]["values"]["person"]

    assert new_by_persons() == 112
    assert ids(get(client, "/annual-reports/"))  # the list does not count either
    revision.publish()
    assert new_by_persons() == 999


def test_annual_report_filters(client, reports):
    # The year reported on, as the reports' index filters (published the year after).
    assert ids(get(client, "/annual-reports/", year=2025)) == [
        reports.health_2025.pk,
        reports.county_2025.pk,
    ]
    assert ids(get(client, "/annual-reports/", year=2024)) == [reports.county_2024.pk]
    assert ids(get(client, "/annual-reports/", year=2026)) == []
    assert ids(get(client, "/annual-reports/", agency=reports.county.pk)) == [
        reports.county_2025.pk,
        reports.county_2024.pk,
    ]
    assert ids(get(client, "/annual-reports/", agency=reports.health.pk, year=2025)) == [
        reports.health_2025.pk
    ]
    assert ids(get(client, "/annual-reports/", agency=reports.health.pk, year=2024)) == []
    assert ids(get(client, "/annual-reports/", q="卫生健康")) == [reports.health_2025.pk]
    assert ids(get(client, "/annual-reports/", section=reports.index.pk)) == [
        report.pk for report in reports.public
    ]
    # The agency of hidden reports has none to show.
    secret = reports.hidden["draft"].agency
    assert ids(get(client, "/annual-reports/", agency=secret.pk)) == []


@pytest.mark.parametrize(
    ("params", "parameter", "message"),
    [
        ({"year": "abc"}, "year", "整数"),
        ({"year": "1800"}, "year", "1949"),
        ({"year": "2101"}, "year", "2100"),
        ({"agency": "0"}, "agency", "1"),
        ({"agency": "999999"}, "agency", "没有这个发布机构"),
        ({"catalogue": "1"}, "catalogue", "agency"),
    ],
)
def test_bad_annual_report_filters_get_a_400_naming_them(
    client, reports, params, parameter, message
):
    named = bad_parameters(get(client, "/annual-reports/", **params))
    assert parameter in named
    assert message in named[parameter], named


def test_hidden_annual_reports_are_neither_listed_nor_served(client, reports):
    listed = set(ids(get(client, "/annual-reports/", page_size=100)))
    assert listed == {report.pk for report in reports.public}
    for case, report in reports.hidden.items():
        response = get(client, f"/annual-reports/{report.pk}/")
        assert response.status_code == 404, case
        assert response.json()["error"]["code"] == "not_found"
        assert report.title not in response.content.decode()


def test_a_report_unpublished_later_disappears(client, reports):
    report = reports.county_2024
    assert get(client, f"/annual-reports/{report.pk}/").status_code == 200
    report.unpublish()
    assert report.pk not in ids(get(client, "/annual-reports/"))
    assert get(client, f"/annual-reports/{report.pk}/").status_code == 404


def test_the_annual_report_list_makes_a_fixed_number_of_queries(
    client, reports, django_assert_num_queries
):
    get(client, "/annual-reports/")  # the site's root paths are cached from here on
    with django_assert_num_queries(2):  # the hidden sections, the page of rows
        assert len(results(get(client, "/annual-reports/"))) == 3
    for year in range(2008, 2024):
        AnnualReportPageFactory(
            parent=reports.index,
            agency=reports.health,
            year=year,
            figures=copy.deepcopy(REALISTIC_FIGURES),
        )
    with django_assert_num_queries(2):
        assert len(results(get(client, "/annual-reports/", page_size=100))) == 19
    with django_assert_num_queries(3):  # and the agency named
        assert len(results(get(client, "/annual-reports/", agency=reports.health.pk))) == 17
    with django_assert_num_queries(2):  # the detail reads the stored figures, nothing else
        assert get(client, f"/annual-reports/{reports.county_2025.pk}/").status_code == 200


# Both ----------------------------------------------------------------------------------------


def test_the_openapi_description_lists_the_endpoints(client, db):
    schema = client.get(f"{API}/openapi.json").json()
    paths = schema["paths"]
    for path in (
        "/catalogue-items/",
        "/catalogue-items/{item_id}/",
        "/annual-reports/",
        "/annual-reports/{item_id}/",
    ):
        assert f"{API}{path}" in paths
    catalogue_parameters = {
        p["name"] for p in paths[f"{API}/catalogue-items/"]["get"]["parameters"]
    }
    assert {"catalogue", "domain", "q", "cursor", "page_size"} <= catalogue_parameters
    assert "agency" not in catalogue_parameters
    report_parameters = {p["name"] for p in paths[f"{API}/annual-reports/"]["get"]["parameters"]}
    assert {"year", "agency", "q", "cursor", "page_size"} <= report_parameters
    components = schema["components"]["schemas"]
    item_fields = components["StandardCatalogueItem"]["properties"]
    assert {"level1", "level2", "legal_basis", "time_limit", "responsible_body"} <= set(item_fields)
    assert "一级事项" in item_fields["level1"]["description"]
    assert {"contents", "content_count"} <= set(
        components["StandardCatalogueItemDetail"]["properties"]
    )
    assert {"year", "word_url", "pdf_url", "json_url"} <= set(
        components["AnnualReportItem"]["properties"]
    )
    assert {"tables", "sections"} <= set(components["AnnualReportDetail"]["properties"])
