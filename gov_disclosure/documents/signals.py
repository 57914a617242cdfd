from django.dispatch import receiver
from wagtail.signals import page_published

from .models import DocumentPage


@receiver(page_published, sender=DocumentPage)
def document_published(sender, instance, revision=None, **kwargs):
    from .services import apply_amendment, record_first_publication

    user = getattr(revision, "user", None)
    record_first_publication(instance, user=user)
    apply_amendment(instance, user=user)
