"""The coverage report of the standard catalogue (being written)."""

urlpatterns = []
report_menu_items = []
