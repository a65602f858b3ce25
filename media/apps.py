from django.apps import AppConfig

from .decoding import close_shell_out_plugins


class MediaConfig(AppConfig):
    name = "media"
    verbose_name = "Image library"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # No upload, and no other caller in this process, may reach Ghostscript.
        close_shell_out_plugins()
