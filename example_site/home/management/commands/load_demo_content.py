"""Build the demo disclosure portal of the fictional 示范县人民政府.

Safe to run any number of times: every record is found by a stable key (credit code, category
name and parent, page slug, document title) and written only when it differs from the demo
data, so a second run adds no rows and no page revisions.
"""

import hashlib
from collections import Counter

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Site

from gov_disclosure.models import (
    Agency,
    DisclosureArticlePage,
    DisclosurePortalPage,
    ThemeCategory,
)
from home import demo_content as demo

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


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


class Command(BaseCommand):
    @property
    def help(self):
        return _(
            "Load the demo portal of the fictional 示范县人民政府: agencies, theme categories, the "
            "disclosure portal and its articles. Running it again changes nothing."
        )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        self.counts = Counter()
        with transaction.atomic():
            locale = Locale.get_default()
            self.load_locales()
            agencies = self.load_agencies(locale)
            categories = self.load_categories(locale)
            home = self.load_site()
            portal = self.load_portal(home, agencies)
            documents = self.load_documents()
            self.load_articles(portal, agencies, categories, documents)
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

    # Reporting

    def report(self, outcome, obj):
        self.counts[outcome] += 1
        if self.verbosity >= (2 if outcome == UNCHANGED else 1):
            message = {
                CREATED: _("Created %(type)s “%(name)s”"),
                UPDATED: _("Updated %(type)s “%(name)s”"),
                UNCHANGED: _("Unchanged %(type)s “%(name)s”"),
            }[outcome]
            self.stdout.write(message % {"type": obj._meta.verbose_name, "name": obj})

    # Snippets and other plain models

    def sync(self, model, lookup, values):
        """Create the object matching ``lookup``, or update the fields in ``values`` that differ."""
        obj = model.objects.filter(**lookup).first()
        if obj is None:
            obj = model(**lookup, **values)
            outcome = CREATED
        else:
            changed = {name for name, value in values.items() if getattr(obj, name) != value}
            if not changed:
                self.report(UNCHANGED, obj)
                return obj
            for name in changed:
                setattr(obj, name, values[name])
            outcome = UPDATED
        obj.full_clean()
        obj.save()
        self.report(outcome, obj)
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

    def load_documents(self):
        Document = get_document_model()
        root = Collection.get_first_root_node()
        documents = {}
        for key, spec in demo.DOCUMENTS.items():
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

    def publish_if_changed(self, page, values, created=False):
        """Set ``values`` on ``page`` and publish a revision if anything differs."""
        changed = created or not page.live or page.has_unpublished_changes
        for name, value in values.items():
            if name == "body":
                stream_block = page._meta.get_field("body").stream_block
                if _stream_content(page.body) != _stream_content(stream_block.to_python(value)):
                    page.body = value
                    changed = True
            elif getattr(page, name) != value:
                setattr(page, name, value)
                changed = True
        if "title" in values:
            page.draft_title = page.title
        if changed:
            page.save_revision().publish()
            self.report(CREATED if created else UPDATED, page)
        else:
            self.report(UNCHANGED, page)
        return page

    def sync_page(self, parent, model, slug, values):
        existing = parent.get_children().filter(slug=slug).first()
        if existing is None:
            page = model(slug=slug, **values)
            parent.add_child(instance=page)
            return self.publish_if_changed(page, {}, created=True)
        page = existing.specific
        if not isinstance(page, model):
            raise CommandError(
                _("The page at “%(url)s” is not a %(type)s; move it away and run again.")
                % {"url": existing.url_path, "type": model._meta.verbose_name}
            )
        return self.publish_if_changed(page, values)

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
