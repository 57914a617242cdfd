"""What the generated sections of the disclosure guide show (公开指南).

``guide_context(page, request)`` reads, in a fixed number of queries: the guide's agency and its
subordinate units, the online application pages chosen in the body (only the public ones are
offered), and the site's disclosure catalogue page. Nothing is copied into the page, so a change
to an agency record shows on the guide at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from gov_disclosure.app_settings import app_settings
from gov_disclosure.models import Agency
from gov_disclosure.registry import registry

from .dcatalogue import catalogue_kinds, site_scope

# The Regulations on Government Information Disclosure (2019), Art. 33, and the fee measures of
# 国办函〔2020〕109号. The applications app's settings are used when it is installed, so the guide
# states the same limits the office's clock runs on.
STATUTORY = {
    "APPLICATION_REPLY_DAYS": 20,
    "APPLICATION_MAX_EXTENSION_DAYS": 20,
    "APPLICATION_FEE_FREE_PER_MONTH": 10,
    "APPLICATION_FEE_BASE_LIMIT": 30,
    "APPLICATION_FEE_BASE_YUAN": 100,
    "APPLICATION_FEE_BAND_SIZE": 10,
    "APPLICATION_FEE_STEP_YUAN": 100,
}


def _setting(name):
    return getattr(app_settings, name, STATUTORY[name])


# What an application must contain (Regulations 2019, Art. 29).
APPLICATION_CONTENTS = (
    _("the applicant's name, proof of identity and contact details;"),
    _(
        "the name or document number of the information requested, or another description "
        "that lets the agency find it;"
    ),
    _(
        "the form in which the information is wanted, including how it is to be provided "
        "(e.g. on paper, by e-mail, collected in person)."
    ),
)


@dataclass(frozen=True)
class Kind:
    """A kind of proactively disclosed information and where to find it."""

    kind: str
    label: str
    url: str | None


@dataclass
class Guide:
    agency: Agency | None
    units: list[Agency] = field(default_factory=list)
    kinds: list[Kind] = field(default_factory=list)
    catalogue_url: str | None = None
    form_pages: dict = field(default_factory=dict)  # page id → public URL
    reply_days: int = 20
    extension_days: int = 20
    fee_statement: str = ""
    fee_free_per_month: int = 10
    fee_base_limit: int = 30
    fee_base_yuan: int = 100
    fee_band_size: int = 10
    fee_step_yuan: int = 100
    application_contents: tuple = APPLICATION_CONTENTS

    @property
    def fee_first_charged(self):
        return self.fee_free_per_month + 1

    @property
    def fee_next_band_start(self):
        return self.fee_base_limit + 1

    def form_url(self, page):
        """The public URL of a chosen application page, or None if it is not public."""
        return self.form_pages.get(page.pk) if page is not None else None


def _chosen_form_page_ids(page):
    ids = set()
    for block in page.body:
        if block.block_type == "application" and block.value.get("form_page") is not None:
            ids.add(block.value["form_page"].pk)
    return ids


def guide_context(page, request):
    """The facts the guide's generated sections show."""
    from .models import DisclosureCataloguePage

    block_types = {block.block_type for block in page.body}
    agency, units = None, []
    if page.agency_id:
        # The agency and its units in one query.
        wanted = Q(pk=page.agency_id)
        if "contacts" in block_types:
            wanted |= Q(parent_id=page.agency_id)
        for record in Agency.objects.filter(wanted).order_by("sort_order", "name"):
            if record.pk == page.agency_id:
                agency = record
            else:
                units.append(record)
    guide = Guide(
        agency=agency,
        units=units,
        reply_days=_setting("APPLICATION_REPLY_DAYS"),
        extension_days=_setting("APPLICATION_MAX_EXTENSION_DAYS"),
        fee_statement=app_settings.GUIDE_FEE_STATEMENT.strip(),
        fee_free_per_month=_setting("APPLICATION_FEE_FREE_PER_MONTH"),
        fee_base_limit=_setting("APPLICATION_FEE_BASE_LIMIT"),
        fee_base_yuan=_setting("APPLICATION_FEE_BASE_YUAN"),
        fee_band_size=_setting("APPLICATION_FEE_BAND_SIZE"),
        fee_step_yuan=_setting("APPLICATION_FEE_STEP_YUAN"),
    )

    ids = _chosen_form_page_ids(page)
    scope = site_scope(page, request) if ids or "proactive" in block_types else None
    if "proactive" in block_types:
        catalogue = (
            DisclosureCataloguePage.objects.live()
            .exclude(scope.private_q)
            .filter(url_path__startswith=scope.root_path, locale_id=page.locale_id)
            .order_by("path")
            .first()
        )
        guide.catalogue_url = catalogue.get_url(request=request) if catalogue else None
        guide.kinds = [
            Kind(
                entry.kind,
                entry.label,
                f"{guide.catalogue_url}?kind={entry.kind}" if guide.catalogue_url else None,
            )
            for entry in catalogue_kinds()
        ]

    if ids:
        public = registry.exclude_undisclosed(
            Page.objects.filter(pk__in=ids).live().exclude(scope.private_q)
        )
        guide.form_pages = {p.pk: p.get_url(request=request) for p in public}
    return guide
