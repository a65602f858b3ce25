from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from tqdm import tqdm

from articles.models import Article
from articles.related import rank_similar_of_each
from demo.seeding import RANKED_AT_SEED, add_synthetic_articles, seed_newsroom
from pagecache import content_changed

MAX_SYNTHETIC = 1_000_000


class Command(BaseCommand):
    help = (
        "Load the demo newsroom (safe to run again). With --articles N, also make sure "
        "N deterministic synthetic stories exist, for load and scale tests."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles",
            type=int,
            default=0,
            metavar="N",
            help="How many synthetic stories should exist (default: none).",
        )
        parser.add_argument(
            "--no-demo", action="store_true", help="Skip the hand-written demo stories."
        )

    def handle(self, *args, articles, no_demo, verbosity, **options):
        if not 0 <= articles <= MAX_SYNTHETIC:
            raise CommandError(f"--articles must be between 0 and {MAX_SYNTHETIC:,}.")
        if not no_demo:
            stories = seed_newsroom()
            self.stdout.write(f"Demo newsroom ready: {len(stories)} stories.")
        # Reader pages cached before the seeding must not hide what it added.
        content_changed("home")
        if articles:
            with tqdm(
                total=articles,
                desc="Synthetic stories",
                unit="story",
                disable=verbosity == 0,
            ) as bar:
                bar.update(0)
                inserted = add_synthetic_articles(articles, progress=bar.update)
            self.stdout.write(
                f"Synthetic stories: {inserted:,} added, {articles - inserted:,} already there."
            )
            if inserted and connection.vendor == "postgresql":
                # Ranking below is planned from the tables' statistics; taken
                # before the bulk load, they make it read the whole archive for
                # each story (1.7 s a story at 100,000; 0.05 s after ANALYZE).
                # Autovacuum would catch up, but not before the ranking starts.
                # SQLite is left alone: its ANALYZE trades one slow plan for
                # another (bench/analysis.md, finding 4).
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
        self.rank_related(
            demo=[] if no_demo else [story.pk for story in stories.values()],
            verbosity=verbosity,
        )

    def rank_related(self, *, demo, verbosity):
        # The newest public stories: scheduled ones, newest by publish time,
        # would otherwise fill the quota (about 1,000 of 100,000 synthetic ones).
        unranked = (
            Article.objects.published()
            .filter(similar_story_ids__isnull=True)
            .newest_first()
            .values_list("pk", flat=True)[:RANKED_AT_SEED]
        )
        # The demo stories may have changed since they were last ranked.
        ids = {*demo, *unranked}
        with tqdm(
            total=len(ids), desc="Related", unit="story", disable=verbosity == 0
        ) as bar:
            rank_similar_of_each(ids, progress=bar.update)
