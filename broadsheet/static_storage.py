"""Static files as whitenoise stores them (hashed names, compressed copies), each URL worked out once.

A page names about fifteen static files; Django's manifest storage turns each name into its hashed URL on
every `{% static %}` (manifest lookup, then FileSystemStorage.url's quoting and joining), a share of
an article's render worth keeping (bench/results.md). The manifest is read once per process and never
changes under it, so neither do the URLs: they are kept per name. With DEBUG on (or force=True) every
call asks the storage as before.
"""

from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls = {}

    def url(self, name, force=False):
        if force or settings.DEBUG:
            return super().url(name, force)
        found = self._urls.get(name)
        if found is None:
            found = self._urls[name] = super().url(
                name
            )  # a name missing from the manifest raises, kept nowhere
        return found
