"""Run the daily jobs of every installed gov_disclosure app (validity by date, clocks, …)."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from gov_disclosure.registry import registry


class Command(BaseCommand):
    help = "Run the daily jobs of gov_disclosure. Safe to run more than once a day."

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            help="Run as of this date (YYYY-MM-DD) instead of today, e.g. to catch up.",
        )
        parser.add_argument(
            "--only", action="append", default=[], help="Run only the job with this name."
        )

    def handle(self, *args, date=None, only=(), **options):
        try:
            on = datetime.date.fromisoformat(date) if date else timezone.localdate()
        except ValueError:
            raise CommandError(_("The date must look like 2026-03-01.")) from None
        tasks = [t for t in registry.daily_tasks if not only or t.name in only]
        unknown = set(only) - {t.name for t in registry.daily_tasks}
        if unknown:
            raise CommandError(_("No daily job named %(names)s.") % {"names": ", ".join(unknown)})
        for task in tasks:
            summary = task.function(on=on)
            details = ", ".join(f"{key}={value}" for key, value in (summary or {}).items())
            self.stdout.write(f"{task.label} ({task.name}): {details or _('done')}")
