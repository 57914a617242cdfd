"""Checks of the files the public may attach to a comment: by content, not by name."""

from gov_disclosure.validators import validate_file

from .app_settings import app_settings

COMMENT_FILE_TYPES = ("pdf", "docx", "doc", "jpg", "jpeg", "png")


def validate_comment_file(file):
    validate_file(file, COMMENT_FILE_TYPES, app_settings.COMMENT_ATTACHMENT_MAX_BYTES)
