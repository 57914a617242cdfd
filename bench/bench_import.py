"""How fast `manage.py import_documents` imports policy documents on PostgreSQL.

Generates N document rows with a fixed random seed into a temporary CSV file, creates a fresh
PostgreSQL database, migrates it, sets up agencies, theme categories and a document library,
and imports: the file (every row created and published), the same file again (every row
unchanged), a dry run, and the first --changed rows with a new caption (each one updated: a new
revision, published). Prints documents per second, CPU time and peak memory.

    .venv/bin/python bench/bench_import.py --rows 2000

The budget (docs/design: import ≥ 50 documents/s) applies to the first import. See
bench/README.md and docs/performance.md.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "bench_import"
BUDGET = 50.0  # documents per second

AGENCIES = [
    ("示范县人民政府办公室", "县政府办", "11379901004211016R"),
    ("示范县教育局", "县教育局", None),
    ("示范县卫生健康局", "县卫健局", None),
    ("示范县自然资源局", "县自然资源局", None),
    ("示范县生态环境分局", "县生态环境分局", None),
    ("示范县住房和城乡建设局", "县住建局", None),
    ("示范县交通运输局", "县交通运输局", None),
    ("示范县农业农村局", "县农业农村局", None),
    ("示范县民政局", "县民政局", None),
    ("示范县财政局", "县财政局", None),
]
THEMES = {
    "综合政务": ["政务公开", "应急管理", "政务督查"],
    "城乡建设、环境保护": ["城市规划", "节能与资源综合利用", "污染防治"],
    "卫生、体育": ["医药管理", "卫生", "体育"],
    "教育": ["基础教育", "职业教育"],
    "农业、林业、水利": ["农业、畜牧业、渔业", "水利"],
    "劳动、人事、监察": ["就业", "社会保障"],
}
SUBJECTS = [
    "农村人居环境整治",
    "城乡居民基本医疗保险",
    "义务教育阶段学生资助",
    "政府信息公开工作",
    "安全生产责任制",
    "农业产业化龙头企业认定",
    "城市道路挖掘管理",
    "住房公积金提取",
    "困难群众救助",
    "公共资源交易管理",
]
KINDS = ["实施办法", "管理办法", "实施细则", "工作方案", "若干措施", "暂行规定"]
SENTENCES = [
    "为进一步规范相关工作，保障人民群众合法权益，根据有关法律法规，结合本县实际，制定本办法。",
    "各乡镇人民政府、县政府各部门要高度重视，明确责任分工，确保各项措施落到实处。",
    "本办法所称的相关单位，是指在本县行政区域内依法登记的机关、企业事业单位和社会组织。",
    "县人民政府有关部门应当按照各自职责，做好监督管理和服务保障工作。",
    "对违反本办法规定的行为，由有关部门依法依规予以处理；构成犯罪的，依法追究刑事责任。",
    "申请人可以通过政务服务网、政务服务大厅等渠道提交申请材料。",
]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=2000, help="documents to import (2000)")
    parser.add_argument("--seed", type=int, default=20261121, help="random seed")
    parser.add_argument(
        "--changed", type=int, default=200, help="rows imported again with a change (200)"
    )
    parser.add_argument(
        "--server",
        default=os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432/postgres"),
        help="PostgreSQL server to create the database on (BENCH_POSTGRES)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    return parser.parse_args()


def fresh_database(server: str) -> str:
    import psycopg

    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{DATABASE}"')
    parts = urlsplit(server)
    return urlunsplit(parts._replace(path="/" + DATABASE))


def drop_database(server: str) -> None:
    import psycopg

    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')


def generate_rows(count: int, seed: int) -> list[dict[str, str]]:
    """Documents as an agency's catalogue lists them: most valid, some repealed or revised."""
    rng = random.Random(seed)
    rows = []
    serials = {}
    for number in range(count):
        name, short_name, code = rng.choice(AGENCIES)
        code = code or "AGENCY"
        year = rng.randint(2019, 2026)
        serials[(name, year)] = serials.get((name, year), 0) + 1
        serial = serials[(name, year)]
        written = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        top = rng.choice(list(THEMES))
        subject, kind = rng.choice(SUBJECTS), rng.choice(KINDS)
        row = {
            "标题": f"{short_name}关于印发《示范县{subject}{kind}》的通知",
            "索引号": f"BENCH{number % 10}/{year}-{number:07d}",
            "发布机构": rng.choice([name, short_name]),
            "发文字号": f"示{short_name[1:3]}发〔{year}〕{serial}号",
            "文件类型": rng.choice(["行政规范性文件"] * 8 + ["其他", "规章"]),
            "主题分类": f"{top}/{rng.choice(THEMES[top])}",
            "成文日期": written,
            "发布日期": written.replace("-", "/"),
            "施行日期": "",
            "有效性": "",
            "有效性变更日期": "",
            "被修订文件索引号": "",
            "公开属性": "主动公开",
            "正文": "\n".join(rng.choice(SENTENCES) for _ in range(rng.randint(5, 20))),
        }
        if year <= 2024 and rng.random() < 0.1:
            row["有效性"] = "废止"
            row["有效性变更日期"] = f"{year + 1}-06-30"
        elif rows and rng.random() < 0.05:
            # Revises an earlier document of the file, which the file marks amended.
            older = rng.choice(rows)
            if not older["有效性"]:  # neither repealed nor revised already
                older["有效性"] = "修订"
                row["被修订文件索引号"] = older["索引号"]
        rows.append(row)
    return rows


