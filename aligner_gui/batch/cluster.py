"""`aligner batch --scheduler ADDRESS`: the same jobs on a Dask distributed cluster.

Imported only when --scheduler is given (dask is the optional extra ``cluster``). Each
Dask worker process loads the dictionary on its first document and keeps it
(shared.get_lexicon caches it per process). Workers either read INPUT and write
OUTDIR at the same paths (a shared file system), or, with ``send_files``, get the input
bytes with the job and send the outputs back for this process to write.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from aligner_gui.batch.runner import Backend, failed
from aligner_gui.batch.work import Job, Result, align_pair
from aligner_gui.core.errors import AlignerError

CONNECT_TIMEOUT = "30s"  # a scheduler that is starting up may take a while


def _distributed() -> Any:
    # By name, not an import statement: the packaged app (PyInstaller follows imports)
    # must not carry Dask, which only the command line's --scheduler uses.
    try:
        return importlib.import_module("distributed")
    except ImportError:
        raise AlignerError(
            "--scheduler needs Dask distributed: pip install 'aligner-gui[cluster]'"
        ) from None


def _client(address: Any) -> Any:
    try:
        return _distributed().Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError) as error:
        raise AlignerError(f"cannot reach the Dask scheduler {address}: {error}") from None


def dask_backend(address: Any, *, send_files: bool = False) -> Backend:
    """Run jobs on the cluster at ``address`` (a scheduler address, or a Cluster object)."""

    def run(jobs: list[Job]) -> Iterator[Result]:
        if not jobs:
            return
        client = _client(address)
        as_completed = _distributed().as_completed
        try:
            if send_files:
                jobs = [_with_payload(job) for job in jobs]
            # pure=False: the same inputs in a later run are new work, not a cached result.
            futures = client.map(align_pair, jobs, pure=False, key=[_key(j) for j in jobs])
            by_key = {future.key: job for future, job in zip(futures, jobs, strict=True)}
            for future in as_completed(futures, loop=client.loop):
                try:
                    yield future.result()
                except Exception as error:  # a worker lost or killed: this job only
                    job = by_key[future.key]
                    yield failed(job, f"worker failed: {type(error).__name__}: {error}")
                finally:
                    future.release()
        finally:
            client.close()

    return run


def _key(job: Job) -> str:
    return f"aligner-batch-{job.name}-{id(job):x}"


def _with_payload(job: Job) -> Job:
    data = tuple(Path(path).read_bytes() for path in job.inputs)
    return dataclasses.replace(job, payload=data, return_files=True)
