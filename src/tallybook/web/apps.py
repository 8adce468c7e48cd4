from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "tallybook.web"
    label = "web"
    verbose_name = "tallybook web"
    default_auto_field = "django.db.models.BigAutoField"
