"""How fast the standardized-disclosure topic answers, and how fast a catalogue imports.

Creates a fresh PostgreSQL database, migrates it, imports --documents policy documents through
`manage.py import_documents` (the generator of bench_import.py), builds a county catalogue of
--items-per-domain items in each of the 26 domains (two documents and one outside address
attached by hand to each item, every fourth item attaching its theme category's documents by
rule) and a topic page on it, then measures, with Django's test client in this process:

- the topic overview, the largest domain section, one item's page and the coverage report
  (admin), p50/p95 over --requests requests and their SQL query counts;
- a plain Wagtail page in the same run, as the baseline;
- the catalogue's XLSX export, and importing that file into a new catalogue (items per second).

    .venv/bin/python bench/bench_standards.py --documents 2000 --items-per-domain 20

See bench/README.md and docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "bench_standards"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=2000, help="policy documents (2000)")
    parser.add_argument("--items-per-domain", type=int, default=20, help="items per domain (20)")
    parser.add_argument("--requests", type=int, default=30, help="requests per page (30)")
    parser.add_argument("--seed", type=int, default=20261207, help="random seed")
    parser.add_argument(
        "--server",
        default=os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432/postgres"),
        help="PostgreSQL server to create the bench database on",
    )
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    return parser.parse_args()


def fresh_database(server: str) -> str:
    import psycopg

    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{DATABASE}"')
    return urlunsplit(urlsplit(server)._replace(path="/" + DATABASE))


def drop_database(server: str) -> None:
    import psycopg

    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')


def import_documents(count, seed, library):
    import bench_import
    from django.core.management import call_command

    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "documents.csv"
        bench_import.write_csv(bench_import.generate_rows(count, seed), path)
        call_command(
            "import_documents",
            str(path),
            "--parent",
            str(library.pk),
            "--no-progress",
            verbosity=0,
        )


def build_catalogue(per_domain, seed):
    """A county catalogue in every domain, with content attached by hand, by address and by rule."""
    from gov_disclosure.documents.models import DocumentPage
    from gov_disclosure.models import ThemeCategory
    from gov_disclosure.standards.models import (
        Catalogue,
        CatalogueItem,
        CatalogueItemLink,
        StandardDomain,
    )

    rng = random.Random(seed)
    catalogue = Catalogue.objects.create(name="示范县基层政务公开标准目录（基准测试）")
    documents = list(DocumentPage.objects.values_list("pk", flat=True))
    categories = list(ThemeCategory.objects.filter(parent__isnull=False))
    items = []
    for domain in StandardDomain.objects.all():
        for n in range(per_domain):
            items.append(
                CatalogueItem(
                    catalogue=catalogue,
                    domain=domain,
                    number=str(n + 1),
                    sort_order=n,
                    level1=f"{domain.name}事项{n // 4 + 1}",
                    level2=f"公开内容{n + 1}",
                    content="事项名称、办理依据、办理流程、办理结果",
                    legal_basis="《中华人民共和国政府信息公开条例》",
                    time_limit="信息形成或变更之日起20个工作日内",
                    responsible_body="县有关部门",
                    channels="政府网站 政务新媒体",
                    rule_theme_category=rng.choice(categories) if n % 4 == 0 else None,
                )
            )
    items = CatalogueItem.objects.bulk_create(items)
    links = []
    for item in items:
        for page_id in rng.sample(documents, 2):
            links.append(CatalogueItemLink(item=item, page_id=page_id))
        links.append(
            CatalogueItemLink(
                item=item, url=f"https://www.example.gov.cn/{item.pk}", title="省级平台公示"
            )
        )
    CatalogueItemLink.objects.bulk_create(links)
    return catalogue


def measure(client, url, count):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assert client.get(url).status_code == 200, url  # warm the caches, as a running site has
    times = []
    for _ in range(count):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * len(times)) - 1)]
    return statistics.median(times), p95, len(queries)


def main():
    args = parse_args()
    sys.path[:0] = [str(ROOT), str(ROOT / "example_site"), str(ROOT / "bench")]
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
    os.environ["DATABASE_URL"] = fresh_database(args.server)
    try:
        import django

        django.setup()
        import bench_import
        from django.conf import settings
        from django.contrib.auth import get_user_model
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client
        from django.test.utils import setup_test_environment
        from django.utils import translation
        from wagtail.models import Site

        from gov_disclosure.standards.models import CatalogueItem, StandardsTopicPage
        from gov_disclosure.standards.spreadsheet import CatalogueImporter, export_catalogue

        settings.ALLOWED_HOSTS = ["*"]
        setup_test_environment()
        translation.activate("zh-hans")
        call_command("migrate", verbosity=0)
        library = bench_import.set_up_site()
        started = time.perf_counter()
        import_documents(args.documents, args.seed, library)
        print(
            f"PostgreSQL {connection.cursor().connection.info.server_version}, "
            f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}; "
            f"{args.documents} documents imported in {time.perf_counter() - started:.0f} s"
        )
        catalogue = build_catalogue(args.items_per_domain, args.seed)
        root = Site.objects.get(is_default_site=True).root_page
        topic = StandardsTopicPage(
            title="基层政务公开标准化规范化专题", slug="bzh", catalogue=catalogue
        )
        root.add_child(instance=topic)
        topic.save_revision().publish()
        items = CatalogueItem.objects.filter(catalogue=catalogue)
        print(
            f"{items.count()} catalogue items, "
            f"{sum(1 for item in items if item.rule_theme_category_id)} with a rule, "
            f"3 attached by hand to each"
        )

        client = Client()
        busiest = items.values_list("domain_id", flat=True).first()
        item = items.order_by("pk").first()
        pages = [
            ("plain Wagtail page (baseline)", root.url),
            ("topic overview", topic.url),
            (
                "a domain section",
                topic.url + topic.reverse_subpage("domain_section", args=[busiest]),
            ),
            ("an item's page", topic.url + topic.reverse_subpage("item_detail", args=[item.pk])),
        ]
        for label, url in pages:
            p50, p95, queries = measure(client, url, args.requests)
            print(f"{label:32} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  {queries:3} queries")
        admin = get_user_model().objects.create_superuser("bench", "bench@example.com", "x")
        client.force_login(admin)
        p50, p95, queries = measure(
            client, "/admin/standard-catalogue/reports/coverage/", max(5, args.requests // 3)
        )
        label = "coverage report (admin)"
        print(f"{label:32} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  {queries:3} queries")

        started = time.perf_counter()
        data = export_catalogue(catalogue)
        exported = time.perf_counter() - started
        print(f"export: {items.count()} items in {exported:.2f} s ({len(data) / 1024:.0f} KiB)")
        from gov_disclosure.standards.models import Catalogue

        target = Catalogue.objects.create(name="导入的目录")
        for label, dry_run in (("import (dry run)", True), ("import", False)):
            started = time.perf_counter()
            report = CatalogueImporter(target, user=admin, dry_run=dry_run).run(data, name="a.xlsx")
            elapsed = time.perf_counter() - started
            print(
                f"{label}: {report.rows} rows in {elapsed:.1f} s, "
                f"{report.rows / elapsed:.0f} items/s | {report.summary()}"
            )
        return 0
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            drop_database(args.server)


if __name__ == "__main__":
    sys.exit(main())
