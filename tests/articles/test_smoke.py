from tests.factories import make_article


def test_published_story_page_shows_headline(client, db):
    article = make_article(title="A headline to find")
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "A headline to find" in response.content.decode()