def write_csv(rows, path: Path) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def set_up_site():
    from wagtail.models import Site

    from gov_disclosure.documents.models import DocumentLibraryPage
    from gov_disclosure.models import Agency, ThemeCategory

    for index, (name, short_name, code) in enumerate(AGENCIES):
        Agency.objects.create(
            name=name, short_name=short_name, credit_code=code or "", sort_order=index
        )
    for top, children in THEMES.items():
        parent = ThemeCategory.objects.create(name=top)
        for child in children:
            ThemeCategory.objects.create(name=child, parent=parent)
    root = Site.objects.get(is_default_site=True).root_page
    library = DocumentLibraryPage(title="政策文件", slug="zcwj")
    root.add_child(instance=library)
    library.save_revision().publish()
    return library


def rss_kib() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def server_cpu_seconds() -> float:
    """CPU time used so far by this connection's PostgreSQL backend (server on this machine)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")  # the server runs elsewhere
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed_import(path, library, *options):
    """Wall-clock seconds, CPU seconds (this process + its PostgreSQL backend), summary."""
    from django.core.management import call_command
    from django.core.management.base import CommandError

    out, err = io.StringIO(), io.StringIO()
    server_before = server_cpu_seconds()
    cpu_before = time.process_time()
    started = time.perf_counter()
    try:
        call_command(
            "import_documents",
            str(path),
            "--parent",
            str(library.pk),
            "--no-progress",
            *options,
            stdout=out,
            stderr=err,
        )
    except CommandError as error:
        print(f"  import reported: {error}", file=sys.stderr)
        print(err.getvalue()[:2000], file=sys.stderr)
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_before + server_cpu_seconds() - server_before
    return elapsed, cpu, out.getvalue().strip()


def main():
    args = parse_args()
    sys.path[:0] = [str(ROOT), str(ROOT / "example_site")]
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
    os.environ["DATABASE_URL"] = fresh_database(args.server)
    try:
        import django
        from django.core.management import call_command
        from django.utils import translation

        django.setup()
        translation.activate("en")
        call_command("migrate", verbosity=0)
        library = set_up_site()

        rows = generate_rows(args.rows, args.seed)
        # The same documents with another caption: each one is updated (a revision, published).
        changed = [dict(row, 题注="根据清理结果重新公布") for row in rows[: args.changed]]
        with tempfile.TemporaryDirectory() as directory:
            path, changed_path = Path(directory) / "documents.csv", Path(directory) / "changed.csv"
            write_csv(rows, path)
            write_csv(changed, changed_path)
            from django.db import connection

            print(
                f"PostgreSQL {connection.cursor().connection.info.server_version}, "
                f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}"
            )
            print(f"{args.rows} rows, seed {args.seed}, {path.stat().st_size / 1024:.0f} KiB CSV")
            rss_before = rss_kib()
            results = []
            for label, file, count, options in (
                ("first import", path, len(rows), ()),
                ("same file again", path, len(rows), ()),
                ("dry run", path, len(rows), ("--dry-run",)),
                ("changed rows", changed_path, len(changed), ()),
            ):
                load = os.getloadavg()[0]
                elapsed, cpu, summary = timed_import(file, library, *options)
                rate = count / elapsed
                results.append((label, elapsed, rate))
                print(
                    f"{label:16} {count:6} rows {elapsed:7.1f} s {rate:7.1f} documents/s "
                    f"(CPU {cpu:.1f} s: {count / cpu:.0f}/s on idle cores; load {load:.1f})"
                    f"  | {summary}"
                )
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            print(
                f"peak RSS {peak / 1024:.0f} MiB (before the imports {rss_before / 1024:.0f} MiB, "
                f"so the imports added at most {(peak - rss_before) / 1024:.0f} MiB)"
            )
            first_rate = results[0][2]
            verdict = "within" if first_rate >= BUDGET else "BELOW"
            print(
                f"first import {first_rate:.1f} documents/s: {verdict} the budget of {BUDGET:g}/s"
            )
            return 0 if first_rate >= BUDGET else 1
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            drop_database(args.server)


if __name__ == "__main__":
    sys.exit(main())
