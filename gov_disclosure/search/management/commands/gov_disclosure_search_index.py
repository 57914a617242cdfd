"""``manage.py gov_disclosure_search_index rebuild|sync|status``."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from gov_disclosure.search import indexing
from gov_disclosure.search.app_settings import app_settings
from gov_disclosure.search.models import IndexChange, SearchEntry


class ProgressBar:
    """``[######......]  1,200/3,000`` on a terminal; a line per tenth otherwise."""

    WIDTH = 30

    def __init__(self, stream, total: int, label: str):
        self.stream, self.total, self.label, self.done = stream, total, label, 0
        self.tty = hasattr(stream, "isatty") and stream.isatty()
        self._last_tenth = -1

    def __call__(self, count: int) -> None:
        self.done += count
        share = self.done / self.total if self.total else 1
        filled = int(share * self.WIDTH)
        bar = "#" * filled + "." * (self.WIDTH - filled)
        line = f"{self.label} [{bar}] {self.done:,}/{self.total:,}"
        if self.tty:
            self.stream.write("\r" + line, ending="")
            self.stream.flush()
        elif int(share * 10) != self._last_tenth:
            self._last_tenth = int(share * 10)
            self.stream.write(line)

    def finish(self):
        if self.tty:
            self.stream.write("")


class Command(BaseCommand):
    help = (
        "Rebuild the public search index from the pages (rebuild), send the changes Elasticsearch "
        "has not yet received (sync), or show the state of the index (status)."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "sync", "status"])

    def handle(self, *args, action, **options):
        getattr(self, action)()

    def rebuild(self):
        total = indexing.visible_count()
        bar = ProgressBar(self.stdout, total, "database     ")
        written = indexing.rebuild(progress=bar)
        bar.finish()
        self.stdout.write(f"Database search index: {written:,} entries.")
        if app_settings.SEARCH_BACKEND == "elasticsearch":
            from gov_disclosure.search.backends.elasticsearch import (
                ElasticsearchUnavailable,
                rebuild,
            )

            bar = ProgressBar(self.stdout, SearchEntry.objects.count(), "elasticsearch")
            try:
                sent = rebuild(progress=bar)
            except ElasticsearchUnavailable as error:
                raise CommandError(f"The search server did not answer: {error}") from error
            bar.finish()
            self.stdout.write(f"Elasticsearch index: {sent:,} documents.")

    def sync(self):
        result = indexing.push_pending()
        if not result:
            self.stdout.write("The search backend is the database: nothing to send.")
        elif "kept" in result:
            raise CommandError(
                f"The search server did not answer; {result['kept']:,} changes kept for later."
            )
        else:
            self.stdout.write(f"{result['sent']:,} changes sent to Elasticsearch.")

    def status(self):
        self.stdout.write(f"Backend: {app_settings.SEARCH_BACKEND}")
        self.stdout.write(f"Entries in the database index: {SearchEntry.objects.count():,}")
        self.stdout.write(
            f"Publicly visible pages of the registered types: {indexing.visible_count():,}"
        )
        if app_settings.SEARCH_BACKEND == "elasticsearch":
            from gov_disclosure.search.backends.elasticsearch import status

            self.stdout.write(
                f"Changes not yet sent to Elasticsearch: {IndexChange.objects.count():,}"
            )
            for key, value in status().items():
                self.stdout.write(f"Elasticsearch {key}: {value}")
