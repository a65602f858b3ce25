from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand
from django.db import transaction
from tqdm import tqdm

from media.models import Image


class Command(BaseCommand):
    help = (
        "Make every image's missing renditions (after a new size is added, or "
        "files were lost) and drop stale ones. Safe to run again: renditions "
        "already in storage are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Make every rendition again, even those already in storage.",
        )
        parser.add_argument(
            "--clean-originals",
            action="store_true",
            help="Also pass each original through the upload pipeline again: "
            "for images stored before it existed, whose originals may still "
            "carry metadata under the uploader's file name. Re-encodes them.",
        )

    def handle(self, *args, force, clean_originals, verbosity, **options):
        images = Image.objects.order_by("pk")
        failed = []
        with tqdm(
            total=images.count(),
            desc="Renditions",
            unit="image",
            disable=verbosity == 0,
        ) as bar:
            for image in images.iterator(chunk_size=100):
                try:
                    with transaction.atomic():
                        if clean_originals:
                            image.clean_original()
                        else:
                            image.regenerate_renditions(force=force)
                except (OSError, ValidationError) as error:
                    failed.append((image, error))
                bar.update(1)
        for image, error in failed:
            self.stderr.write(f"Image {image.pk} ({image}): {error}")
        self.stdout.write(
            f"Renditions ready for {images.count() - len(failed):,} images"
            + (f"; {len(failed):,} failed." if failed else ".")
        )
