from django.core.management.base import BaseCommand
from tqdm import tqdm

from articles.models import Article
from articles.search import rebuild_index


class Command(BaseCommand):
    help = (
        "Rebuild every story's search document. Saves through the admin, the "
        "workflow and seed_demo keep it current; run this once after upgrading, "
        "or after changing stories behind their back (a shell, an import script)."
    )

    def handle(self, *args, verbosity, **options):
        with tqdm(
            total=Article.objects.count(),
            desc="Search index",
            unit="story",
            disable=verbosity == 0,
        ) as bar:
            count = rebuild_index(progress=bar.update)
        noun = "story" if count == 1 else "stories"
        self.stdout.write(f"Search documents rebuilt: {count:,} {noun}.")
