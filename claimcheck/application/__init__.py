"""Whole applications: claims (权利要求书), description (说明书) with its sections, abstract (说明书摘要), title."""

from claimcheck.application.model import Application, Description, Paragraph
from claimcheck.application.split import description_from_path, load_application, split_application

__all__ = ["Application", "Description", "Paragraph", "description_from_path", "load_application", "split_application"]
