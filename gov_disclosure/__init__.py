"""Reusable Wagtail apps for Chinese government information disclosure portals (政务公开)."""

__version__ = "0.1.0"
