"""The file system side of reading: what a path names, and its first bytes, read without blocking.

Each way a path can fail to be a readable file has its own ReadError code: ``not_found``,
``broken_link`` (a symbolic link to nothing), ``symlink_loop``, ``permission_denied`` and
``not_a_regular_file`` (a directory, FIFO, socket or device). The path is classified by
``stat`` before anything opens it, and opened with ``O_NONBLOCK`` and checked again with
``fstat``, so a FIFO (which blocks its reader until a writer comes) is never read.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Optional, Union

from .base import ReadError
from .printable import printable_name

ERRNO_CODES = {
    errno.ENOENT: "not_found", errno.ENOTDIR: "not_found", errno.ENAMETOOLONG: "not_found",
    errno.EACCES: "permission_denied", errno.EPERM: "permission_denied",
    errno.ELOOP: "symlink_loop", errno.EISDIR: "not_a_regular_file",
}
FILE_KINDS = ((stat.S_ISDIR, "directory"), (stat.S_ISFIFO, "FIFO (named pipe)"), (stat.S_ISSOCK, "socket"),
              (stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device"))


def decoded_path(path: Union[str, bytes, os.PathLike]) -> str:
    """A str, bytes or path-like path as str (bytes decoded as the file system does, undecodable
    bytes as surrogate escapes); ReadError ``internal_error`` for anything else."""
    try:
        return os.fsdecode(path)
    except TypeError:
        raise ReadError("internal_error", f"{path!r} is not a path (str, bytes or os.PathLike)") from None


def os_read_error(name: str, error: OSError) -> ReadError:
    """The ReadError for an operating-system error on file ``name`` (``internal_error`` for an I/O failure)."""
    code = ERRNO_CODES.get(error.errno, "internal_error") if error.errno is not None else "internal_error"
    if error.errno == errno.ELOOP:
        return ReadError(code, f"'{name}': symbolic links loop (too many levels of symbolic links)")
    return ReadError(code, f"'{name}' cannot be read: {error.strerror or error}")


def regular_file_size(path: Path, name: str) -> int:
    """The size of the regular file ``path`` names (symbolic links followed); ReadError otherwise."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        target = _link_target(path)
        if target is not None:
            raise ReadError("broken_link", f"'{name}' is a symbolic link to '{target}', which does not exist") \
                from None
        raise ReadError("not_found", f"'{name}' does not exist ({printable_name(path)})") from None
    except OSError as error:
        raise os_read_error(name, error) from error
    _check_regular(status.st_mode, name)
    return status.st_size


def read_start(path: Path, name: str, limit: int) -> bytes:
    """Up to ``limit`` bytes from the start of a regular file, opened so that it cannot block."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        raise os_read_error(name, error) from error
    with os.fdopen(descriptor, "rb") as handle:
        _check_regular(os.fstat(descriptor).st_mode, name)  # replaced since it was classified?
        return handle.read(limit)


def _check_regular(mode: int, name: str) -> None:
    if not stat.S_ISREG(mode):
        kind = next((kind for test, kind in FILE_KINDS if test(mode)), "special file")
        raise ReadError("not_a_regular_file", f"'{name}' is a {kind}, not a regular file")


def _link_target(path: Path) -> Optional[str]:
    """The printable target of ``path`` when it is a symbolic link, else None."""
    try:
        return printable_name(os.readlink(path))
    except OSError:
        return None
