"""Corrections come out as schema.org CorrectionComments, ready for the page's JSON-LD."""

import pytest

from articles import workflow
from articles.structured_data import corrections_schema
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_each_note_becomes_a_correction_comment_in_order(clock, admin_user):
    story = make_article()
    workflow.add_correction(story, by=admin_user, kind="correction", text="Date fixed.")
    clock.advance(hours=1)
    workflow.add_correction(story, by=admin_user, kind="update", text="Toll rose.")

    assert corrections_schema(story.corrections.all()) == [
        {
            "@type": "CorrectionComment",
            "text": "Correction: Date fixed.",
            "datePublished": "2026-03-16T09:30:00+00:00",
        },
        {
            "@type": "CorrectionComment",
            "text": "Update: Toll rose.",
            "datePublished": "2026-03-16T10:30:00+00:00",
        },
    ]


def test_a_story_without_notes_has_no_correction(clock):
    assert corrections_schema(make_article().corrections.all()) == []
