from django.core.management.base import BaseCommand
from tqdm import tqdm

from articles.models import Article
from articles.related import rank_similar_of_each


class Command(BaseCommand):
    help = (
        "Rank the related stories of every published story again. A story's "
        "ranking is kept when it changes, with those of the stories it is most "
        "like; run this on a schedule (hourly or nightly) so older stories meet "
        "newer ones, and once after upgrading."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--unranked",
            action="store_true",
            help="Only stories never ranked (loaded in bulk, or older than this "
            "feature).",
        )
        parser.add_argument(
            "--newest",
            type=int,
            metavar="N",
            help="Only the newest N stories.",
        )

    def handle(self, *args, unranked, newest, verbosity, **options):
        stories = Article.objects.filter(status=Article.Status.PUBLISHED)
        if unranked:
            stories = stories.filter(similar_story_ids__isnull=True)
        stories = stories.newest_first().values_list("pk", flat=True)
        if newest is not None:
            stories = stories[:newest]
        ids = list(stories)
        with tqdm(
            total=len(ids), desc="Related", unit="story", disable=verbosity == 0
        ) as bar:
            rank_similar_of_each(ids, progress=bar.update)
        noun = "story" if len(ids) == 1 else "stories"
        self.stdout.write(f"Ranked the related stories of {len(ids):,} {noun}.")
