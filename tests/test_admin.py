"""The admin screens of the core app, used in Chinese by the product's groups."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from gov_disclosure.groups import DISCLOSURE_OFFICE, EDITORS, REVIEWERS, group_name
from gov_disclosure.models import Agency, ThemeCategory, WorkdayOverride

from .factories import AgencyFactory, ThemeCategoryFactory

pytestmark = pytest.mark.django_db

AGENCY_ADD = "wagtailsnippets_gov_disclosure_agency:add"
AGENCY_LIST = "wagtailsnippets_gov_disclosure_agency:list"
CATEGORY_LIST = "wagtailsnippets_gov_disclosure_themecategory:list"
OVERRIDE_ADD = "wagtailsnippets_gov_disclosure_workdayoverride:add"


def agency_form(**overrides):
    data = {
        "name": "示范县生态环境局",
        "short_name": "县生态环境局",
        "credit_code": "9111 0000 6000 3734 1L",
        "parent": "",
        "address": "示范县环保路8号",
        "phone": "0531-87654321",
        "office_hours": "工作日 9:00—17:00",
        "sort_order": "0",
    }
    data.update(overrides)
    return data


class TestGroups:
    def test_product_groups_exist_after_migrate(self):
        for role in (EDITORS, REVIEWERS, DISCLOSURE_OFFICE):
            assert Group.objects.filter(name=group_name(role)).exists()

    def test_creating_groups_again_changes_nothing(self):
        from gov_disclosure.groups import create_product_groups

        office = Group.objects.get(name=group_name(DISCLOSURE_OFFICE))
        office.permissions.clear()  # an administrator's choice must survive
        create_product_groups()
        assert Group.objects.filter(name=group_name(DISCLOSURE_OFFICE)).count() == 1
        assert office.permissions.count() == 0

    def test_roles(self, editor, disclosure_officer):
        assert editor.has_perm("wagtailadmin.access_admin")
        assert editor.has_perm("gov_disclosure.view_agency")
        assert not editor.has_perm("gov_disclosure.add_agency")
        assert disclosure_officer.has_perm("gov_disclosure.add_agency")
        assert disclosure_officer.has_perm("gov_disclosure.add_workdayoverride")


class TestAgencyAdmin:
    def test_listing_is_in_chinese(self, client, superuser):
        AgencyFactory(name="示范县教育局")
        client.force_login(superuser)
        response = client.get(reverse(AGENCY_LIST))
        html = response.content.decode()
        assert response.status_code == 200
        assert "示范县教育局" in html
        assert "发布机构" in html
        assert "统一社会信用代码" in html

    def test_the_disclosure_office_adds_an_agency(self, client, disclosure_officer):
        client.force_login(disclosure_officer)
        response = client.post(reverse(AGENCY_ADD), agency_form())
        assert response.status_code == 302, response.content.decode()[:2000]
        agency = Agency.objects.get(name="示范县生态环境局")
        assert agency.credit_code == "91110000600037341L"
        assert agency.revisions.count() == 1

    def test_a_bad_credit_code_is_explained_in_chinese_and_nothing_is_saved(
        self, client, disclosure_officer
    ):
        client.force_login(disclosure_officer)
        response = client.post(reverse(AGENCY_ADD), agency_form(credit_code="91110000600037341M"))
        assert response.status_code == 200
        assert "校验位" in response.content.decode()
        assert not Agency.objects.filter(name="示范县生态环境局").exists()

    def test_a_bad_phone_is_explained(self, client, disclosure_officer):
        client.force_login(disclosure_officer)
        response = client.post(reverse(AGENCY_ADD), agency_form(phone="请拨打总机"))
        assert response.status_code == 200
        assert "电话号码" in response.content.decode()

    def test_editors_cannot_add_agencies(self, client, editor):
        client.force_login(editor)
        response = client.get(reverse(AGENCY_ADD))
        assert response.status_code in (302, 403)
        response = client.post(reverse(AGENCY_ADD), agency_form())
        assert not Agency.objects.exists()


class TestThemeCategoryAdmin:
    def test_listing_reads_as_a_tree(self, client, superuser):
        general = ThemeCategoryFactory(name="综合政务", sort_order=1)
        ThemeCategoryFactory(name="政务公开", parent=general)
        ThemeCategoryFactory(name="国民经济管理", sort_order=2)
        client.force_login(superuser)
        html = client.get(reverse(CATEGORY_LIST)).content.decode()
        assert "主题分类" in html
        assert html.index("综合政务") < html.index("└ 政务公开") < html.index("国民经济管理")

    def test_a_cycle_is_refused_with_a_message(self, client, superuser):
        general = ThemeCategoryFactory(name="综合政务")
        child = ThemeCategoryFactory(name="政务公开", parent=general)
        client.force_login(superuser)
        url = reverse("wagtailsnippets_gov_disclosure_themecategory:edit", args=[general.pk])
        response = client.post(
            url,
            {
                "name": "综合政务",
                "parent": child.pk,
                "code": "",
                "description": "",
                "sort_order": 0,
            },
        )
        assert response.status_code == 200
        general.refresh_from_db()
        assert general.parent is None
        assert ThemeCategory.objects.count() == 2


class TestWorkdayOverrideAdmin:
    def test_add_override(self, client, disclosure_officer):
        client.force_login(disclosure_officer)
        response = client.post(
            reverse(OVERRIDE_ADD),
            {"date": "2027-02-08", "kind": "holiday", "name": "春节", "note": ""},
        )
        assert response.status_code == 302
        assert WorkdayOverride.objects.get().name == "春节"

    def test_duplicate_date_is_refused(self, client, disclosure_officer):
        WorkdayOverride.objects.create(date=datetime.date(2027, 2, 8), kind="holiday")
        client.force_login(disclosure_officer)
        response = client.post(
            reverse(OVERRIDE_ADD), {"date": "2027-02-08", "kind": "workday", "name": "", "note": ""}
        )
        assert response.status_code == 200
        assert WorkdayOverride.objects.get().kind == "holiday"


class TestPermissionsOfAppsAddedLater:
    def test_existing_groups_get_a_new_apps_permissions_once(self):
        from types import SimpleNamespace

        from django.contrib.auth.models import Permission

        from gov_disclosure.groups import grant_permissions_of_new_apps

        office = Group.objects.get(name=group_name(DISCLOSURE_OFFICE))
        permission = Permission.objects.get(
            content_type__app_label="gov_disclosure_documents", codename="add_cleanupbatch"
        )
        office.permissions.remove(permission)  # as if the app had just been added
        initial = SimpleNamespace(app_label="gov_disclosure_documents", initial=True)
        later = SimpleNamespace(app_label="gov_disclosure_documents", initial=False)
        grant_permissions_of_new_apps(plan=[(later, False)])
        assert not office.permissions.filter(pk=permission.pk).exists()
        grant_permissions_of_new_apps(plan=[(initial, False)])
        assert office.permissions.filter(pk=permission.pk).exists()

    def test_roles_can_see_validity_history(self, editor, disclosure_officer):
        assert editor.has_perm("gov_disclosure_documents.view_validitychange")
        assert disclosure_officer.has_perm("gov_disclosure_documents.add_cleanupbatch")
        assert not editor.has_perm("gov_disclosure_documents.add_cleanupbatch")
