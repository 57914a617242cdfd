"""The edit form of the annual report page. (The figures widget comes in a later step.)"""

from wagtail.admin.panels import FieldPanel, FieldRowPanel

from gov_disclosure.panels import disclosure_tabs

from .models import AnnualReportPage

AnnualReportPage.edit_handler = disclosure_tabs(
    (
        [
            FieldPanel("title"),
            FieldRowPanel([FieldPanel("year")]),
            FieldPanel("overview"),
            FieldPanel("proactive_text"),
            FieldPanel("requests_text"),
            FieldPanel("review_text"),
            FieldPanel("problems"),
            FieldPanel("other_matters"),
        ],
        AnnualReportPage._meta.verbose_name,
    ),
    ([FieldPanel("figures")], "Figures"),
)
