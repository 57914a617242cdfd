"""The coverage checks of the standard catalogue: the admin report and the link checker."""

import contextlib
import csv
import datetime
import io
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from openpyxl import load_workbook
from wagtail.models import PageViewRestriction

from gov_disclosure.standards import linkcheck
from gov_disclosure.standards.content import item_contents
from gov_disclosure.standards.coverage_report import coverage_findings, report_items
from gov_disclosure.standards.models import CatalogueItem, CatalogueItemLink, PageCatalogueItem

from .factories import (
    ArticlePageFactory,
    PortalPageFactory,
    ThemeCategoryFactory,
    UserFactory,
)
from .standards_factories import (
    CatalogueFactory,
    CatalogueItemFactory,
    CatalogueItemLinkFactory,
    domain,
)

pytestmark = pytest.mark.django_db

REPORT = "gov_disclosure_standards:coverage_report"


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def outside(item, url="https://www.example.gov.cn/ok", ok=True, error="", date=None, **kwargs):
    return CatalogueItemLinkFactory(
        item=item,
        url=url,
        title=kwargs.pop("title", "外部公开内容"),
        date=date or days_ago(1),
        check_ok=ok,
        check_error=error,
        checked_at=timezone.now() if ok is not None else None,
        **kwargs,
    )


def csv_rows(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


@pytest.fixture
def catalogue_data(root_page):
    """A catalogue with one item of each kind the report must tell apart."""
    catalogue = CatalogueFactory(name="示范县基层政务公开标准目录")
    items = {}

    def item(key, **kwargs):
        items[key] = CatalogueItemFactory(catalogue=catalogue, level2=key, **kwargs)
        return items[key]

    public = ArticlePageFactory(
        parent=root_page, title="低保审核确认结果公示", publication_date=days_ago(5)
    )
    CatalogueItemLinkFactory(item=item("with-content", update_interval_days=31), page=public)

    item("empty")

    stale = item("stale", update_interval_days=31)
    old = ArticlePageFactory(parent=root_page, title="一季度低保资金发放情况")
    CatalogueItemLinkFactory(item=stale, page=old, date=days_ago(100))

    deleted = ArticlePageFactory(parent=root_page, title="已删除的公示")
    outside(item("deleted-page"))
    CatalogueItemLinkFactory(item=items["deleted-page"], page=deleted)
    deleted.delete()

    draft = ArticlePageFactory(parent=root_page, title="尚未发布的公示", publish=False)
    outside(item("unpublished-page"))
    CatalogueItemLinkFactory(item=items["unpublished-page"], page=draft)

    private_parent = PortalPageFactory(parent=root_page, title="内部栏目")
    PageViewRestriction.objects.create(
        page=private_parent, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    private = ArticlePageFactory(parent=private_parent, title="受限栏目中的公示")
    outside(item("private-page"))
    CatalogueItemLinkFactory(item=items["private-page"], page=private)

    withheld = ArticlePageFactory(
        parent=root_page,
        title="不予主动公开的信息",
        disclosure_attribute="not_disclosed",
        disclosure_reason="涉及个人隐私",
    )
    outside(item("undisclosed-page"))
    CatalogueItemLinkFactory(item=items["undisclosed-page"], page=withheld)

    failed = item("failed-link")
    outside(failed, "https://www.example.gov.cn/gone", ok=False, error="HTTP 404", title="已失效")

    hidden = domain("扶贫")
    hidden.hidden = True
    hidden.save()
    item("hidden-domain", domain=hidden)
    return catalogue, items


def found(findings):
    return {(finding.item.level2, finding.problem) for finding in findings}


class TestFindings:
    def test_each_problem_is_found_once(self, catalogue_data):
        findings, summary = coverage_findings(report_items())
        assert found(findings) == {
            ("empty", "empty"),
            ("stale", "stale"),
            ("deleted-page", "deleted"),
            ("unpublished-page", "not_public"),
            ("private-page", "not_public"),
            ("undisclosed-page", "not_public"),
            ("failed-link", "unreachable"),
        }
        assert (summary.items, summary.empty, summary.stale, summary.broken) == (8, 1, 1, 5)

    def test_details_say_what_to_fix(self, catalogue_data):
        findings, _summary = coverage_findings(report_items())
        details = {finding.item.level2: finding.detail for finding in findings}
        assert details["deleted-page"] == "已删除的公示"  # named after the page it pointed to
        assert details["unpublished-page"] == gettext("%(title)s: %(reason)s") % {
            "title": "尚未发布的公示",
            "reason": gettext("not published"),
        }
        assert (
            gettext("private (password, login or group restriction)") in (details["private-page"])
        )
        assert gettext("not proactively disclosed") in details["undisclosed-page"]
        assert details["failed-link"] == "https://www.example.gov.cn/gone (HTTP 404)"
        assert details["stale"] == gettext(
            "Renewed every %(days)s days; the latest content is %(age)s days old."
        ) % {"days": 31, "age": 100}
        stale = next(finding for finding in findings if finding.problem == "stale")
        assert stale.latest == days_ago(100)

    def test_an_item_renewed_in_time_or_on_events_is_not_stale(self, catalogue_data):
        _catalogue, items = catalogue_data
        stale = items["stale"]
        stale.update_interval_days = 120
        stale.save()
        assert ("stale", "stale") not in found(coverage_findings(report_items())[0])
        stale.update_interval_days = None
        stale.save()
        assert ("stale", "stale") not in found(coverage_findings(report_items())[0])

    def test_content_attached_by_a_rule_counts(self, catalogue_data, root_page):
        _catalogue, items = catalogue_data
        category = ThemeCategoryFactory(name="社会救助")
        child = ThemeCategoryFactory(name="最低生活保障", parent=category)
        ArticlePageFactory(parent=root_page, theme_category=child, publication_date=days_ago(3))
        empty = items["empty"]
        empty.rule_theme_category = category
        empty.update_interval_days = 31
        empty.save()
        findings, summary = coverage_findings(report_items())
        assert not {problem for key, problem in found(findings) if key == "empty"}
        assert summary.empty == 0

    def test_counts_and_dates_cover_content_beyond_the_limit(self, catalogue_data, root_page):
        """The report asks for one entry per item: the count and latest date are still whole."""
        _catalogue, items = catalogue_data
        category = ThemeCategoryFactory(name="养老服务")
        for age in (40, 10, 70):
            ArticlePageFactory(
                parent=root_page, theme_category=category, publication_date=days_ago(age)
            )
        hidden = ArticlePageFactory(
            parent=root_page, theme_category=category, publication_date=days_ago(1), publish=False
        )
        item = items["empty"]
        item.rule_theme_category = category
        item.save()
        chooser = ArticlePageFactory(
            parent=root_page, title="在编辑页选择了本事项的页面", publication_date=days_ago(0)
        )
        PageCatalogueItem.objects.create(page=chooser, item=item)
        content = item_contents([item], limit=1)[item.pk]
        assert content.count == 4
        assert content.latest == timezone.localdate()  # the choosing page, dated today
        assert len(content.entries) == 1
        assert hidden.pk not in {entry.page_id for entry in content.entries}

    def test_a_page_chosen_and_found_by_a_rule_counts_once(self, root_page):
        category = ThemeCategoryFactory(name="就业")
        pages = [
            ArticlePageFactory(
                parent=root_page, theme_category=category, publication_date=days_ago(age)
            )
            for age in (1, 2, 3)
        ]
        item = CatalogueItemFactory(rule_theme_category=category)
        # The oldest, beyond the limit (a page chosen by hand is dated by its link).
        CatalogueItemLinkFactory(item=item, page=pages[2], date=days_ago(3))
        for limit in (None, 1, 2):
            content = item_contents([item], limit=limit)[item.pk]
            assert content.count == 3, limit
            assert [entry.page_id for entry in content.entries] == [p.pk for p in pages][:limit]

    def test_a_broken_outside_link_is_still_content_of_the_item(self, catalogue_data):
        """The topic page still lists it (and the report flags it): the item is not empty."""
        _catalogue, items = catalogue_data
        contents = item_contents([items["failed-link"]], with_problems=True)
        content = contents[items["failed-link"].pk]
        assert content.count == 1 and not content.is_empty
        assert [problem.code for problem in content.problems] == ["unreachable"]


class TestReportPage:
    def test_page_lists_the_problems_with_a_summary(self, client, editor, catalogue_data):
        _catalogue, items = catalogue_data
        client.force_login(editor)
        response = client.get(reverse(REPORT))
        assert response.status_code == 200
        soup = BeautifulSoup(response.content.decode(), "html.parser")
        summary = soup.select_one("[data-coverage-summary]").get_text(strip=True)
        assert summary == gettext(
            "%(items)s items checked: %(empty)s empty, %(stale)s stale, %(broken)s broken links."
        ) % {"items": 8, "empty": 1, "stale": 1, "broken": 5}
        rows = soup.select("tbody tr")
        assert len(rows) == 7
        edit_url = reverse(
            "wagtailsnippets_gov_disclosure_standards_catalogueitem:edit",
            args=[items["empty"].pk],
        )
        assert soup.select_one(f'tbody a[href="{edit_url}"]') is not None
        page = response.content.decode()
        assert "with-content" not in page and "hidden-domain" not in page

    def test_a_catalogue_without_problems(self, client, editor, root_page):
        catalogue = CatalogueFactory()
        item = CatalogueItemFactory(catalogue=catalogue, update_interval_days=92)
        recent = ArticlePageFactory(parent=root_page, publication_date=days_ago(1))
        CatalogueItemLinkFactory(item=item, page=recent)
        client.force_login(editor)
        response = client.get(reverse(REPORT), {"catalogue": catalogue.pk})
        soup = BeautifulSoup(response.content.decode(), "html.parser")
        assert not soup.select("tbody tr")
        assert gettext("Every item has recent public content and no broken link.") in soup.text
        assert soup.select_one("[data-coverage-summary]").get_text(strip=True) == gettext(
            "%(items)s items checked: %(empty)s empty, %(stale)s stale, %(broken)s broken links."
        ) % {"items": 1, "empty": 0, "stale": 0, "broken": 0}

    def test_filters(self, client, editor, catalogue_data):
        catalogue, _items = catalogue_data
        other = CatalogueFactory(name="某村公开事项目录")
        CatalogueItemFactory(catalogue=other, level2="other-empty", domain=domain("就业"))
        client.force_login(editor)
        url = reverse(REPORT)

        names = dict(CatalogueItem.objects.values_list("pk", "level2"))
        edit_urls = {
            reverse("wagtailsnippets_gov_disclosure_standards_catalogueitem:edit", args=[pk]): name
            for pk, name in names.items()
        }

        def titles(query):
            soup = BeautifulSoup(client.get(url, query).content.decode(), "html.parser")
            return {edit_urls[link["href"]] for link in soup.select("tbody td a[href]")}

        assert titles({"catalogue": other.pk}) == {"other-empty"}
        assert titles({"domain": domain("就业").pk}) == {"other-empty"}
        assert titles({"problem": "not_public"}) == {
            "unpublished-page",
            "private-page",
            "undisclosed-page",
        }
        assert titles({"problem": "empty", "catalogue": catalogue.pk}) == {"empty"}
        results = client.get(
            reverse("gov_disclosure_standards:coverage_report_results"), {"problem": "stale"}
        )
        assert results.status_code == 200 and "stale" in results.content.decode()

    def test_bad_filter_values_do_not_fail(self, client, editor, catalogue_data):
        client.force_login(editor)
        for query in ({"problem": "x"}, {"catalogue": "abc"}, {"domain": "<b>"}, {"page": "9"}):
            assert client.get(reverse(REPORT), query).status_code in (200, 404)
        assert client.get(reverse(REPORT), {"domain": "99999"}).status_code == 200

    def test_exports(self, client, editor, catalogue_data):
        client.force_login(editor)
        url = reverse(REPORT)
        rows = csv_rows(client.get(url, {"export": "csv"}))
        assert rows[0] == [
            gettext("Catalogue"),
            gettext("Domain"),
            gettext("Catalogue item"),
            gettext("Problem"),
            gettext("Detail"),
            gettext("Latest content"),
        ]
        assert len(rows) == 8
        stale = next(row for row in rows if "stale" in row[2])
        assert stale[0] == "示范县基层政务公开标准目录" and stale[1] == "社会救助"
        assert stale[3] == gettext("Stale item") and stale[5] == days_ago(100).isoformat()

        response = client.get(url, {"export": "xlsx", "problem": "not_public"})
        sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
        data = list(sheet.iter_rows(min_row=2, values_only=True))
        assert len(data) == 3
        assert {row[3] for row in data} == {str(gettext("Linked page is not public"))}

    def test_query_count_is_fixed(self, client, editor, root_page, django_assert_num_queries):
        category = ThemeCategoryFactory(name="就业创业")
        ArticlePageFactory(parent=root_page, theme_category=category, publication_date=days_ago(2))
        draft = ArticlePageFactory(parent=root_page, publish=False)
        public = ArticlePageFactory(parent=root_page)

        def add_items(catalogue, count):
            for number in range(count):
                item = CatalogueItemFactory(catalogue=catalogue, update_interval_days=31)
                kind = number % 3
                if kind == 0:
                    CatalogueItemLinkFactory(item=item, page=public, date=days_ago(90))
                    outside(item, ok=False, error="HTTP 500", date=days_ago(95))
                elif kind == 1:
                    CatalogueItemLinkFactory(item=item, page=draft)
                    item.rule_theme_category = category
                    item.save()

        few = CatalogueFactory()
        add_items(few, 3)
        client.force_login(editor)
        url = reverse(REPORT)
        client.get(url)  # sessions, site root paths and the like are warm
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url, {"catalogue": few.pk}).status_code == 200
        many = CatalogueFactory()
        add_items(many, 30)
        with django_assert_num_queries(len(queries)):
            response = client.get(url, {"catalogue": many.pk})
        soup = BeautifulSoup(response.content.decode(), "html.parser")
        assert len(soup.select("tbody tr")) == 40  # 10 × (stale, unreachable, not public, empty)


class TestPermissions:
    def test_editors_see_the_report_and_its_menu_item(self, client, editor, catalogue_data):
        client.force_login(editor)
        assert client.get(reverse(REPORT)).status_code == 200
        response = client.get(reverse("wagtailadmin_home"))
        soup = BeautifulSoup(response.content.decode(), "html.parser")
        props = soup.select_one("#wagtail-sidebar-props").string
        assert reverse(REPORT) in props

    def test_without_the_view_permission_no_report(self, client, catalogue_data):
        nobody = UserFactory(username="nobody")
        nobody.user_permissions.add(Permission.objects.get(codename="access_admin"))
        client.force_login(nobody)
        response = client.get(reverse(REPORT))
        assert response.status_code in (302, 403)
        assert "with-content" not in response.content.decode()
        results = client.get(reverse("gov_disclosure_standards:coverage_report_results"))
        assert results.status_code in (302, 403)
        home = client.get(reverse("wagtailadmin_home"))
        assert home.status_code == 200 and reverse(REPORT) not in home.content.decode()

    def test_anonymous_visitors_are_sent_to_the_login(self, client, catalogue_data):
        response = client.get(reverse(REPORT))
        assert response.status_code == 302 and "login" in response["Location"]


# The link checker, against a real HTTP server on the loopback interface ----------------------


class Handler(BaseHTTPRequestHandler):
    requests = []  # (method, path) of every request, shared by the server's threads
    lock = threading.Lock()

    def log_message(self, *args):
        pass

    def answer(self, method):
        with self.lock:
            self.requests.append((method, self.path))
        if self.path == "/slow":
            time.sleep(2.5)
        status, headers = {
            "/ok": (200, {}),
            "/missing": (404, {}),
            "/error": (500, {}),
            "/moved": (302, {"Location": "/ok"}),
            "/moved-away": (301, {"Location": "/missing"}),
            "/loop": (302, {"Location": "/loop"}),
            "/to-ftp": (302, {"Location": "ftp://files.example.gov.cn/a.pdf"}),
            "/slow": (200, {}),
        }.get(self.path, (404, {}))
        if self.path == "/no-head" and method == "HEAD":
            status = 405
        elif self.path == "/no-head":
            status = 200
        body = b"x" * 100_000 if method == "GET" else b""
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(100_000))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)  # the checker reads only the start of the body

    def do_HEAD(self):
        self.answer("HEAD")

    def do_GET(self):
        self.answer("GET")


