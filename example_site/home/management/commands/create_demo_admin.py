"""Create or update the demo site's superuser and print how to sign in.

The password is generated once and kept in ``example_site/.demo_admin_password`` (ignored by
git), so running the command again prints the same password and changes nothing.
"""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

ADMIN_URL = "http://127.0.0.1:8000/admin/"
# No look-alike characters (0/O, 1/l/I), so the password can be typed from a screen.
PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
PASSWORD_LENGTH = 16

USER_NAME = gettext_noop("User name")
PASSWORD = gettext_noop("Password")
ADMIN_SITE = gettext_noop("Admin URL")
PASSWORD_FILE = gettext_noop("Password file")


def default_password_file():
    return Path(getattr(settings, "BASE_DIR", Path.cwd())) / ".demo_admin_password"


def in_chinese_and_english(message):
    """``message`` translated into Simplified Chinese and English, e.g. "用户名 / User name"."""
    with translation.override("zh-hans"):
        chinese = gettext(message)
    with translation.override("en"):
        english = gettext(message)
    return english if chinese == english else f"{chinese} / {english}"


class Command(BaseCommand):
    @property
    def help(self):
        return gettext(
            "Create or update the demo superuser and print its user name and password. The "
            "password is generated once and kept in a file, so running the command again changes "
            "nothing."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "--username", default="admin", help=gettext("User name (default: admin).")
        )
        parser.add_argument(
            "--password-file",
            type=Path,
            default=None,
            help=gettext(
                "File that keeps the generated password (default: .demo_admin_password beside "
                "manage.py)."
            ),
        )

    def handle(self, *args, username, password_file, **options):
        password_file = password_file or default_password_file()
        password = self.read_or_create_password(password_file)

        User = get_user_model()
        user = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
        if user is None:
            user = User(**{User.USERNAME_FIELD: username})
            status = gettext_noop("Created the demo administrator.")
        else:
            status = gettext_noop("The demo administrator is up to date.")
        changed = user.pk is None
        for flag in ("is_active", "is_staff", "is_superuser"):
            if not getattr(user, flag):
                setattr(user, flag, True)
                changed = True
        if not user.has_usable_password() or not user.check_password(password):
            user.set_password(password)
            changed = True
        if changed:
            if user.pk is not None:
                status = gettext_noop("Updated the demo administrator.")
            user.save()

        lines = [
            in_chinese_and_english(status),
            f"{in_chinese_and_english(USER_NAME)}: {username}",
            f"{in_chinese_and_english(PASSWORD)}: {password}",
            f"{in_chinese_and_english(ADMIN_SITE)}: {ADMIN_URL}",
            f"{in_chinese_and_english(PASSWORD_FILE)}: {password_file}",
        ]
        self.stdout.write(self.style.SUCCESS(lines[0]))
        for line in lines[1:]:
            self.stdout.write(line)

    def read_or_create_password(self, path):
        if path.exists():
            password = path.read_text(encoding="utf-8").strip()
            if password:
                return password
        password = "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_LENGTH))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(password + "\n", encoding="utf-8")
        return password
