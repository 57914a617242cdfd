"""Export a standard catalogue as an Excel workbook in the national layout."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from gov_disclosure.standards.spreadsheet import export_catalogue

from .gov_disclosure_import_catalogue import find_catalogue


class Command(BaseCommand):
    help = (
        "Export a standard catalogue as an Excel workbook (.xlsx), one sheet per domain, in the "
        "layout the import reads."
    )

    def add_arguments(self, parser):
        parser.add_argument("output", help="The file to write, e.g. catalogue.xlsx.")
        parser.add_argument(
            "--catalogue", required=True, help="The catalogue to export: its id or name."
        )

    def handle(self, *args, output, catalogue, **options):
        catalogue = find_catalogue(catalogue)
        path = Path(output)
        try:
            with path.open("wb") as handle:
                export_catalogue(catalogue, handle)
        except OSError as error:
            raise CommandError(
                _("Cannot write %(file)s: %(error)s")
                % {"file": path, "error": error.strerror or error}
            ) from None
        if options["verbosity"] >= 1:
            self.stdout.write(
                _("Catalogue “%(catalogue)s” written to %(file)s (%(count)s items).")
                % {
                    "catalogue": catalogue,
                    "file": path,
                    "count": catalogue.items.filter(domain__hidden=False).count(),
                }
            )
