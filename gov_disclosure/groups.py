"""The user groups the product defines: editors, reviewers and the disclosure office.

Created after ``migrate`` (unless ``GOV_DISCLOSURE_CREATE_GROUPS`` is False) with the
permissions each role needs. A group that already exists is left as the administrator set it.
Domain apps add their own permissions with ``extend_group_permissions``.
"""

from django.contrib.auth.models import Group, Permission
from django.db import DEFAULT_DB_ALIAS

from .app_settings import app_settings

EDITORS = "editors"
REVIEWERS = "reviewers"
DISCLOSURE_OFFICE = "disclosure_office"

# role -> (permission codenames "app_label.codename", page permission types on the root page)
_ROLE_PERMISSIONS = {
    EDITORS: (
        {
            "wagtailadmin.access_admin",
            "gov_disclosure.view_agency",
            "gov_disclosure.view_themecategory",
            "wagtaildocs.add_document",
            "wagtaildocs.choose_document",
            "wagtailimages.add_image",
            "wagtailimages.choose_image",
        },
        ("add", "change"),
    ),
    REVIEWERS: (
        {
            "wagtailadmin.access_admin",
            "gov_disclosure.view_agency",
            "gov_disclosure.view_themecategory",
            "wagtaildocs.choose_document",
            "wagtailimages.choose_image",
        },
        ("add", "change", "publish"),
    ),
    DISCLOSURE_OFFICE: (
        {
            "wagtailadmin.access_admin",
            "gov_disclosure.add_agency",
            "gov_disclosure.change_agency",
            "gov_disclosure.view_agency",
            "gov_disclosure.add_themecategory",
            "gov_disclosure.change_themecategory",
            "gov_disclosure.view_themecategory",
            "gov_disclosure.add_workdayoverride",
            "gov_disclosure.change_workdayoverride",
            "gov_disclosure.delete_workdayoverride",
            "gov_disclosure.view_workdayoverride",
            "wagtaildocs.add_document",
            "wagtaildocs.choose_document",
            "wagtailimages.add_image",
            "wagtailimages.choose_image",
        },
        ("add", "change", "publish"),
    ),
}


def group_name(role: str) -> str:
    return {
        EDITORS: app_settings.EDITORS_GROUP,
        REVIEWERS: app_settings.REVIEWERS_GROUP,
        DISCLOSURE_OFFICE: app_settings.DISCLOSURE_OFFICE_GROUP,
    }[role]


def get_group(role: str) -> Group:
    return Group.objects.get(name=group_name(role))


def extend_group_permissions(role: str, permissions: set[str]) -> None:
    """Let a domain app give one of the product's roles more model permissions."""
    _ROLE_PERMISSIONS[role][0].update(permissions)


def _permissions(codes, using):
    wanted = {tuple(code.split(".", 1)) for code in codes}
    found = list(
        Permission.objects.using(using)
        .filter(content_type__app_label__in={app for app, _ in wanted})
        .select_related("content_type")
    )
    return [p for p in found if (p.content_type.app_label, p.codename) in wanted]


def grant_permissions_of_new_apps(plan=None, using=DEFAULT_DB_ALIAS, **kwargs):
    """When a domain app is migrated for the first time, give the existing groups its permissions.

    A site that adds, say, ``gov_disclosure.documents`` a year after installing the core app
    already has the groups; they get the new app's permissions once, when its first migration
    runs. Later changes an administrator makes to the groups are never undone.
    """
    if not app_settings.CREATE_GROUPS or not plan:
        return
    new_apps = {
        migration.app_label
        for migration, backwards in plan
        if not backwards and migration.initial and migration.app_label.startswith("gov_disclosure_")
    }
    if not new_apps:
        return
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    for app_config in apps.get_app_configs():
        if app_config.label in new_apps:
            create_contenttypes(app_config, verbosity=0, using=using)
            create_permissions(app_config, verbosity=0, using=using)
    for role, (codes, _page_permissions) in _ROLE_PERMISSIONS.items():
        group = Group.objects.using(using).filter(name=group_name(role)).first()
        if group is None:
            continue
        wanted = [code for code in codes if code.split(".", 1)[0] in new_apps]
        group.permissions.add(*_permissions(wanted, using))


def create_product_groups(using=DEFAULT_DB_ALIAS, **kwargs):
    """Create the product's groups if missing; safe to call any number of times."""
    if not app_settings.CREATE_GROUPS:
        return
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    # Permissions of apps migrated in the same run may not exist yet; create them first.
    for app_config in apps.get_app_configs():
        create_contenttypes(app_config, verbosity=0, using=using)
        create_permissions(app_config, verbosity=0, using=using)

    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    for role, (codes, page_permission_types) in _ROLE_PERMISSIONS.items():
        group, created = Group.objects.using(using).get_or_create(name=group_name(role))
        if not created:
            continue
        permissions = _permissions(codes, using)
        group.permissions.add(
            *[
                p
                for p in permissions
                if p.content_type.app_label != "wagtaildocs"
                and p.content_type.app_label != "wagtailimages"
            ]
        )
        if root_collection is not None:
            for permission in permissions:
                if permission.content_type.app_label in ("wagtaildocs", "wagtailimages"):
                    GroupCollectionPermission.objects.using(using).get_or_create(
                        group=group, collection=root_collection, permission=permission
                    )
        if root_page is not None:
            for permission_type in page_permission_types:
                GroupPagePermission.objects.using(using).get_or_create(
                    group=group,
                    page=root_page,
                    permission=Permission.objects.using(using).get(
                        content_type__app_label="wagtailcore", codename=f"{permission_type}_page"
                    ),
                )
