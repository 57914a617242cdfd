"""The demo content loaded once for a test module, instead of once per test (seconds each).

The module's data lives in a transaction that is rolled back after the module; each test's own
transaction (pytest-django's ``db``) is a savepoint inside it, so what a test changes is undone
before the next test, as usual. A module that uses this must not use ``transactional_db`` or
``live_server``: their flush cannot run inside a transaction.
"""

import contextlib

import pytest
from django.core.management import call_command
from django.db import transaction

from gov_disclosure.applications import clock
from gov_disclosure.documents import services
from gov_disclosure.participation import services as participation_services

# The modules whose ``today()`` the demo's dates are computed from.
DATED_MODULES = (services, participation_services, clock)


def patch_today(patch, today):
    for module in DATED_MODULES:
        patch.setattr(module, "today", lambda: today)


@contextlib.contextmanager
def demo_loaded_once(django_db_blocker, today, **options):
    """Loads ``load_demo_content`` with ``options`` on ``today`` for the ``with`` block."""
    with django_db_blocker.unblock(), transaction.atomic():
        with pytest.MonkeyPatch.context() as patch:
            patch_today(patch, today)
            call_command("load_demo_content", verbosity=0, **options)
        yield
        transaction.set_rollback(True)
