from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.core.management.base import BaseCommand

from articles.roles import ROLE_PERMISSIONS, ensure_roles


class Command(BaseCommand):
    help = "Create or refresh the newsroom's role groups and their permissions."

    def handle(self, *args, verbosity, **options):
        for app_config in apps.get_app_configs():
            create_permissions(app_config, verbosity=0)
        ensure_roles(apps)
        if verbosity:
            self.stdout.write(f"Roles ready: {', '.join(ROLE_PERMISSIONS)}.")
