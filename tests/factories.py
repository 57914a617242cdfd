"""factory_boy factories for the core models and pages."""

import datetime

import factory
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page

from gov_disclosure.groups import get_group
from gov_disclosure.models import (
    Agency,
    DisclosureArticlePage,
    DisclosurePortalPage,
    ThemeCategory,
    WorkdayOverride,
)


def default_locale():
    return Locale.get_default()


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.gov.cn")
    password = factory.django.Password("correct horse battery staple")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for role in extracted or ():
            self.groups.add(get_group(role))


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"示范区第{n}局")
    short_name = factory.Sequence(lambda n: f"第{n}局")
    locale = factory.LazyFunction(default_locale)


class ThemeCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ThemeCategory

    name = factory.Sequence(lambda n: f"主题{n}")
    locale = factory.LazyFunction(default_locale)


class WorkdayOverrideFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkdayOverride

    date = datetime.date(2027, 2, 6)
    kind = WorkdayOverride.Kind.HOLIDAY
    name = "春节"


class PageFactory(factory.Factory):
    """Builds an unsaved page; ``create`` adds it under ``parent`` and publishes it."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"页面{n}")
    slug = factory.Sequence(lambda n: f"page-{n}")

    @classmethod
    def _create(cls, model_class, *args, parent=None, publish=True, **kwargs):
        page = model_class(*args, **kwargs)
        page.live = publish
        parent = parent or Page.objects.get(depth=2)
        parent.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
            page.refresh_from_db()
        return page


class PortalPageFactory(PageFactory):
    class Meta:
        model = DisclosurePortalPage

    title = "政府信息公开"
    slug = factory.Sequence(lambda n: f"xxgk-{n}")


class ArticlePageFactory(PageFactory):
    class Meta:
        model = DisclosureArticlePage

    title = factory.Sequence(lambda n: f"关于做好第{n}项工作的通知")
    slug = factory.Sequence(lambda n: f"notice-{n}")
    summary = "示范区政府办公室就相关工作作出部署。"
    publication_date = datetime.date(2026, 3, 2)
