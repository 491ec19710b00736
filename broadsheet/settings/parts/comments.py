"""Settings for comments (owned by that area; base.py imports it last). Defaults: comments/app_settings.py."""

import os

COMMENTS_ADAPTER = "broadsheet.newsroom.comments_adapter.NewsroomCommentsAdapter"
COMMENTS_MAX_LENGTH = 250
# New commenters wait for a moderator until this many of their comments were approved (0 switches it off).
COMMENTS_TRUSTED_AFTER = int(os.environ.get("COMMENTS_TRUSTED_AFTER", "1"))
COMMENTS_RATE_LIMIT_USER = os.environ.get("COMMENTS_RATE_LIMIT_USER", "5/60")
COMMENTS_RATE_LIMIT_IP = os.environ.get("COMMENTS_RATE_LIMIT_IP", "30/60")
COMMENTS_DUPLICATE_WINDOW = 600
