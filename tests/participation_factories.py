"""factory_boy factories for the public participation app (gov_disclosure.participation)."""

import datetime

import factory
from wagtail.models import Page

from gov_disclosure.participation.models import (
    MeetingIndexPage,
    MeetingPage,
    MeetingTopic,
    Representative,
    SolicitationIndexPage,
    SolicitationPage,
)

from .factories import AgencyFactory, PageFactory

D = datetime.date


class ClusterPageFactory(PageFactory):
    """Creates the page with its inline children (``children={"relation": [dict, …]}``)."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, children=None, parent=None, publish=True, **kwargs):
        page = model_class(*args, **kwargs)
        for relation, items in (children or {}).items():
            child_model = page._meta.get_field(relation).related_model
            setattr(
                page,
                relation,
                [child_model(sort_order=n, **item) for n, item in enumerate(items)],
            )
        page.live = publish
        parent = parent or Page.objects.get(depth=2)
        parent.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
            page.refresh_from_db()
        return page


class MeetingIndexPageFactory(PageFactory):
    class Meta:
        model = MeetingIndexPage

    title = "公众参与会议"
    slug = factory.Sequence(lambda n: f"gzcy-{n}")


class SolicitationIndexPageFactory(PageFactory):
    class Meta:
        model = SolicitationIndexPage

    title = "意见征集"
    slug = factory.Sequence(lambda n: f"yjzj-{n}")


class MeetingPageFactory(ClusterPageFactory):
    class Meta:
        model = MeetingPage

    title = factory.Sequence(lambda n: f"县政府第{n + 1}次常务会议")
    slug = factory.Sequence(lambda n: f"cwhy-{n}")
    agency = factory.SubFactory(AgencyFactory)
    meeting_date = D(2026, 3, 12)
    meeting_number = factory.Sequence(lambda n: f"县政府第{n + 1}次常务会议")


class SolicitationPageFactory(ClusterPageFactory):
    class Meta:
        model = SolicitationPage

    title = factory.Sequence(
        lambda n: f"关于《示范县第{n}项管理办法（征求意见稿）》公开征求意见的公告"
    )
    slug = factory.Sequence(lambda n: f"zqyj-{n}")
    agency = factory.SubFactory(AgencyFactory)
    notice = "<p>为广泛听取社会各界意见，现将征求意见稿全文公布，欢迎提出意见建议。</p>"
    draft_text = "<p>第一条 为了规范管理，制定本办法。</p>"
    opens_on = D(2026, 3, 1)
    closes_on = D(2026, 3, 30)


def representative(name="张某某", **fields):
    return {
        "name": name,
        "unit": "示范县城关街道",
        "position": "居民代表",
        "category": "citizen",
        "opinion": "建议增加老旧小区停车位。",
        "adoption": "adopted",
        "reason": "",
        **fields,
    }


__all__ = ["MeetingTopic", "Representative", "representative"]
