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
        *((app, f"view_{model}") for app, model in _CONTENT_MODELS),
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
            for app, model in _CONTENT_MODELS + _STORY_RECORDS
            for action in ("add", "change", "delete", "view")
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
