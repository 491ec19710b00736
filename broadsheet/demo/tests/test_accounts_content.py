import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from broadsheet.demo import accounts_content

pytestmark = pytest.mark.django_db


def test_demo_people_are_made_once_and_the_login_printed(settings, tmp_path, monkeypatch):
    settings.DATA_DIR = tmp_path
    monkeypatch.delenv("DEMO_MODERATOR_PASSWORD", raising=False)
    lines = []
    readers, moderator = accounts_content.load(home=None, out=lines.append)
    accounts_content.load(home=None, out=lines.append)
    assert (
        get_user_model().objects.filter(username__startswith="demo-").count() == len(readers) == 3
    )
    assert list(moderator.groups.values_list("name", flat=True)) == ["Comment moderators"]
    password = (tmp_path / "demo-moderator-password").read_text().strip()
    assert moderator.check_password(password)
    assert any(f"username: moderator  password: {password}" in line for line in lines)


def test_missing_comment_moderators_group_is_reported_not_fatal(settings, tmp_path, monkeypatch):
    settings.DATA_DIR = tmp_path
    monkeypatch.setenv("DEMO_MODERATOR_PASSWORD", "from-env")
    Group.objects.filter(name="Comment moderators").delete()
    lines = []
    _readers, moderator = accounts_content.load(home=None, out=lines.append)
    assert moderator.check_password("from-env")
    assert any("no Comment moderators group" in line for line in lines)
