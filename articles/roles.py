"""The newsroom's roles: groups of permissions, created by a migration.

Permissions say what a role may do with a kind of object; `workflow.py` adds
the rules that depend on the story (whose it is, whether it has been
published), checked on the server whatever the browser sends.
"""

CONTRIBUTOR = "Contributor"
EDITOR = "Editor"
ADMINISTRATOR = "Administrator"

# (app label, model) → the actions each role may take on that model.
_CONTENT_MODELS = [
    ("articles", "section"),
    ("articles", "author"),
    ("articles", "tag"),
    ("media", "image"),
]
# A story's byline and curated links are edited in its form: the story's own
# rules (`workflow.can_edit`) say whose; without these the inlines are hidden.
_STORY_PARTS = [
    ("articles", "articleauthor"),
    ("articles", "relatedlink"),
]
_ALL_ACTIONS = ("add", "change", "delete", "view")
_STORY_RECORDS = [
    ("articles", "previewlink"),
    ("articles", "correction"),
    ("articles", "internalnote"),
]

ROLE_PERMISSIONS = {
    CONTRIBUTOR: [
        ("articles", "add_article"),
        ("articles", "change_article"),
        ("articles", "delete_article"),
        ("articles", "view_article"),
        ("articles", "add_internalnote"),
        ("articles", "view_internalnote"),
        ("media", "add_image"),
        # Their own story's preview links, corrections and audit trail.
        ("articles", "view_previewlink"),
        ("articles", "view_correction"),
        ("articles", "view_auditentry"),
        *((app, f"view_{model}") for app, model in _CONTENT_MODELS),
        *(
            (app, f"{action}_{model}")
            for app, model in _STORY_PARTS
            for action in _ALL_ACTIONS
        ),
    ],
    EDITOR: [
        ("articles", "add_article"),
        ("articles", "change_article"),
        ("articles", "delete_article"),
        ("articles", "view_article"),
        ("articles", "publish_article"),
        ("articles", "view_auditentry"),
        *(
            (app, f"{action}_{model}")
            for app, model in _CONTENT_MODELS + _STORY_PARTS + _STORY_RECORDS
            for action in _ALL_ACTIONS
        ),
    ],
    # Administrators get every permission there is, users and roles included.
    ADMINISTRATOR: "__all__",
}


def ensure_roles(apps):
    """Create or refresh the role groups; safe to run again (a migration calls it)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, wanted in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        if wanted == "__all__":
            permissions = Permission.objects.all()
        else:
            permissions = [
                Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                )
                for app_label, codename in wanted
            ]
        group.permissions.set(permissions)
