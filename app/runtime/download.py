"""Fetching catalog models from the Hugging Face hub into the models folder.

huggingface-hub resolves where a file lives; the transfer itself resumes from a `.part` file. Around
it: a free-space check before starting, progress callbacks, cancellation, offline mode, a clear
message for repos that are not published yet, and a sha256 check of the result.
"""

from __future__ import annotations

import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..paths import sha256_file
from .catalog import ModelEntry

Progress = Callable[[int, int], None]  # bytes done, bytes total (0 when unknown)


class DownloadError(RuntimeError):
    pass


class DownloadCancelled(DownloadError):
    pass


@dataclass
class DownloadOptions:
    models_dir: Path
    endpoint: str | None = None  # a stand-in hub for tests; None means huggingface.co
    offline: bool = False
    progress: Progress | None = None
    cancel: threading.Event | None = None
    headroom_mb: int = 200  # keep this much disk free beyond the file


CHUNK = 1 << 20


def download(entry: ModelEntry, opts: DownloadOptions) -> Path:
    """Fetch `entry` into `opts.models_dir`, resuming a `.part` file left by an earlier attempt.

    huggingface-hub resolves the file (repo, revision, size, redirects, auth headers), but the bytes
    are fetched here: its `hf_hub_download` (2.x) writes to a process-unique temp file that is
    discarded when the transfer fails, so a cancelled or interrupted multi-GB model would start over.
    """
    if entry.embedded:
        from .embedded import embedded_model_path

        return embedded_model_path()
    target = opts.models_dir / entry.file
    if target.exists() and (entry.sha256 is None or sha256_file(target) == entry.sha256):
        return target
    if opts.offline:
        raise DownloadError(f"{entry.id} is not downloaded and offline mode is on")
    opts.models_dir.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".part")
    have = part.stat().st_size if part.exists() else 0
    free_mb = shutil.disk_usage(opts.models_dir).free / 2**20
    if free_mb < entry.size_mb - have / 2**20 + opts.headroom_mb:
        raise DownloadError(
            f"not enough disk space for {entry.name}: needs about {entry.size_mb + opts.headroom_mb:.0f} MB, "
            f"{free_mb:.0f} MB free in {opts.models_dir}"
        )
    url, size, headers = _resolve(entry, opts)
    if have > size:
        part.unlink()
        have = 0
    if have < size:
        _fetch(url, headers, part, have, size, opts)
    if entry.sha256 and sha256_file(part) != entry.sha256:
        part.unlink()
        raise DownloadError(f"{entry.file} does not match its published checksum; the download was discarded")
    part.replace(target)
    return target


def _resolve(entry: ModelEntry, opts: DownloadOptions) -> tuple[str, int, dict]:
    from huggingface_hub import get_hf_file_metadata, hf_hub_url
    from huggingface_hub.errors import EntryNotFoundError, GatedRepoError, RepositoryNotFoundError
    from huggingface_hub.utils import build_hf_headers

    url = hf_hub_url(entry.hf_repo, entry.hf_file, endpoint=opts.endpoint)
    try:
        meta = get_hf_file_metadata(url)
    except RepositoryNotFoundError:
        hint = " (this fine-tuned model is not published yet)" if not entry.published else ""
        raise DownloadError(f"the hub has no repository {entry.hf_repo}{hint}") from None
    except GatedRepoError:
        raise DownloadError(f"{entry.hf_repo} needs a Hugging Face login and licence acceptance") from None
    except EntryNotFoundError:
        raise DownloadError(f"{entry.hf_repo} has no file {entry.hf_file}") from None
    except Exception as exc:  # noqa: BLE001 - network errors come in many types
        raise DownloadError(f"could not reach the model hub: {exc}") from None
    if meta.size is None:
        raise DownloadError(f"the hub did not say how large {entry.hf_file} is")
    return meta.location or url, int(meta.size), build_hf_headers()


def _fetch(url: str, headers: dict, part: Path, have: int, size: int, opts: DownloadOptions) -> None:
    import urllib.error
    import urllib.request

    req_headers = dict(headers)
    if have:
        req_headers["Range"] = f"bytes={have}-"
    request = urllib.request.Request(url, headers=req_headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as resp:
            if have and resp.status != 206:
                have = 0  # the server ignored the range: start over
            with open(part, "ab" if have else "wb") as out:
                done = have
                if opts.progress:
                    opts.progress(done, size)
                while True:
                    if opts.cancel is not None and opts.cancel.is_set():
                        raise DownloadCancelled("download cancelled; it will resume next time")
                    block = resp.read(CHUNK)
                    if not block:
                        break
                    out.write(block)
                    done += len(block)
                    if opts.progress:
                        opts.progress(done, size)
    except DownloadCancelled:
        raise
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise DownloadError(f"the download stopped ({exc}); run it again to resume") from None
    got = part.stat().st_size
    if got != size:
        raise DownloadError(f"the download stopped at {got} of {size} bytes; run it again to resume")


def verify(entry: ModelEntry, models_dir: Path) -> tuple[bool, str]:
    """(ok, message) for a downloaded model: present, a GGUF, and matching its checksum if known."""
    from .llama import ModelLoadError, check_gguf_header

    if entry.embedded:
        from .embedded import EmbeddedModelError, embedded_model_path

        try:
            return True, f"embedded model verified at {embedded_model_path()}"
        except EmbeddedModelError as exc:
            return False, str(exc)
    path = models_dir / entry.file
    try:
        check_gguf_header(path)
    except ModelLoadError as exc:
        return False, str(exc)
    if entry.sha256 is None:
        return True, f"{path} is a GGUF file (no published checksum to compare)"
    digest = sha256_file(path)
    if digest != entry.sha256:
        return False, f"{path} checksum {digest[:12]}... does not match {entry.sha256[:12]}..."
    return True, f"{path} matches its checksum"
