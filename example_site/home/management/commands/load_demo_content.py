"""Build the demo disclosure portal of the fictional 示范县人民政府.

Safe to run any number of times: every record is found by a stable key (credit code, category
name and parent, page slug, document title) and written only when it differs from the demo
data, so a second run adds no rows and no page revisions. Validity changes are recorded once:
publishing a policy document for the first time records its validity (the page_published
signal), and a repeal is skipped when the document already has one. The major construction
projects are compared with their lifecycle records and photos, and published again only when
one of them differs.

The public participation pages take their dates from the day the demo is loaded (see
``home.demo_participation``): a second run in the same half of the month changes nothing, a
later one moves the dates. The comments sent on the drafts are found by their receipt numbers.
The requests for disclosure on application (``home.demo_applications``) take theirs from the
same day and are found by their tracking numbers: a new request is recorded step by step, as
the office did, so that its history reads like one; a later run changes a request in one step.

The annual report (``home.demo_reports``) is 示范县人民政府's report for the year before, its
figures generated from the documents and requests just loaded, as the admin's "generate the
figures" action does; it is published again only when its text or figures differ.
"""

import hashlib
from collections import Counter
from contextlib import contextmanager

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, ReferenceIndex, Site
from wagtail.search import index
from wagtail.search.signal_handlers import post_save_signal_handler as update_search_index
from wagtail.signal_handlers import disable_reference_index_auto_update

from gov_disclosure.applications import clock as application_clock
from gov_disclosure.applications.models import ApplicationPage, Consultation, InformationRequest
from gov_disclosure.applications.models.requests import hash_secret
from gov_disclosure.documents.models import (
    DocumentLibraryPage,
    DocumentPage,
    InterpretationPage,
    ValidDocumentsCataloguePage,
    Validity,
    ValidityChange,
)
from gov_disclosure.documents.services import change_validity
from gov_disclosure.models import (
    Agency,
    DisclosureArticlePage,
    DisclosurePortalPage,
    ThemeCategory,
)
from gov_disclosure.participation import services as participation_services
from gov_disclosure.participation.models import (
    Comment,
    CommentDecision,
    MeetingIndexPage,
    MeetingPage,
    MeetingTopic,
    Representative,
    SolicitationAttachment,
    SolicitationIndexPage,
    SolicitationPage,
)
from gov_disclosure.projects.lifecycle import ORDER
from gov_disclosure.projects.models import (
    LifecycleRecord,
    ProjectIndexPage,
    ProjectPage,
    ProjectPhoto,
    ProjectType,
)
from gov_disclosure.reports import checks as report_checks
from gov_disclosure.reports import figures as report_figures
from gov_disclosure.reports.models import AnnualReportIndexPage, AnnualReportPage
from gov_disclosure.standards.models import (
    Catalogue,
    CatalogueItem,
    CatalogueItemLink,
    CatalogueScope,
    DisclosureCataloguePage,
    DisclosureGuidePage,
    StandardDomain,
    StandardsTopicPage,
)
from home import (
    demo_applications,
    demo_documents,
    demo_participation,
    demo_projects,
    demo_reports,
    demo_standards,
)
from home import demo_content as demo

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
# Child objects of pages (ParentalKey) that the demo sets as a whole list.
CHILD_RELATIONS = ("records", "photos", "topics", "representatives", "attachments")


def _without_ids(value):
    """Stream data with the block ids removed, so that equal content compares equal."""
    if isinstance(value, dict):
        return {k: _without_ids(v) for k, v in value.items() if k != "id"}
    if isinstance(value, list):
        return [_without_ids(v) for v in value]
    return value


def _stream_content(stream_value):
    return _without_ids(
        [
            {"type": child.block_type, "value": child.block.get_prep_value(child.value)}
            for child in stream_value
        ]
    )


def _child_content(objects):
    """The field values of child objects (their id, parent and position aside), in order."""
    rows = []
    for obj in objects:
        row = {}
        for field in obj._meta.concrete_fields:
            if field.primary_key or field.name in ("page", "sort_order"):
                continue
            value = field.value_from_object(obj)
            if isinstance(field, StreamField):
                value = _stream_content(value)
            row[field.attname] = value
        rows.append(row)
    return rows


def _number_children(objects):
    """Give inline children their position, so that their order holds on every database
    (PostgreSQL puts the rows without one last, SQLite first)."""
    for position, child in enumerate(objects):
        if hasattr(child, "sort_order"):
            child.sort_order = position


