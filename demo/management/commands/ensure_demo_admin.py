import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from articles.models import Author
from articles.roles import ADMINISTRATOR, CONTRIBUTOR, EDITOR

# One account per role, so a local demo can try the whole workflow.
DEMO_ACCOUNTS = [
    ("admin", ADMINISTRATOR),
    ("editor", EDITOR),
    ("contributor", CONTRIBUTOR),
]
# The contributor writes under a demo byline, so their stories have one.
CONTRIBUTOR_BYLINE = "rafiq-anwar"


class Command(BaseCommand):
    help = (
        "Create local demo accounts (an administrator, an editor and a contributor) "
        "with generated passwords (DEBUG only)."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "ensure_demo_admin is for local demos and runs only with DEBUG=true. "
                "In production use `manage.py createsuperuser`."
            )
        password_file = settings.VAR_DIR / "demo-admin.txt"
        User = get_user_model()
        if User.objects.filter(username=DEMO_ACCOUNTS[0][0]).exists():
            self.stdout.write(
                f"Demo accounts already exist; their passwords are in {password_file}."
            )
            return
        lines = []
        for username, role in DEMO_ACCOUNTS:
            password = secrets.token_urlsafe(12)
            user = User.objects.create_user(
                username,
                f"{username}@example.com",
                password,
                is_staff=True,
                is_superuser=role == ADMINISTRATOR,
            )
            user.groups.add(Group.objects.get(name=role))
            lines.append(f"{username} ({role}): {password}")
        Author.objects.filter(slug=CONTRIBUTOR_BYLINE, user=None).update(
            user=User.objects.get(username="contributor")
        )
        password_file.write_text("\n".join(lines) + "\n")
        password_file.chmod(0o600)
        self.stdout.write(
            self.style.SUCCESS(
                "Created demo accounts (user name (role): password), also saved in "
                f"{password_file}:\n  " + "\n  ".join(lines)
            )
        )
