"""Admin guards the page editor does not give by itself."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks


def _publish_refused(request, *, may_publish, back):
    """Wagtail quietly saves a draft when someone without publish rights posts "publish"; a reporter (or a
    hand-made request) is told instead, and nothing is saved."""
    if request.method == "POST" and request.POST.get("action-publish") and not may_publish:
        messages.error(request, _("You cannot publish this page. Submit it to the desk for approval instead."))
        return redirect(back)
    return None


@hooks.register("before_edit_page")
def refuse_publish_on_edit(request, page):
    return _publish_refused(request, may_publish=page.permissions_for_user(request.user).can_publish(), back=request.path)


@hooks.register("before_create_page")
def refuse_publish_on_create(request, parent_page, page_class):
    may_publish = parent_page.permissions_for_user(request.user).can_publish_subpage()
    return _publish_refused(request, may_publish=may_publish, back=request.path)
