"""`manage.py update_search_index` rebuilds what edits behind the admin's back left stale."""

from io import StringIO

import pytest
from django.core.management import call_command

from articles import search
from articles.models import Article
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def found(query):
    return [story.title for story in search.search(search.parse(query))]


def test_the_command_rebuilds_documents_changed_without_indexing(clock):
    story = make_article(title="Harbour cranes")
    # A shell or an import script: the row changes, the index does not know.
    Article.objects.filter(pk=story.pk).update(title="Gantry cranes")
    assert found("gantry") == []

    out = StringIO()
    call_command("update_search_index", verbosity=0, stdout=out)

    assert found("gantry") == ["Gantry cranes"]
    assert found("harbour") == []
    assert "rebuilt: 1 story." in out.getvalue()
