"""A cache backend for the data versions only: one small file per key, shared by every process.

Without Redis, the web server and the task worker of ``make run`` are two processes with two
memory caches: a version bumped by a task (a partner import, a reminder) would not reach the
pages the web server keeps until they expired. Django's ``FileBasedCache`` would share them, but
it pickles, compresses and writes a new file through a temporary one on every ``set`` (1.4 ms
here, and every save of a record bumps a version) and unpickles on every ``get`` (0.4 ms for a
page's six kinds, on each cached page served). A version is a short string that is replaced,
never built upon, so this backend writes it in place (``pwrite``, 15 µs) and reads it with one
``read`` (6 µs).

A reader may catch a write half done. It then sees a string that is neither the old nor the
new version: a page is rendered and kept under a key nobody asks for again, never served stale.

Values must be ``str``; timeouts are ignored (a version is kept until it is replaced or the
cache is cleared). Use it for ``CACHES["versions"]`` and nothing else.
"""

import os
from pathlib import Path
from urllib.parse import quote

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

MAX_BYTES = 256


class VersionFiles(BaseCache):
    def __init__(self, location, params):
        super().__init__(params)
        self.directory = Path(location)

    def _path(self, key, version) -> Path:
        key = self.make_and_validate_key(key, version=version)
        return self.directory / quote(key, safe="")

    def _read(self, path: Path):
        try:
            descriptor = os.open(path, os.O_RDONLY)
        except FileNotFoundError:
            return None
        try:
            data = os.read(descriptor, MAX_BYTES)
        finally:
            os.close(descriptor)
        # An empty file is one that `add` has just created and not yet written.
        return data.decode("utf-8", "replace") if data else None

    def _write(self, path: Path, value: str, flags: int) -> bool:
        if not isinstance(value, str) or len(value.encode()) > MAX_BYTES:
            raise TypeError("VersionFiles keeps short strings only (the data versions).")
        data = value.encode()
        try:
            descriptor = os.open(path, flags, 0o644)
        except FileNotFoundError:
            self.directory.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(path, flags, 0o644)
        except FileExistsError:
            return False
        try:
            os.pwrite(descriptor, data, 0)
            os.ftruncate(descriptor, len(data))
        finally:
            os.close(descriptor)
        return True

    def get(self, key, default=None, version=None):
        value = self._read(self._path(key, version))
        return default if value is None else value

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._write(self._path(key, version), value, os.O_WRONLY | os.O_CREAT)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._write(self._path(key, version), value, os.O_WRONLY | os.O_CREAT | os.O_EXCL)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self.has_key(key, version=version)

    def has_key(self, key, version=None):
        return self._read(self._path(key, version)) is not None

    def delete(self, key, version=None):
        try:
            self._path(key, version).unlink()
        except FileNotFoundError:
            return False
        return True

    def clear(self):
        if self.directory.is_dir():
            for path in self.directory.iterdir():
                path.unlink(missing_ok=True)
