"""Drive the story admin as a browser would: open a form, post it, read the messages."""

from dataclasses import dataclass

from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from articles import roles
from tests.factories import make_article, make_author, make_draft, make_user
from tests.soup import form_values, one, parse

STORIES = "/admin/articles/article/"
NEW_STORY = "/admin/articles/article/add/"


def logged_in(user=None):
    """Return a fresh client with its own session, logged in as `user` (or anonymous)."""
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def delete_story(client, article):
    """Confirm the story's delete page, as its "Yes, I'm sure" button does."""
    url = reverse("admin:articles_article_delete", args=[article.pk])
    return client.post(url, {"post": "yes"})


def step_url(article, step):
    """The address of a story's workflow page: take_down, add_correction, add_preview."""
    return reverse(f"admin:articles_article_{step}", args=[article.pk])


def open_form(client, article):
    """Open the story's change form and return what its Save button would send."""
    response = client.get(change_url(article))
    assert response.status_code == 200, response.status_code
    return form_values(one(parse(response), "form#article_form"))


def post_form(client, article, data, *, button="_save", **changes):
    """Post `data` (from `open_form`) back with `changes` and the named button pressed."""
    data = {**data, **{field: [value] for field, value in changes.items()}}
    data[button] = ["Pressed"]
    return client.post(change_url(article), data)


def new_story_form(**fields):
    """A complete add-story POST: the story's fields and every inline's management form."""
    data = {
        "title": "",
        "slug": "",
        "standfirst": "",
        "body": "",
        "section": "",
        "hero_image": "",
        "tags": "",
        "publish_at_0": "",
        "publish_at_1": "",
        "expires_at_0": "",
        "expires_at_1": "",
        "_save": "Save",
    }
    for prefix in ("article_authors", "related_links", "internal_notes"):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(fields)
    return data


def run_action(client, action, articles, **extra):
    """Run a list action from the story changelist on `articles`."""
    return client.post(
        STORIES,
        {
            "action": action,
            "_selected_action": [article.pk for article in articles],
            "index": "0",
            "select_across": "0",
            **extra,
        },
    )


def messages_of(response):
    """Return the (level tag, text) of each message the request left for the user."""
    return [
        (message.level_tag, str(message))
        for message in get_messages(response.wsgi_request)
    ]


def errors_of(response):
    return [text for level, text in messages_of(response) if level == "error"]


@dataclass
class Desk:
    """A newsroom: a story's writer, a colleague, an editor, an administrator."""

    writer: object
    colleague: object
    editor: object
    administrator: object
    no_role: object
    author: object

    def actor(self, role):
        """The user acting as `role`; "own" and "others" are contributors."""
        return {
            "anonymous": None,
            "own": self.writer,
            "others": self.colleague,
            "editor": self.editor,
            "administrator": self.administrator,
            "no_role": self.no_role,
        }[role]

    def draft(self):
        """A draft by the writer that passes every publish check."""
        return make_draft(created_by=self.writer, authors=[self.author])

    def live(self):
        """A live story the writer created."""
        return make_article(created_by=self.writer, authors=[self.author])

    def form(self, article):
        """The story's change form as someone allowed everything would send it."""
        return open_form(logged_in(self.administrator), article)


def make_desk():
    return Desk(
        writer=make_user(roles.CONTRIBUTOR),
        colleague=make_user(roles.CONTRIBUTOR),
        editor=make_user(roles.EDITOR),
        administrator=make_user(roles.ADMINISTRATOR),
        no_role=make_user(),
        author=make_author(),
    )
