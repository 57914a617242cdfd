"""factory_boy factories for the major construction projects app (gov_disclosure.projects).

Projects live under a project index; ``create`` adds the page under ``parent`` and, unless
``publish=False``, publishes it. Pass ``records=[dict(...), ...]`` to give a project its lifecycle
records before it is saved, as an editor does in the admin.
"""

import datetime

import factory
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Page

from gov_disclosure.projects.lifecycle import Stage
from gov_disclosure.projects.models import (
    LifecycleRecord,
    ProjectIndexPage,
    ProjectPage,
    ProjectType,
)

from .factories import AgencyFactory, PageFactory, default_locale

D = datetime.date


class ProjectIndexPageFactory(PageFactory):
    class Meta:
        model = ProjectIndexPage

    title = "重大建设项目"
    slug = factory.Sequence(lambda n: f"zdxm-{n}")


class ProjectTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectType
        django_get_or_create = ("name", "locale")

    name = factory.Sequence(lambda n: f"类型{n}")
    locale = factory.LazyFunction(default_locale)


class ProjectPageFactory(PageFactory):
    """A project; pass ``parent`` (an index page) and optionally ``records``."""

    class Meta:
        model = ProjectPage

    title = factory.Sequence(lambda n: f"示范县第{n}号道路改造工程")
    slug = factory.Sequence(lambda n: f"xm-{n}")
    agency = factory.SubFactory(AgencyFactory)
    project_code = factory.Sequence(lambda n: f"2403-370322-04-01-{n + 100000:06d}")
    project_type = factory.SubFactory(ProjectTypeFactory, name="道路交通")
    district = "城关街道"
    owner_unit = "示范县交通运输局"
    total_investment = 12800
    planned_start = D(2025, 3, 1)
    planned_completion = D(2026, 12, 31)
    current_stage = Stage.CONSTRUCTION
    publication_date = D(2025, 1, 10)

    @classmethod
    def _create(cls, model_class, *args, records=(), parent=None, publish=True, **kwargs):
        page = model_class(*args, **kwargs)
        page.records = [LifecycleRecord(sort_order=n, **r) for n, r in enumerate(records)]
        page.live = publish
        parent = parent or Page.objects.get(depth=2)
        parent.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
            page.refresh_from_db()
        return page


def record(stage, day, title=None, **fields):
    """The fields of a lifecycle record, e.g. ``record(Stage.TENDERING, D(2025, 4, 1))``."""
    return {
        "stage": stage,
        "event_date": day,
        "title": title or f"{Stage(stage).label} {day:%Y-%m-%d}",
        **fields,
    }


def attachment(title, name="pifu.pdf", content=b"%PDF-1.4 test"):
    document = get_document_model().objects.create(title=title)
    document.file.save(name, ContentFile(content), save=True)
    return document
