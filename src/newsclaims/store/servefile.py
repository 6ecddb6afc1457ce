"""The file beside a store that says a server holds it: ``<db>.serve.json`` (see ``store.handoff``)."""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class ServeInfo:
    pid: int
    url: str  # loopback base URL, without a trailing slash
    token: str  # bearer token of the hand-off routes


def serve_file(db: str | Path) -> Path:
    return Path(f"{db}.serve.json")


def write_serve_file(db: str | Path, info: ServeInfo) -> Path:
    """Announce a server for ``db``; readable by the owner only, as the token lets one write the store."""
    path = serve_file(db)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(asdict(info), handle)
    os.replace(tmp, path)
    return path


def remove_serve_file(db: str | Path, pid: int) -> None:
    """Remove the announcement, if it is still this process's (another server may have replaced it)."""
    info = read_serve_file(db)
    if info is not None and info.pid == pid:
        with contextlib.suppress(OSError):
            serve_file(db).unlink()


def read_serve_file(db: str | Path) -> ServeInfo | None:
    """What the file beside ``db`` says, or None when there is none or it is not one of ours."""
    try:
        data = json.loads(serve_file(db).read_text(encoding="utf-8"))
        info = ServeInfo(pid=int(data["pid"]), url=str(data["url"]).rstrip("/"), token=str(data["token"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return info if info.url.startswith("http://") else None
