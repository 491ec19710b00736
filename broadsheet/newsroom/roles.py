"""The newsroom's roles and its desk workflow, made by migration 0007_roles_desk and kept by the demo.

- Reporters add articles in the news sections and edit their own; they submit them to the desk and
  cannot publish.
- Editors (the desk) add, edit, publish, schedule, lock and unlock any page (the homepage included).
- Comment moderators belong to the comments app (comments migration 0007_roles_...): no page rights.
- Wagtail's own "Moderators" group, which gave page publishing to everyone in it, is left with no rights.

Every function takes `apps` so the data migration (historical models) and the running site
(django.apps) share this one definition.
"""

from django.conf import settings

EDITORS = "Editors"
REPORTERS = "Reporters"
WAGTAIL_MODERATORS = "Moderators"
WORKFLOW = "Desk approval"
TASK = "Desk review"
STEPLEN = 4  # Wagtail's page tree: four characters of path per level

PAGE_RIGHTS = {
    EDITORS: ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
    # "add" alone: create pages under the section and edit the ones they own; never others' or publish.
    REPORTERS: ("add_page",),
}
IMAGE_RIGHTS = {EDITORS: ("add", "change", "choose"), REPORTERS: ("add", "choose")}
MODEL_RIGHTS = {
    EDITORS: [
        ("wagtailadmin", "access_admin"),
        ("newsroom", "add_author"),
        ("newsroom", "change_author"),
        ("newsroom", "view_author"),
    ],
    REPORTERS: [("wagtailadmin", "access_admin"), ("newsroom", "view_author")],
}


def _permission(apps, app_label, codename):
    return apps.get_model("auth", "Permission").objects.get(
        content_type__app_label=app_label, codename=codename
    )


def roles_ensure(apps):
    """Create or repair the Editors and Reporters groups, strip Wagtail's Moderators of page rights, and
    put the "Desk approval" workflow on the whole tree. Safe to run again."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = Page.objects.filter(depth=1).first()
    collection = apps.get_model("wagtailcore", "Collection").objects.filter(depth=1).first()
    image_label, image_model = settings.WAGTAILIMAGES_IMAGE_MODEL.lower().split(".")
    groups = {}
    for name in (EDITORS, REPORTERS):
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.add(*(_permission(apps, app, code) for app, code in MODEL_RIGHTS[name]))
        if collection is not None:
            # A custom image model has "choose" only when its Meta declares it; the rest always exist.
            codenames = [f"{action}_{image_model}" for action in IMAGE_RIGHTS[name]]
            for permission in Permission.objects.filter(
                content_type__app_label=image_label, codename__in=codenames
            ):
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=collection, permission=permission
                )
    if root is not None:
        for codename in PAGE_RIGHTS[EDITORS]:
            GroupPagePermission.objects.get_or_create(
                group=groups[EDITORS],
                page=root,
                permission=_permission(apps, "wagtailcore", codename),
            )
    for section in _news_sections(apps):
        reporters_grant(apps, section_id=section.pk)
    moderators = Group.objects.filter(name=WAGTAIL_MODERATORS).first()
    if moderators is not None:
        GroupPagePermission.objects.filter(group=moderators).delete()
        GroupCollectionPermission.objects.filter(group=moderators).delete()
        # Comment moderation (comments.moderate) is the comments app's to move (its migration 0007_roles_...).
        moderators.permissions.remove(
            *moderators.permissions.exclude(content_type__app_label="comments")
        )
    if root is not None:
        _desk_workflow(apps, root=root, editors=groups[EDITORS])


def section_created(sender, instance, created=False, raw=False, **kwargs):
    """Signal handler: a new top-level section is open to Reporters, as the existing ones are."""
    from django.apps import apps

    if (
        created
        and not raw
        and instance.depth > 2
        and instance.get_parent().specific_class.__name__ == "HomePage"
    ):
        reporters_grant(apps, section_id=instance.pk)


def _news_sections(apps):
    """The top-level sections (children of a homepage): a grant there covers their subsections."""
    SectionPage = apps.get_model("newsroom", "SectionPage")
    homes = set(apps.get_model("newsroom", "HomePage").objects.values_list("path", flat=True))
    return [s for s in SectionPage.objects.filter(depth__gt=2) if s.path[:-STEPLEN] in homes]


def reporters_grant(apps, *, section_id):
    """Reporters may add articles under this section (and its subsections)."""
    group = apps.get_model("auth", "Group").objects.filter(name=REPORTERS).first()
    if group is None:  # removed by the newsroom on purpose: nobody reports
        return
    for codename in PAGE_RIGHTS[REPORTERS]:
        apps.get_model("wagtailcore", "GroupPagePermission").objects.get_or_create(
            group=group, page_id=section_id, permission=_permission(apps, "wagtailcore", codename)
        )


def _desk_workflow(apps, *, root, editors):
    """One task, approved by Editors, on the tree's root: every page a reporter submits goes to the desk.
    Wagtail's default "Moderators approval" (its group has no rights any more) is taken off the root."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        content_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(name=TASK, content_type=content_type, active=True)
    task.groups.add(editors)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    apps.get_model("wagtailcore", "WorkflowTask").objects.get_or_create(
        workflow=workflow, task_id=task.pk, defaults={"sort_order": 0}
    )
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
