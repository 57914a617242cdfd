"""Write a Traditional Chinese message catalogue from a Simplified Chinese one, with OpenCC.

``make messages`` runs it for the package's and the example site's catalogues; an agency can run
it for its own apps::

    python manage.py gov_disclosure_traditional_catalogue \\
        myapp/locale/zh_Hans/LC_MESSAGES/django.po myapp/locale/zh_Hant/LC_MESSAGES/django.po

Every translated message is converted; untranslated and fuzzy ones stay untranslated. A message
whose Traditional translation was corrected by hand keeps the correction when it carries the
translator comment ``manual`` (``# manual`` above the entry) and its msgid is unchanged.
"""

from pathlib import Path

import polib
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from gov_disclosure.machine_translators import VARIANTS, convert

MANUAL = "manual"


def traditional_catalogue(simplified: polib.POFile, config: str, kept=None) -> polib.POFile:
    """A new catalogue with ``simplified``'s messages converted with OpenCC's ``config``."""
    kept = {(e.msgctxt, e.msgid): e for e in (kept or []) if MANUAL in (e.tcomment or "")}
    result = polib.POFile(wrapwidth=simplified.wrapwidth)
    result.metadata = {**simplified.metadata, "Language": "zh_Hant"}
    for entry in simplified:
        if entry.obsolete:
            continue
        manual = kept.get((entry.msgctxt, entry.msgid))
        if manual is not None:
            result.append(manual)
            continue
        translated = entry.translated() and "fuzzy" not in entry.flags
        result.append(
            polib.POEntry(
                msgctxt=entry.msgctxt,
                msgid=entry.msgid,
                msgid_plural=entry.msgid_plural,
                msgstr=convert(entry.msgstr, config) if translated else "",
                msgstr_plural={
                    index: convert(text, config) if translated else ""
                    for index, text in entry.msgstr_plural.items()
                },
                occurrences=entry.occurrences,
                flags=[flag for flag in entry.flags if flag != "fuzzy"],
                comment=entry.comment,
            )
        )
    return result


class Command(BaseCommand):
    help = "Write a zh_Hant .po (and .mo) file from a zh_Hans .po file, converted with OpenCC."

    def add_arguments(self, parser):
        parser.add_argument("source", help="The Simplified Chinese .po file.")
        parser.add_argument("target", help="The Traditional Chinese .po file to write.")
        parser.add_argument(
            "--variant",
            default="tw",
            choices=sorted(VARIANTS),
            help="Which Traditional characters: tw (Taiwan, the default), hk, standard, "
            "tw_phrases.",
        )

    def handle(self, *args, source, target, variant="tw", **options):
        source, target = Path(source), Path(target)
        try:
            simplified = polib.pofile(str(source))
        except (OSError, ValueError) as error:
            raise CommandError(
                _("Cannot read the catalogue %(path)s: %(error)s")
                % {"path": source, "error": error}
            ) from None
        kept = polib.pofile(str(target)) if target.exists() else None
        catalogue = traditional_catalogue(simplified, VARIANTS[variant], kept)
        target.parent.mkdir(parents=True, exist_ok=True)
        catalogue.save(str(target))
        catalogue.save_as_mofile(str(target.with_suffix(".mo")))
        self.stdout.write(
            _("%(count)d messages written to %(path)s.")
            % {"count": len(catalogue.translated_entries()), "path": target}
        )
