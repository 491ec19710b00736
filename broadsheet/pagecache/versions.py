"""Tag version counters shared by every worker on one machine, without Redis: a small mmap'd file.

Each tag hashes to one of SLOTS 8-byte counters; a purge increments the tag's slot under a file lock,
a lookup reads the slots straight from shared memory (no system call). Two tags sharing a slot only
cause an extra purge, never a missed one. Slot 0 is the generation: bumped by every purge, so a page
rendered while a purge ran is not stored with the new versions.
"""

import fcntl
import mmap
import os
import struct
import zlib

SLOTS = 8192
_COUNTER = struct.Struct("<Q")


class VersionFile:
    def __init__(self, path):
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        self.path = path
        self._fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        if os.fstat(self._fd).st_size < SLOTS * 8:
            os.ftruncate(self._fd, SLOTS * 8)
        self._map = mmap.mmap(self._fd, SLOTS * 8)

    @staticmethod
    def slot(tag):
        return 1 + zlib.crc32(tag.encode()) % (SLOTS - 1)

    def read(self, slot):
        return _COUNTER.unpack_from(self._map, slot * 8)[0]

    def versions(self, tags):
        return tuple(self.read(self.slot(tag)) for tag in tags)

    def generation(self):
        return self.read(0)

    def bump(self, tags, *, generation=True):
        fcntl.flock(self._fd, fcntl.LOCK_EX)
        try:
            for slot in {self.slot(tag) for tag in tags} | ({0} if generation else set()):
                _COUNTER.pack_into(self._map, slot * 8, self.read(slot) + 1)
        finally:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
