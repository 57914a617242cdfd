"""Import policy documents from a CSV, XLSX, JSON or JSON Lines file (docs/documents/import.md).

Exit status: 0 when every row was imported (with ``--dry-run``: would be); 1 when some rows
failed and the others were imported; 2 when nothing could be imported because the file or the
options are unusable.
"""

import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from gov_disclosure.documents.importing import (
    FORMATS,
    DocumentImporter,
    ImportAborted,
    find_library,
    open_source,
)

EXIT_ROWS_FAILED = 1
EXIT_ABORTED = 2


class ProgressBar:
    """A one-line progress bar, redrawn in place; drawn only on a terminal."""

    def __init__(self, out, enabled, width=30):
        self.out = out
        self.enabled = enabled
        self.width = width
        self.started = time.monotonic()
        self.drawn_at = 0.0
        self.visible = False

    def update(self, done, total):
        if not self.enabled:
            return
        now = time.monotonic()
        if done < total and now - self.drawn_at < 0.1:
            return
        self.drawn_at = now
        filled = self.width * done // max(total, 1)
        rate = done / max(now - self.started, 1e-6)
        self._write(
            f"\r[{'#' * filled}{'.' * (self.width - filled)}] {done}/{total} "
            f"{100 * done // max(total, 1)}% {rate:.1f}/s"
        )
        self.visible = True

    def clear(self):
        if self.visible:
            self._write("\r\033[K")
            self.visible = False

    def finish(self):
        if self.visible:
            self._write("\n")
            self.visible = False

    def _write(self, text):
        self.out.write(text, style_func=lambda text: text, ending="")
        self.out.flush()


class Command(BaseCommand):
    help = (
        "Import policy documents from a CSV, XLSX, JSON or JSON Lines file into a document "
        "library. Rows are matched on their index number: importing again updates them. "
        "Exit status 1 when some rows failed, 2 when nothing could be imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The file to import (.csv, .xlsx, .json or .jsonl).")
        parser.add_argument(
            "--parent",
            help="The document library new documents go under: its page id or URL path, "
            "e.g. /xxgk/zcwj/.",
        )
        parser.add_argument(
            "--format", choices=FORMATS, help="Read the file as this format, whatever its name."
        )
        parser.add_argument(
            "--encoding",
            help="Read a CSV or JSON file in this encoding (default: UTF-8, else GB18030).",
        )
        parser.add_argument(
            "--draft", action="store_true", help="Save drafts instead of publishing."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check every row and save nothing."
        )
        parser.add_argument(
            "--user", help="The user name recorded on revisions and validity changes."
        )
        parser.add_argument("--no-progress", action="store_true", help="Draw no progress bar.")

    def handle(self, *args, file, parent=None, **options):
        if not parent:
            raise CommandError(
                _(
                    "Name the document library to import into with --parent, as a page id or "
                    "a URL path such as /xxgk/zcwj/."
                ),
                returncode=EXIT_ABORTED,
            )
        verbosity = options["verbosity"]
        progress = ProgressBar(
            self.stderr,
            enabled=verbosity >= 1 and not options["no_progress"] and self.stderr.isatty(),
        )

        def show_error(error):
            progress.clear()
            self.stderr.write(str(error))

        started = time.monotonic()
        try:
            library = find_library(parent)
            user = self._user(options["user"])
            source = open_source(file, format=options["format"], encoding=options["encoding"])
            importer = DocumentImporter(
                library,
                user=user,
                publish=not options["draft"],
                dry_run=options["dry_run"],
                on_progress=progress.update,
                on_error=show_error,
            )
            report = importer.run(source)
        except ImportAborted as error:
            progress.clear()
            raise CommandError(str(error), returncode=EXIT_ABORTED) from None
        finally:
            progress.finish()

        if report.ignored_columns:
            self.stderr.write(
                _("Columns not recognised, and ignored: %(columns)s")
                % {"columns": ", ".join(report.ignored_columns)},
                style_func=self.style.WARNING,
            )
        for warning in report.warnings:
            self.stderr.write(warning, style_func=self.style.WARNING)
        counts = {
            "created": report.created,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "failed": report.failed,
            "total": report.total,
            "seconds": f"{time.monotonic() - started:.1f}",
        }
        if verbosity >= 1:
            if report.dry_run:
                summary = _(
                    "Dry run, nothing was saved: %(created)s would be created, %(updated)s "
                    "updated, %(unchanged)s unchanged; %(failed)s failed (%(total)s rows)."
                )
            else:
                summary = _(
                    "Created %(created)s, updated %(updated)s, unchanged %(unchanged)s, failed "
                    "%(failed)s (%(total)s rows in %(seconds)s s)."
                )
            style = self.style.SUCCESS if report.ok else self.style.WARNING
            self.stdout.write(style(summary % counts))
        if not report.ok:
            raise CommandError(
                _("%(failed)s of %(total)s rows could not be imported; see the errors above.")
                % counts,
                returncode=EXIT_ROWS_FAILED,
            )

    def _user(self, username):
        if not username:
            return None
        model = get_user_model()
        try:
            return model._default_manager.get_by_natural_key(username)
        except model.DoesNotExist:
            raise ImportAborted(_("There is no user “%(user)s”.") % {"user": username}) from None
