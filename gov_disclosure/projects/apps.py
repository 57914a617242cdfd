from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "gov_disclosure.projects"
    label = "gov_disclosure_projects"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Major construction projects")

    def ready(self):
        from gov_disclosure.groups import (
            DISCLOSURE_OFFICE,
            EDITORS,
            REVIEWERS,
            extend_group_permissions,
        )
        from gov_disclosure.registry import registry

        from . import app_settings, signals  # noqa: F401  (settings and receivers)
        from .models import ProjectPage

        registry.register(
            ProjectPage,
            kind="project",
            label=_("Major construction projects"),
            date_field="publication_date",
            open_data="gov_disclosure.projects.opendata.Projects",
        )
        app = self.label
        for role in (EDITORS, REVIEWERS, DISCLOSURE_OFFICE):
            extend_group_permissions(role, {f"{app}.view_projecttype"})
        extend_group_permissions(
            DISCLOSURE_OFFICE,
            {f"{app}.add_projecttype", f"{app}.change_projecttype", f"{app}.delete_projecttype"},
        )
