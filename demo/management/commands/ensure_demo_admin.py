import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

DEMO_USERNAME = "admin"


class Command(BaseCommand):
    help = "Create a local demo administrator with a generated password (DEBUG only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "ensure_demo_admin is for local demos and runs only with DEBUG=true. "
                "In production use `manage.py createsuperuser`."
            )
        password_file = settings.VAR_DIR / "demo-admin.txt"
        User = get_user_model()
        if User.objects.filter(username=DEMO_USERNAME).exists():
            self.stdout.write(
                f"Demo administrator '{DEMO_USERNAME}' already exists; its password "
                f"is in {password_file}."
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(DEMO_USERNAME, "admin@example.com", password)
        password_file.write_text(f"{DEMO_USERNAME}\n{password}\n")
        password_file.chmod(0o600)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created demo administrator. User name: {DEMO_USERNAME}  "
                f"Password: {password}  (also saved in {password_file})"
            )
        )
