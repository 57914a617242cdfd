from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "gov_disclosure.participation"
    label = "gov_disclosure_participation"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Public participation")

    def ready(self):
        from gov_disclosure.groups import (
            DISCLOSURE_OFFICE,
            EDITORS,
            REVIEWERS,
            extend_group_permissions,
        )
        from gov_disclosure.registry import registry

        from . import app_settings  # noqa: F401  (settings)
        from .models import MeetingPage, SolicitationPage

        registry.register(
            MeetingPage,
            kind="meeting",
            label=_("Meetings with public representatives"),
            date_field="meeting_date",
            open_data="gov_disclosure.participation.opendata.Meetings",
        )
        registry.register(
            SolicitationPage,
            kind="solicitation",
            label=_("Comment solicitations"),
            date_field="opens_on",
            open_data="gov_disclosure.participation.opendata.Solicitations",
        )
        app = self.label
        for role in (EDITORS, REVIEWERS, DISCLOSURE_OFFICE):
            extend_group_permissions(role, {f"{app}.view_comment"})
        for role in (EDITORS, DISCLOSURE_OFFICE):
            extend_group_permissions(role, {f"{app}.change_comment"})