@pytest.fixture
def server(monkeypatch):
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    Handler.requests = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class InlineExecutor:
    def __init__(self, max_workers):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def map(self, function, values):
        return map(function, list(values))


def link_on(item, url):
    return CatalogueItemLinkFactory(item=item, url=url, title=url.rsplit("/", 1)[-1])


class TestLinkChecker:
    def test_every_kind_of_answer(self, server, closed_port):
        item = CatalogueItemFactory()
        paths = ["/ok", "/missing", "/error", "/moved", "/moved-away", "/no-head", "/slow"]
        paths += ["/loop", "/to-ftp"]
        links = {path: link_on(item, server + path) for path in paths}
        links["refused"] = link_on(item, f"http://127.0.0.1:{closed_port}/")
        links["ftp"] = link_on(item, "ftp://files.example.gov.cn/a.pdf")
        shared = link_on(CatalogueItemFactory(), server + "/ok")  # the same address again
        page = ArticlePageFactory()
        internal = CatalogueItemLinkFactory(item=item, page=page)

        out = io.StringIO()
        started = time.monotonic()
        call_command("gov_disclosure_check_links", "--timeout", "1", "--workers", "4", stdout=out)
        assert time.monotonic() - started < 10

        def state(link):
            link.refresh_from_db()
            return link.check_ok, link.check_error

        assert state(links["/ok"]) == (True, "")
        assert state(shared) == (True, "")
        assert state(links["/moved"]) == (True, "")
        assert state(links["/no-head"]) == (True, "")
        assert state(links["/missing"]) == (False, gettext("HTTP %(status)s") % {"status": 404})
        assert state(links["/error"]) == (False, gettext("HTTP %(status)s") % {"status": 500})
        assert state(links["/moved-away"]) == (False, "HTTP 404")
        assert state(links["/slow"]) == (
            False,
            gettext("timed out after %(seconds)s s") % {"seconds": 1},
        )
        assert state(links["/loop"]) == (False, gettext("too many redirects"))
        assert state(links["/to-ftp"]) == (
            False,
            gettext("redirected to an address that is not http(s)"),
        )
        assert state(links["refused"]) == (False, gettext("connection refused"))
        assert state(links["ftp"]) == (False, gettext("only http and https addresses are checked"))
        assert internal.pk and state(internal) == (None, "")  # pages are not requested
        for link in [*links.values(), shared]:
            assert link.checked_at is not None

        requests = Handler.requests
        assert requests.count(("HEAD", "/ok")) == 2  # once for itself, once after /moved
        assert ("GET", "/ok") not in requests  # a redirected HEAD stays a HEAD
        assert requests.count(("HEAD", "/no-head")) == 1
        assert requests.count(("GET", "/no-head")) == 1
        assert ("GET", "/missing") not in requests and ("GET", "/slow") not in requests
        assert not any(path == "/to-ftp" and method == "GET" for method, path in requests)

        summary = out.getvalue().strip().splitlines()[-1]
        assert summary == gettext(
            "Links checked: %(checked)s (%(addresses)s addresses), "
            "reachable: %(ok)s, broken: %(broken)s."
        ) % {"checked": 12, "addresses": 11, "ok": 4, "broken": 8}
        assert (
            gettext("Broken: %(url)s (%(reason)s)")
            % {
                "url": server + "/missing",
                "reason": "HTTP 404",
            }
            in out.getvalue()
        )

    def test_the_report_shows_what_the_checker_found(self, server, client, editor):
        item = CatalogueItemFactory(level2="外部链接事项")
        link_on(item, server + "/missing")
        link_on(item, server + "/ok")
        linkcheck.check_links(timeout=1)
        findings, summary = coverage_findings(report_items())
        assert [(f.problem, f.detail) for f in findings] == [
            ("unreachable", f"{server}/missing (HTTP 404)")
        ]
        assert summary.broken == 1

    def test_only_stale_days(self, server):
        item = CatalogueItemFactory()
        recent = link_on(item, server + "/missing")
        old = link_on(item, server + "/ok")
        never = link_on(item, server + "/error")
        CatalogueItemLink.objects.filter(pk=recent.pk).update(
            checked_at=timezone.now() - datetime.timedelta(days=1), check_ok=True
        )
        CatalogueItemLink.objects.filter(pk=old.pk).update(
            checked_at=timezone.now() - datetime.timedelta(days=10), check_ok=False
        )
        out = io.StringIO()
        call_command("gov_disclosure_check_links", "--only-stale-days", "7", stdout=out)
        recent.refresh_from_db()
        old.refresh_from_db()
        never.refresh_from_db()
        assert recent.check_ok is True  # left alone, though the address now answers 404
        assert old.check_ok is True and never.check_ok is False
        assert ("HEAD", "/missing") not in Handler.requests

    def test_a_link_edited_during_the_run_keeps_its_unchecked_state(self, server, monkeypatch):
        item = CatalogueItemFactory()
        link = link_on(item, server + "/missing")
        real_check = linkcheck.check_url

        def check_while_editing(url, timeout=None):
            CatalogueItemLink.objects.filter(pk=link.pk).update(url=server + "/ok")
            return real_check(url, timeout)

        monkeypatch.setattr(linkcheck, "check_url", check_while_editing)
        # The edit is made on the test's database connection, so the check runs in this thread.
        monkeypatch.setattr(linkcheck, "ThreadPoolExecutor", InlineExecutor)
        summary = linkcheck.check_links(timeout=1, workers=1)
        link.refresh_from_db()
        assert (link.check_ok, link.checked_at, summary.checked) == (None, None, 0)

    def test_the_setting_gives_the_timeout(self, server, settings):
        settings.GOV_DISCLOSURE_STANDARDS_LINK_CHECK_TIMEOUT = 1
        link = link_on(CatalogueItemFactory(), server + "/slow")
        linkcheck.check_links()
        link.refresh_from_db()
        assert link.check_error == gettext("timed out after %(seconds)s s") % {"seconds": 1}

    def test_summary_in_the_active_language(self, server):
        link_on(CatalogueItemFactory(), server + "/ok")
        with translation.override("en"):
            out = io.StringIO()
            call_command("gov_disclosure_check_links", stdout=out)
        assert out.getvalue().strip() == (
            "Links checked: 1 (1 addresses), reachable: 1, broken: 0."
        )

    def test_nothing_to_check(self, db):
        out = io.StringIO()
        call_command("gov_disclosure_check_links", stdout=out)
        assert out.getvalue().strip() == gettext(
            "Links checked: %(checked)s (%(addresses)s addresses), "
            "reachable: %(ok)s, broken: %(broken)s."
        ) % {"checked": 0, "addresses": 0, "ok": 0, "broken": 0}

    @pytest.mark.parametrize(
        "arguments",
        [["--timeout", "0"], ["--workers", "many"], ["--only-stale-days", "-1"]],
    )
    def test_bad_options_are_refused(self, arguments):
        with pytest.raises(CommandError) as error:
            call_command("gov_disclosure_check_links", *arguments)
        assert gettext("expected a whole number of %(minimum)s or more, got “%(value)s”") % {
            "minimum": 0 if "stale" in arguments[0] else 1,
            "value": arguments[1],
        } in str(error.value)
