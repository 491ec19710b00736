"""What the parts of one run share: the work folder, the processes, the prepared site, the ports."""

import os
import urllib.request

import broadsheet_app

_BASE = int(
    os.environ.get("BENCH_PORT_BASE", "8110")
)  # another base lets two benches share a machine
PORTS = {
    name: _BASE + i
    for i, name in enumerate(
        ("broadsheet", "nginx", "isso", "peer", "fanout", "frontcache", "frontcache_purge")
    )
}


class NotMeasured(Exception):
    """A part that cannot run here (an endpoint missing, a tool absent): reported, never a crash."""


class Context:
    def __init__(self, work_dir, processes):
        self.work_dir = work_dir
        self.processes = processes
        self.data_dir = os.path.join(work_dir, "data")
        self.log = os.path.join(work_dir, "logs", "setup.log")
        os.makedirs(self.data_dir, exist_ok=True)
        self._site = None
        self.notes = []

    @property
    def site(self):
        """The prepared database (migrated, demo content, bench reader), made once per run."""
        if self._site is None:
            self._site = broadsheet_app.prepare(self.data_dir, self.log)
            if not self._site["articles"]:
                raise NotMeasured("the demo content has no live article")
        return self._site

    def start_broadsheet(self, **kwargs):
        kwargs.setdefault("port", PORTS["broadsheet"])
        return broadsheet_app.start(self.processes, self.data_dir, **kwargs)

    def stop(self, proc):
        self.processes.stop(proc)


def fetch(url, *, method="GET", data=None, headers=None, timeout=30):
    """(status, headers, body) of one request; HTTP errors are answers too."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()
