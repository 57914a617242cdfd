"""Import a standard catalogue from an Excel workbook (docs/standards/import.md).

Exit status: 0 when every row was imported (with ``--dry-run``: would be); 1 when some rows had
errors and were skipped; 2 when nothing could be imported (the file, the catalogue or the user
is unusable).
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from gov_disclosure.standards.models import Catalogue
from gov_disclosure.standards.spreadsheet import CatalogueImporter, SpreadsheetError

EXIT_ROWS_FAILED = 1
EXIT_ABORTED = 2


def find_catalogue(value: str) -> Catalogue:
    """The catalogue with this id or this exact name.

    Raises:
        CommandError: there is none, or several have the name.
    """
    value = (value or "").strip()
    if value.isdigit():
        catalogue = Catalogue.objects.filter(pk=int(value)).first()
        if catalogue is not None:
            return catalogue
    matches = list(Catalogue.objects.filter(name=value)[:2])
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise CommandError(
            _("Several catalogues are called “%(name)s”: give the id instead.") % {"name": value},
            returncode=EXIT_ABORTED,
        )
    raise CommandError(
        _("There is no catalogue “%(catalogue)s”; give its id or its exact name.")
        % {"catalogue": value},
        returncode=EXIT_ABORTED,
    )


class Command(BaseCommand):
    help = (
        "Import a standard catalogue from an Excel workbook (.xlsx) in the national layout. "
        "Items are matched on domain, level-1 and level-2 item: importing again updates them. "
        "Exit status 1 when some rows had errors, 2 when nothing could be imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The workbook to import (.xlsx).")
        parser.add_argument(
            "--catalogue", required=True, help="The catalogue to import into: its id or name."
        )
        parser.add_argument(
            "--create-domains",
            action="store_true",
            help="Create the domains the file names that do not exist yet.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check every row and save nothing."
        )
        parser.add_argument("--user", help="The user name recorded on the revisions.")

    def handle(self, *args, path, catalogue, **options):
        catalogue = find_catalogue(catalogue)
        user = self._user(options["user"])
        importer = CatalogueImporter(
            catalogue,
            user=user,
            create_domains=options["create_domains"],
            dry_run=options["dry_run"],
        )
        try:
            report = importer.run(path)
        except SpreadsheetError as error:
            raise CommandError(str(error), returncode=EXIT_ABORTED) from None

        for warning in report.warnings:
            self.stderr.write(warning, style_func=self.style.WARNING)
        for error in report.errors:
            self.stderr.write(str(error))
        if report.new_domains:
            message = (
                _("Domains that would be created: %(domains)s")
                if report.dry_run
                else _("Domains created: %(domains)s")
            )
            self.stdout.write(message % {"domains": "、".join(report.new_domains)})
        if options["verbosity"] >= 2:
            for result in report.changes:
                self.stdout.write(
                    f"{result.sheet} {result.row}: {result.action} {result.domain} "
                    f"{result.title} {'、'.join(result.changed)}".rstrip()
                )
        style = self.style.SUCCESS if report.ok else self.style.WARNING
        self.stdout.write(style(report.summary()))
        if not report.ok:
            raise CommandError(
                _("%(failed)s rows could not be imported; see the errors above.")
                % {"failed": report.failed},
                returncode=EXIT_ROWS_FAILED,
            )

    def _user(self, username):
        if not username:
            return None
        model = get_user_model()
        try:
            return model._default_manager.get_by_natural_key(username)
        except model.DoesNotExist:
            raise CommandError(
                _("There is no user “%(user)s”.") % {"user": username}, returncode=EXIT_ABORTED
            ) from None
