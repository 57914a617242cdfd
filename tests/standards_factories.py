"""factory_boy factories for the standard catalogue app (gov_disclosure.standards).

The 26 domains exist already (shipped by migration); ``domain("社会救助")`` fetches one.
"""

import factory

from gov_disclosure.standards.models import (
    Catalogue,
    CatalogueItem,
    CatalogueItemLink,
    CatalogueScope,
    StandardDomain,
    StandardsTopicPage,
)

from .factories import PageFactory


def domain(name):
    return StandardDomain.objects.get(name=name)


class CatalogueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Catalogue

    name = factory.Sequence(lambda n: f"示范县基层政务公开标准目录{n}")
    scope = CatalogueScope.COUNTY


class CatalogueItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CatalogueItem

    catalogue = factory.SubFactory(CatalogueFactory)
    domain = factory.LazyFunction(lambda: StandardDomain.objects.get(name="社会救助"))
    number = factory.Sequence(lambda n: str(n + 1))
    level1 = "最低生活保障"
    level2 = factory.Sequence(lambda n: f"审核确认结果{n}")
    content = "保障对象的姓名（隐去身份证号）、所在村（社区）、保障人数、保障金额"
    legal_basis = "《社会救助暂行办法》《最低生活保障审核确认办法》"
    time_limit = "信息形成或变更之日起20个工作日内"
    responsible_body = "县民政局、乡镇人民政府"
    channels = "政府网站 公开栏 村（社区）公示栏"
    sort_order = factory.Sequence(lambda n: n)


class CatalogueItemLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CatalogueItemLink

    item = factory.SubFactory(CatalogueItemFactory)


class StandardsTopicPageFactory(PageFactory):
    class Meta:
        model = StandardsTopicPage

    title = "基层政务公开标准化规范化专题"
    slug = factory.Sequence(lambda n: f"bzh-{n}")
    catalogue = factory.SubFactory(CatalogueFactory)
