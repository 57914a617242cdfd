"""``manage.py gov_disclosure_check_links``: check the outside addresses of the catalogue items.

Meant for a daily cron job (docs/standards/coverage.md). The results are stored on the links and
shown by the coverage report; the summary is printed in the language of the active locale.
"""

from __future__ import annotations

import argparse

from django.core.management.base import BaseCommand
from django.utils.translation import gettext

from gov_disclosure.standards.app_settings import app_settings
from gov_disclosure.standards.linkcheck import check_links, links_to_check


def _whole_number(minimum):
    def parse(value):
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = None
        if number is None or number < minimum:
            raise argparse.ArgumentTypeError(
                gettext("expected a whole number of %(minimum)s or more, got “%(value)s”")
                % {"minimum": minimum, "value": value}
            )
        return number

    return parse


class Command(BaseCommand):
    help = (
        "Check every outside address attached to a standard catalogue item and store whether it "
        "answers; the coverage report lists the broken ones. Meant to run daily from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--timeout",
            type=_whole_number(1),
            help="Seconds to wait for each address (default: the setting "
            "GOV_DISCLOSURE_STANDARDS_LINK_CHECK_TIMEOUT).",
        )
        parser.add_argument(
            "--workers",
            type=_whole_number(1),
            help="Addresses checked at the same time (default: the setting "
            "GOV_DISCLOSURE_STANDARDS_LINK_CHECK_WORKERS).",
        )
        parser.add_argument(
            "--only-stale-days",
            type=_whole_number(0),
            metavar="N",
            help="Only check links not checked in the last N days (and those never checked).",
        )

    def handle(self, *args, timeout=None, workers=None, only_stale_days=None, **options):
        verbosity = options.get("verbosity", 1)
        timeout = timeout or app_settings.STANDARDS_LINK_CHECK_TIMEOUT
        workers = workers or app_settings.STANDARDS_LINK_CHECK_WORKERS

        def report(url, result, count):
            if not result.ok and verbosity >= 1:
                self.stdout.write(
                    self.style.WARNING(
                        gettext("Broken: %(url)s (%(reason)s)")
                        % {"url": url, "reason": result.error}
                    )
                )
            elif result.ok and verbosity >= 2:
                self.stdout.write(gettext("Reachable: %(url)s") % {"url": url})

        summary = check_links(
            links_to_check(only_stale_days),
            timeout=timeout,
            workers=workers,
            on_result=report,
        )
        self.stdout.write(
            gettext(
                "Links checked: %(checked)s (%(addresses)s addresses), "
                "reachable: %(ok)s, broken: %(broken)s."
            )
            % {
                "checked": summary.checked,
                "addresses": summary.addresses,
                "ok": summary.ok,
                "broken": summary.broken,
            }
        )