@contextmanager
def indexed_once(models):
    """Update the search and reference indexes once for each page of ``models`` saved inside.

    Creating and publishing a page saves it three times, and each save would index it again;
    for a few hundred documents that is most of the loading time.
    """
    saved = {model: set() for model in models}

    def remember(sender, instance, raw=False, **kwargs):
        if not raw:
            saved[sender].add(instance.pk)

    searched = [m for m in models if post_save.disconnect(update_search_index, sender=m)]
    for model in models:
        post_save.connect(remember, sender=model, weak=False)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.disconnect(remember, sender=model)
        for model in searched:
            post_save.connect(update_search_index, sender=model)
    for model, pks in saved.items():
        # Fresh from the database: validity changes are saved with queryset updates.
        for instance in model.objects.filter(pk__in=pks):
            if model in searched:
                index.insert_or_update_object(instance)
            ReferenceIndex.create_or_update_for_object(instance)


class Command(BaseCommand):
    @property
    def help(self):
        return _(
            "Load the demo portal of the fictional 示范县人民政府: agencies, theme categories, the "
            "disclosure portal, its articles and the policy document library. Running it again "
            "changes nothing."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "--documents",
            type=int,
            default=demo_documents.DEFAULT_DOCUMENTS,
            metavar="N",
            help=_(
                "How many policy documents to load into the document library (default: "
                "%(count)d). A smaller number loads the first of the same documents."
            )
            % {"count": demo_documents.DEFAULT_DOCUMENTS},
        )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        self.counts = Counter()
        if options["documents"] < 0:
            raise CommandError(_("The number of documents cannot be negative."))
        with transaction.atomic():
            locale = Locale.get_default()
            self.load_locales()
            agencies = self.load_agencies(locale)
            categories = self.load_categories(locale)
            home = self.load_site()
            portal = self.load_portal(home, agencies)
            documents = self.load_documents()
            self.load_articles(portal, agencies, categories, documents)
            library = self.load_library(portal)
            self.load_policy_documents(library, agencies, categories, options["documents"])
            projects = self.load_projects(portal, agencies, categories, locale)
            meetings, solicitations = self.load_participation(portal, agencies, categories)
            applications = self.load_applications(portal, agencies)
            reports = self.load_reports(portal, agencies, categories)
            topic = self.load_standards(portal, agencies, categories, applications)
        if self.verbosity < 1:
            return
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Demo content is ready: %(created)d created, %(updated)d updated, "
                    "%(unchanged)d unchanged."
                )
                % {
                    "created": self.counts[CREATED],
                    "updated": self.counts[UPDATED],
                    "unchanged": self.counts[UNCHANGED],
                }
            )
        )
        self.stdout.write(_("Disclosure portal: %(url)s") % {"url": portal.url})
        self.stdout.write(
            _(
                "Policy documents: %(url)s (%(documents)d documents, %(interpretations)d "
                "interpretations)"
            )
            % {
                "url": library.url,
                "documents": DocumentPage.objects.child_of(library).count(),
                "interpretations": InterpretationPage.objects.child_of(library).count(),
            }
        )
        self.stdout.write(
            _("Major construction projects: %(url)s (%(count)d projects)")
            % {"url": projects.url, "count": ProjectPage.objects.child_of(projects).count()}
        )
        self.stdout.write(
            _("Meetings with public representatives: %(url)s (%(count)d meetings)")
            % {"url": meetings.url, "count": MeetingPage.objects.child_of(meetings).count()}
        )
        self.stdout.write(
            _("Comment solicitations: %(url)s (%(count)d solicitations, %(comments)d comments)")
            % {
                "url": solicitations.url,
                "count": SolicitationPage.objects.child_of(solicitations).count(),
                "comments": Comment.objects.filter(
                    solicitation__in=SolicitationPage.objects.child_of(solicitations)
                ).count(),
            }
        )
        self.stdout.write(
            _("Disclosure on application: %(url)s (%(count)d requests)")
            % {"url": applications.url, "count": InformationRequest.objects.count()}
        )
        self.stdout.write(
            _("Annual reports: %(url)s (%(count)d reports)")
            % {"url": reports.url, "count": AnnualReportPage.objects.child_of(reports).count()}
        )
        self.stdout.write(
            _("Standardized disclosure topic: %(url)s (%(count)d catalogue items)")
            % {"url": topic.url, "count": CatalogueItem.objects.count()}
        )

    # The standardized-disclosure topic

    def load_standards(self, portal, agencies, categories, applications):
        spec = demo_standards
        county = self.sync(
            Catalogue,
            {"name": spec.CATALOGUE["name"]},
            {
                "scope": CatalogueScope.COUNTY,
                "agency_id": agencies[spec.CATALOGUE["agency"]].pk,
                "parent_id": None,
            },
        )
        # The domains come with the app's migration; an administrator may have renamed some.
        domains = {}
        for name, _items in spec.DOMAINS:
            domains[name] = self.sync(StandardDomain, {"name": name}, {}, many=True)
        county_items = {}
        for name, items in spec.DOMAINS:
            for position, values in enumerate(items, start=1):
                values = dict(values)
                attach, rule = values.pop("attach"), values.pop("rule")
                values.update(
                    number=str(position),
                    sort_order=position,
                    rule_theme_category_id=categories[rule].pk if rule else None,
                )
                lookup = {
                    "catalogue": county,
                    "domain": domains[name],
                    "level1": values.pop("level1"),
                    "level2": values.pop("level2"),
                }
                item = self.sync(CatalogueItem, lookup, values, many=True)
                self.set_item_links(item, attach, portal)
                county_items[lookup["level1"], lookup["level2"]] = item
        village = self.sync(
            Catalogue,
            {"name": spec.VILLAGE_CATALOGUE["name"]},
            {
                "scope": CatalogueScope.VILLAGE,
                "agency_id": agencies[spec.VILLAGE_CATALOGUE["agency"]].pk,
                "parent_id": county.pk,
            },
        )
        for position, (name, level1, level2, county_key) in enumerate(spec.VILLAGE_ITEMS, 1):
            county_item = county_items[county_key]
            self.sync(
                CatalogueItem,
                {"catalogue": village, "domain": domains[name], "level1": level1, "level2": level2},
                {
                    "number": str(position),
                    "sort_order": position,
                    "county_item_id": county_item.pk,
                    **{
                        field: getattr(county_item, field)
                        for field in ("content", "legal_basis", "time_limit", "audience")
                    },
                    "responsible_body": "东关社区居民委员会",
                    "channels": spec.VILLAGE_CHANNELS,
                    "method": "proactive",
                    "level_county": False,
                    "level_township": True,
                },
                many=True,
            )
        guide_body = []
        for block_type, value in spec.GUIDE["body"]:
            if block_type == "application":
                value = {**value, "form_page": applications.pk}
            guide_body.append({"type": block_type, "value": value})
        self.sync_page(
            portal,
            DisclosureGuidePage,
            spec.GUIDE["slug"],
            {
                "title": spec.GUIDE["title"],
                "intro": spec.GUIDE["intro"],
                "agency_id": agencies[spec.GUIDE["agency"]].pk,
                "body": guide_body,
                "show_in_menus": True,
            },
        )
        self.sync_page(
            portal,
            DisclosureCataloguePage,
            spec.CATALOGUE_PAGE["slug"],
            {
                "title": spec.CATALOGUE_PAGE["title"],
                "intro": spec.CATALOGUE_PAGE["intro"],
                "show_in_menus": True,
            },
        )
        return self.sync_page(
            portal,
            StandardsTopicPage,
            spec.TOPIC["slug"],
            {
                "title": spec.TOPIC["title"],
                "intro": spec.TOPIC["intro"],
                "catalogue_id": county.pk,
                "show_in_menus": True,
            },
        )

    def set_item_links(self, item, attach, portal):
        """Give ``item`` exactly the attached content of the demo (a page missing from the site
        is kept as a link to a deleted page, which the coverage report finds)."""
        wanted = []
        for link in attach:
            if "page" in link:
                page = Page.objects.descendant_of(portal).filter(slug=link["page"]).first()
                wanted.append(
                    {
                        "page_id": page.pk if page else None,
                        "page_title": page.title if page else link["title"],
                        "url": "",
                        "title": link["title"] if page else "",
                        "date": None,
                    }
                )
            else:
                wanted.append({"page_id": None, "page_title": "", **link})
        fields = ("page_id", "page_title", "url", "title", "date")
        existing = [
            {name: getattr(link, name) for name in fields}
            for link in item.links.order_by("sort_order", "pk")
        ]
        if existing == wanted:
            return
        item.links.all().delete()
        CatalogueItemLink.objects.bulk_create(
            CatalogueItemLink(item=item, sort_order=position, **values)
            for position, values in enumerate(wanted)
        )
        self.report(UPDATED, item, many=True)

    # Reporting

    def report(self, outcome, obj, many=False):
        """Count ``outcome``; name ``obj`` unless it is unchanged or one of ``many`` alike."""
        self.counts[outcome] += 1
        if self.verbosity >= (2 if outcome == UNCHANGED or many else 1):
            message = {
                CREATED: _("Created %(type)s “%(name)s”"),
                UPDATED: _("Updated %(type)s “%(name)s”"),
                UNCHANGED: _("Unchanged %(type)s “%(name)s”"),
            }[outcome]
            self.stdout.write(message % {"type": obj._meta.verbose_name, "name": obj})

    # Snippets and other plain models

    def sync(self, model, lookup, values, many=False):
        """Create the object matching ``lookup``, or update the fields in ``values`` that differ."""
        obj = model.objects.filter(**lookup).first()
        if obj is None:
            obj = model(**lookup, **values)
            outcome = CREATED
        else:
            changed = {name for name, value in values.items() if getattr(obj, name) != value}
            if not changed:
                self.report(UNCHANGED, obj, many)
                return obj
            for name in changed:
                setattr(obj, name, values[name])
            outcome = UPDATED
        obj.full_clean()
        obj.save()
        self.report(outcome, obj, many)
        return obj

    def load_locales(self):
        """The other content languages of the demo: 繁體中文 and English, for wagtail-localize."""
        for language_code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            self.sync(Locale, {"language_code": language_code}, {})

    def load_agencies(self, locale):
        agencies = {}
        for key, name, short, org_body, parent, address, phone, hours in demo.AGENCIES:
            agencies[key] = self.sync(
                Agency,
                {"credit_code": demo.credit_code(org_body), "locale": locale},
                {
                    "name": name,
                    "short_name": short,
                    "parent_id": agencies[parent].pk if parent else None,
                    "address": address,
                    "phone": phone,
                    "office_hours": hours,
                    "sort_order": len(agencies),
                },
            )
        return agencies

    def load_categories(self, locale):
        categories = {}
        for top_order, (top_name, children) in enumerate(demo.THEME_CATEGORIES, start=1):
            top = self.sync(
                ThemeCategory,
                {"name": top_name, "parent": None, "locale": locale},
                {"sort_order": top_order},
            )
            for order, child_name in enumerate(children, start=1):
                categories[top_name, child_name] = self.sync(
                    ThemeCategory,
                    {"name": child_name, "parent": top, "locale": locale},
                    {"sort_order": order},
                )
        return categories

    def load_documents(self, specs=None):
        Document = get_document_model()
        root = Collection.get_first_root_node()
        documents = {}
        for key, spec in (demo.DOCUMENTS if specs is None else specs).items():
            wanted_hash = hashlib.sha1(spec["content"]).hexdigest()
            document = Document.objects.filter(title=spec["title"], collection=root).first()
            if document is not None and document.file_hash == wanted_hash:
                self.report(UNCHANGED, document)
            else:
                outcome = CREATED if document is None else UPDATED
                document = document or Document(title=spec["title"], collection=root)
                document.file.save(spec["filename"], ContentFile(spec["content"]), save=False)
                document._set_document_file_metadata()
                document.save()
                self.report(outcome, document)
            documents[key] = document
        return documents

    # Site and pages

    def load_site(self):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise CommandError(_("There is no default site; run “manage.py migrate” first."))
        site_name = getattr(settings, "WAGTAIL_SITE_NAME", "") or demo.HOME_TITLE
        if site.site_name != site_name:
            site.site_name = site_name
            site.save(update_fields=["site_name"])
            self.report(UPDATED, site)
        else:
            self.report(UNCHANGED, site)
        home = site.root_page.specific
        wanted = {"title": demo.HOME_TITLE}
        if hasattr(home, "intro"):
            wanted["intro"] = demo.HOME_INTRO
        self.publish_if_changed(home, wanted)
        return home

    def publish_if_changed(self, page, values, created=False, many=False):
        """Set ``values`` on ``page`` and publish a revision if anything differs."""
        changed = created or not page.live or page.has_unpublished_changes
        for name, value in values.items():
            if name == "body":
                stream_block = page._meta.get_field("body").stream_block
                if _stream_content(page.body) != _stream_content(stream_block.to_python(value)):
                    page.body = value
                    changed = True
            elif name in CHILD_RELATIONS:
                _number_children(value)
                if _child_content(getattr(page, name).all()) != _child_content(value):
                    setattr(page, name, value)
                    changed = True
            elif getattr(page, name) != value:
                setattr(page, name, value)
                changed = True
        if "title" in values:
            page.draft_title = page.title
        if changed:
            # Publishing validates the page; validating the revision as well would only repeat it.
            page.save_revision(clean=False).publish()
            self.report(CREATED if created else UPDATED, page, many)
        else:
            self.report(UNCHANGED, page, many)
        return page

    def sync_page(self, parent, model, slug, values, children=None):
        """Create or update the child ``slug`` of ``parent``.

        ``children`` (slug → specific page), when given, saves a query per page; the pages
        are then reported only at verbosity 2, as one of many.
        """
        if children is None:
            existing = parent.get_children().filter(slug=slug).first()
        else:
            existing = children.get(slug)
        if existing is None:
            for name, value in values.items():
                if name in CHILD_RELATIONS:
                    _number_children(value)
            page = model(slug=slug, **values)
            parent.add_child(instance=page)
            return self.publish_if_changed(page, {}, created=True, many=children is not None)
        page = existing.specific
        if not isinstance(page, model):
            raise CommandError(
                _("The page at “%(url)s” is not a %(type)s; move it away and run again.")
                % {"url": existing.url_path, "type": model._meta.verbose_name}
            )
        return self.publish_if_changed(page, values, many=children is not None)

    def load_portal(self, home, agencies):
        return self.sync_page(
            home,
            DisclosurePortalPage,
            demo.PORTAL["slug"],
            {
                "title": demo.PORTAL["title"],
                "intro": demo.PORTAL["intro"],
                "agency_id": agencies[demo.PORTAL["agency"]].pk,
                "show_in_menus": True,
            },
        )

    def load_articles(self, portal, agencies, categories, documents):
        for spec in demo.ARTICLES:
            body = []
            for block_type, value in spec["body"]:
                if block_type == "facts":
                    value = [{"label": label, "value": text} for label, text in value]
                elif block_type == "attachment":
                    value = {"document": documents[value].pk, "title": ""}
                body.append({"type": block_type, "value": value})
            self.sync_page(
                portal,
                DisclosureArticlePage,
                spec["slug"],
                {
                    "title": spec["title"],
                    "summary": spec["summary"],
                    "body": body,
                    "agency_id": agencies[spec["agency"]].pk,
                    "theme_category_id": categories[spec["category"]].pk,
                    "publication_date": spec["date"],
                    "disclosure_attribute": spec.get("disclosure_attribute", "proactive"),
                    "disclosure_reason": spec.get("disclosure_reason", ""),
                },
            )

    # The policy document library

    def load_library(self, portal):
        library = self.sync_page(
            portal,
            DocumentLibraryPage,
            demo_documents.LIBRARY["slug"],
            {
                "title": demo_documents.LIBRARY["title"],
                "intro": demo_documents.LIBRARY["intro"],
                "show_in_menus": True,
            },
        )
        self.sync_page(
            library,
            ValidDocumentsCataloguePage,
            demo_documents.CATALOGUE["slug"],
            {
                "title": demo_documents.CATALOGUE["title"],
                "intro": demo_documents.CATALOGUE["intro"],
            },
        )
        return library

    def load_policy_documents(self, library, agencies, categories, count):
        with indexed_once([DocumentPage, InterpretationPage]):
            self._load_policy_documents(library, agencies, categories, count)

    def _load_policy_documents(self, library, agencies, categories, count):
        """Documents oldest first, so that a revision is published after what it revises."""
        specs = demo_documents.policy_documents(count)
        children = {page.slug: page for page in DocumentPage.objects.child_of(library)}
        pages = {}
        for spec in specs:
            revises = spec["supersedes"]
            pages[spec["slug"]] = self.sync_page(
                library,
                DocumentPage,
                spec["slug"],
                {
                    "title": spec["title"],
                    "caption": spec["caption"],
                    "document_type": spec["document_type"],
                    "document_number": spec["document_number"],
                    "registration_number": spec["registration_number"],
                    "agency_id": agencies[spec["agency"]].pk,
                    "theme_category_id": categories[spec["category"]].pk,
                    "date_written": spec["date_written"],
                    "publication_date": spec["publication_date"],
                    "effective_date": spec["effective_date"],
                    "expiry_date": spec["expiry_date"],
                    "supersedes_id": pages[revises].pk if revises else None,
                    "body": spec["body"],
                },
                children=children,
            )
        self.load_repeals(specs, pages)
        self.load_interpretations(library, specs, pages)

    def load_repeals(self, specs, pages):
        repeals = [spec for spec in specs if spec["repeal"]]
        ids = [pages[spec["slug"]].pk for spec in repeals]
        validity = dict(DocumentPage.objects.filter(pk__in=ids).values_list("pk", "validity"))
        repealed = set(
            ValidityChange.objects.filter(
                document_id__in=ids, to_validity=Validity.REPEALED
            ).values_list("document_id", flat=True)
        )
        for spec in repeals:
            document = pages[spec["slug"]]
            if document.pk in repealed:
                self.report(UNCHANGED, document, many=True)
                continue
            if validity[document.pk] not in (Validity.VALID, Validity.NOT_YET_EFFECTIVE):
                # Expired by itself (loaded long after the demo's dates) or changed by an editor.
                if self.verbosity >= 2:
                    self.stdout.write(
                        _("Not repealing “%(title)s”: it is no longer valid.")
                        % {"title": document.title}
                    )
                continue
            change_validity(
                document,
                Validity.REPEALED,
                changed_on=spec["repeal"]["date"],
                reason=spec["repeal"]["reason"],
            )
            self.report(UPDATED, document, many=True)

    def load_interpretations(self, library, specs, pages):
        children = {page.slug: page for page in InterpretationPage.objects.child_of(library)}
        for spec in specs:
            interpretation = spec["interpretation"]
            if interpretation is None:
                continue
            document = pages[spec["slug"]]
            self.sync_page(
                library,
                InterpretationPage,
                interpretation["slug"],
                {
                    "title": interpretation["title"],
                    "document_id": document.pk,
                    "interpretation_type": interpretation["interpretation_type"],
                    "summary": interpretation["summary"],
                    "body": interpretation["body"],
                    "agency_id": document.agency_id,
                    "theme_category_id": document.theme_category_id,
                    "publication_date": interpretation["publication_date"],
                },
                children=children,
            )

    # Major construction projects

    def load_projects(self, portal, agencies, categories, locale):
        index_page = self.sync_page(
            portal,
            ProjectIndexPage,
            demo_projects.INDEX["slug"],
            {
                "title": demo_projects.INDEX["title"],
                "intro": demo_projects.INDEX["intro"],
                "show_in_menus": True,
            },
        )
        # The types come with the app's migration; an editor may have deleted some.
        types = {
            name: self.sync(ProjectType, {"name": name, "locale": locale}, {})
            for name in demo_projects.project_types()
        }
        images = self.load_project_images()
        with indexed_once([ProjectPage]):
            self._load_projects(index_page, agencies, categories, types, images)
        return index_page

    def _load_projects(self, index_page, agencies, categories, types, images):
        children = {page.slug: page for page in ProjectPage.objects.child_of(index_page)}
        for spec in demo_projects.PROJECTS:
            records = sorted(
                (self.child(LifecycleRecord, values) for values in spec["records"]),
                key=lambda record: record.event_date,
            )
            photos = [
                ProjectPhoto(
                    image=images[photo["image"]],
                    caption=photo["caption"],
                    taken_on=photo["taken_on"],
                )
                for photo in spec.get("photos", ())
            ]
            self.sync_page(
                index_page,
                ProjectPage,
                spec["slug"],
                {
                    "title": spec["title"],
                    "project_code": spec["project_code"],
                    "project_type_id": types[spec["project_type"]].pk,
                    "plan_year": spec["plan_year"],
                    "district": spec["district"],
                    "address": spec["address"],
                    "latitude": spec["latitude"],
                    "longitude": spec["longitude"],
                    "owner_unit": spec["owner_unit"],
                    "total_investment": spec["total_investment"],
                    "planned_start": spec["planned_start"],
                    "planned_completion": spec["planned_completion"],
                    "actual_start": spec.get("actual_start"),
                    "actual_completion": spec.get("actual_completion"),
                    "current_stage": spec["current_stage"],
                    "not_applicable_stages": sorted(spec["not_applicable_stages"], key=ORDER.get),
                    "summary": spec["summary"],
                    "agency_id": agencies[spec["agency"]].pk,
                    "theme_category_id": categories[spec["category"]].pk,
                    "publication_date": demo_projects.publication_date(spec),
                    "records": records,
                    "photos": photos,
                },
                children=children,
            )

    def child(self, model, values):
        """A child object as the admin would save it: cleaned, so it compares with the saved one."""
        obj = model(**values)
        obj.full_clean(exclude=["page"])
        return obj

    def load_project_images(self):
        Image = get_image_model()
        root = Collection.get_first_root_node()
        images = {}
        for key, spec in demo_projects.IMAGES.items():
            content = demo_projects.picture(spec["scene"])
            image = Image.objects.filter(title=spec["title"], collection=root).first()
            if image is not None and image.file_hash == hashlib.sha1(content).hexdigest():
                self.report(UNCHANGED, image)
            else:
                outcome = CREATED if image is None else UPDATED
                image = image or Image(title=spec["title"], collection=root)
                image.file.save(spec["filename"], ContentFile(content), save=False)
                image.width, image.height = demo_projects.PICTURE_SIZE
                image._set_image_file_metadata()
                image.save()
                self.report(outcome, image)
            images[key] = image
        return images

    # Public participation: meetings with public representatives and comment solicitations

    def load_participation(self, portal, agencies, categories):
        today = participation_services.today()
        meetings = self.sync_page(
            portal,
            MeetingIndexPage,
            demo_participation.MEETING_INDEX["slug"],
            {
                "title": demo_participation.MEETING_INDEX["title"],
                "intro": demo_participation.MEETING_INDEX["intro"],
                "show_in_menus": True,
            },
        )
        solicitations = self.sync_page(
            portal,
            SolicitationIndexPage,
            demo_participation.SOLICITATION_INDEX["slug"],
            {
                "title": demo_participation.SOLICITATION_INDEX["title"],
                "intro": demo_participation.SOLICITATION_INDEX["intro"],
                "show_in_menus": True,
            },
        )
        documents = self.load_documents(demo_participation.DOCUMENTS)
        with indexed_once([MeetingPage, SolicitationPage]):
            self._load_meetings(meetings, agencies, categories, today)
            self._load_solicitations(solicitations, agencies, categories, documents, today)
        return meetings, solicitations

    def _load_meetings(self, index_page, agencies, categories, today):
        children = {page.slug: page for page in MeetingPage.objects.child_of(index_page)}
        for spec in demo_participation.meetings(today):
            self.sync_page(
                index_page,
                MeetingPage,
                spec["slug"],
                {
                    "title": spec["title"],
                    "meeting_date": spec["meeting_date"],
                    "meeting_number": spec["meeting_number"],
                    "summary": spec["summary"],
                    "agency_id": agencies[spec["agency"]].pk,
                    "theme_category_id": categories[spec["category"]].pk,
                    "publication_date": spec["publication_date"],
                    "topics": [self.child(MeetingTopic, topic) for topic in spec["topics"]],
                    "representatives": [
                        self.child(Representative, person) for person in spec["representatives"]
                    ],
                },
                children=children,
            )

    def _load_solicitations(self, index_page, agencies, categories, documents, today):
        children = {page.slug: page for page in SolicitationPage.objects.child_of(index_page)}
        for spec in demo_participation.solicitations(today):
            page = self.sync_page(
                index_page,
                SolicitationPage,
                spec["slug"],
                {
                    "title": spec["title"],
                    "notice": spec["notice"],
                    "draft_text": spec["draft_text"],
                    "drafting_explanation": spec["drafting_explanation"],
                    "policy_basis": spec["policy_basis"],
                    "opens_on": spec["opens_on"],
                    "closes_on": spec["closes_on"],
                    "short_period_reason": spec["short_period_reason"],
                    "accepts_online": spec["accepts_online"],
                    "email": spec["email"],
                    "postal_address": spec["postal_address"],
                    "feedback_published": spec["feedback_published"],
                    "feedback_summary": spec["feedback_summary"],
                    "agency_id": agencies[spec["agency"]].pk,
                    "theme_category_id": categories[spec["category"]].pk,
                    "publication_date": spec["publication_date"],
                    "attachments": [
                        self.child(
                            SolicitationAttachment, {"title": title, "document": documents[key]}
                        )
                        for title, key in spec["attachments"]
                    ],
                },
                children=children,
            )
            for values in spec["comments"]:
                self.load_comment(page, values)

    def load_comment(self, solicitation, values):
        """A comment as the public form saves it, found by its receipt number.

        The form stamps the time of saving; the demo's comments were sent during the period, so
        their time is set afterwards (an update, like the office's, would keep it).
        """
        submitted_at = timezone.make_aware(values["submitted_at"])
        comment = self.sync(
            Comment,
            {"receipt_number": values["receipt_number"]},
            {
                "solicitation_id": solicitation.pk,
                "name": values["name"],
                "contact": values["contact"],
                "text": values["text"],
                "decision": values["decision"] or CommentDecision.PENDING,
                "reason": values["reason"],
                "submission_token": values["submission_token"],
                "submitted_at": submitted_at,
            },
            many=True,
        )
        if comment.submitted_at != submitted_at:  # just created
            Comment.objects.filter(pk=comment.pk).update(submitted_at=submitted_at)
            comment.submitted_at = submitted_at
        return comment

    # Disclosure on application: the public page and a year of requests

    def load_applications(self, portal, agencies):
        spec = demo_applications.PAGE
        page = self.sync_page(
            portal,
            ApplicationPage,
            spec["slug"],
            {
                "title": spec["title"],
                "intro": spec["intro"],
                "after_submission": spec["after_submission"],
                "agency_id": agencies[demo_applications.AGENCY].pk,
                "show_in_menus": True,
            },
        )
        # Loaded with the policy documents (unless --documents is very small).
        published = (
            DocumentPage.objects.descendant_of(portal)
            .filter(slug=demo_applications.PUBLISHED_DOCUMENT)
            .first()
        )
        secret_hash = hash_secret(demo_applications.DEMO_SECRET)
        for request in demo_applications.requests(application_clock.today()):
            self.load_request(request, agencies, published, secret_hash)
        return page

    def load_request(self, spec, agencies, published, secret_hash):
        """A request found by its tracking number: created step by step, or brought in line
        with the demo in one step."""

        def values(fields):
            fields = dict(fields)
            fields["agency_id"] = agencies[fields.pop("agency")].pk
            fields["published_page_id"] = (
                published.pk if fields.pop("published") and published else None
            )
            fields["submitted_at"] = timezone.make_aware(fields["submitted_at"])
            return fields

        number = spec["fields"]["tracking_number"]
        request = InformationRequest.objects.filter(tracking_number=number).first()
        if request is None:
            request = InformationRequest(secret_hash=secret_hash)
            consultations = []
            for when, fields, consulted in spec["steps"]:
                for name, value in values(fields).items():
                    setattr(request, name, value)
                if _consultation_values(consultations) != consulted:
                    self.set_consultations(request, consultations, consulted, when)
                request._history_date = timezone.make_aware(when)
                request.full_clean()
                request.save()  # the fees of the applicant's month too
            del request._history_date
            self.report(CREATED, request, many=True)
            return request

        wanted = values(spec["fields"])
        changed = {name for name, value in wanted.items() if getattr(request, name) != value}
        consultations = list(request.consultations.all())
        consultations_changed = _consultation_values(consultations) != spec["consultations"]
        if not changed and not consultations_changed:
            if request.secret_hash != secret_hash:  # another SECRET_KEY; not in the history
                InformationRequest.objects.filter(pk=request.pk).update(secret_hash=secret_hash)
                self.report(UPDATED, request, many=True)
            else:
                self.report(UNCHANGED, request, many=True)
            return request
        for name in changed:
            setattr(request, name, wanted[name])
        if consultations_changed:
            self.set_consultations(request, consultations, spec["consultations"])
        request.secret_hash = secret_hash
        request.full_clean()
        request.save()
        self.report(UPDATED, request, many=True)
        return request

    def set_consultations(self, request, consultations, wanted, when=None):
        """Bring ``consultations`` (changed in place) in line with ``wanted``, keeping the rows
        that are still there, and give them to ``request``."""
        del consultations[len(wanted) :]
        for position, values in enumerate(wanted):
            if position == len(consultations):
                consultations.append(Consultation())
            consultation = consultations[position]
            for name, value in values.items():
                setattr(consultation, name, value)
            consultation.sort_order = position
            if when is not None:
                consultation._history_date = timezone.make_aware(when)
            consultation.full_clean(exclude=["request"])
        request.consultations = list(consultations)

    # The annual report on government information disclosure

    def load_reports(self, portal, agencies, categories):
        index_page = self.sync_page(
            portal,
            AnnualReportIndexPage,
            demo_reports.INDEX["slug"],
            {
                "title": demo_reports.INDEX["title"],
                "intro": demo_reports.INDEX["intro"],
                "show_in_menus": True,
            },
        )
        # The day of the requests: the report's Table 3 counts them.
        today = application_clock.today()
        agency = agencies[demo_reports.AGENCY]
        figures = report_figures.generate(
            demo_reports.report_year(today), agency, demo_reports.entered()
        )
        problems = report_checks.check(figures)
        assert not problems, [(problem.cell, str(problem.message)) for problem in problems]
        spec = demo_reports.report(today, figures)
        existing = index_page.get_children().filter(slug=spec["slug"]).first()
        existing = existing.specific if existing is not None else None
        if isinstance(existing, AnnualReportPage) and existing.figures == figures:
            generated_at = existing.figures_generated_at  # the same figures: not generated again
        else:
            generated_at = timezone.now()
        self.sync_page(
            index_page,
            AnnualReportPage,
            spec["slug"],
            {
                "title": spec["title"],
                "year": spec["year"],
                "overview": spec["overview"],
                "proactive_text": spec["proactive_text"],
                "requests_text": spec["requests_text"],
                "review_text": spec["review_text"],
                "problems": spec["problems"],
                "other_matters": spec["other_matters"],
                "figures": figures,
                "figures_generated_at": generated_at,
                "agency_id": agency.pk,
                "theme_category_id": categories[spec["category"]].pk,
                "publication_date": spec["publication_date"],
            },
        )
        return index_page


def _consultation_values(consultations):
    return [
        {
            "kind": c.kind,
            "party": c.party,
            "sent_on": c.sent_on,
            "answered_on": c.answered_on,
            "note": c.note,
        }
        for c in consultations
    ]
