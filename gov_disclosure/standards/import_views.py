"""Admin screens to import and export a catalogue as XLSX (being written)."""

urlpatterns = []
