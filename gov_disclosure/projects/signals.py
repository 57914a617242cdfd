from django.dispatch import receiver
from wagtail.signals import page_published

from .models import ProjectPage


@receiver(page_published, sender=ProjectPage)
def project_published(sender, instance, **kwargs):
    from .services import record_publication

    record_publication(instance)
