"""The Ray Data runner: the same stages as a local run, over partitions, on many cores or
machines, into a folder of Parquet row tables that :func:`load_parquet` brings into a store.

The plan is three operators, streamed (no stage waits for the whole input)::

    input paths -> read tasks (the local readers; Parquet rows) -> item rows
                -> actor pool of PipelineWorker (one model load per actor) -> Parquet parts
                -> per-document results back to the driver (counts and errors only)

With no cluster address (argument, or ``RAY_ADDRESS``) a private local Ray instance is
started for the run and stopped after it: offline (no dashboard, no usage statistics), its
temporary files under ``$TMPDIR/newsevents-ray``, and sized for the workers asked for. A
Ray instance that is already running in this process is used as it is and left running.

Differences from a local run, by design: every input document is processed (the store is
not consulted, it is not on the workers), and the same document twice is processed twice;
both give identical rows, and loading keeps each document once.
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from newsevents.engines.inputs import list_inputs, read_item_tables
from newsevents.engines.ray_worker import PipelineWorker, result_errors
from newsevents.errors import ConfigurationError, NewsEventsError
from newsevents.runner import RunSummary
from newsevents.settings import Settings
from newsevents.store.parquet_loader import TABLE_SCHEMAS, has_parts, open_location

if TYPE_CHECKING:
    import pyarrow as pa

# A local instance moves only article text and small results through the object store.
LOCAL_OBJECT_STORE_BYTES = 512 * 1024**2
# Reading is light next to parsing: readers take a fraction of a CPU, so they are
# scheduled beside a pool that holds every whole CPU.
READ_TASK_CPUS = 0.25


def process_with_ray(
    paths: Iterable[str],
    output: str,
    *,
    settings: Settings | None = None,
    workers: int | None = None,
    batch_size: int | None = None,
    published: str | None = None,
    source: str | None = None,
    address: str | None = None,
    temp_dir: str | None = None,
    overwrite: bool = False,
    progress: Callable[[RunSummary], None] | None = None,
) -> RunSummary:
    """Process ``paths`` (files, folders, ``s3://`` Parquet) on Ray into the Parquet
    folder ``output`` (local, shared or a URI); return the run's counts.

    ``workers`` is the actor pool size (one spaCy model per actor; default one per CPU
    of a local instance, or the cluster's CPUs less one). ``overwrite`` replaces the parts
    of an earlier run in ``output``; without it such a folder is refused.
    """
    ray = _import_ray()
    settings = settings or Settings()
    size = batch_size or settings.batch_size
    _prepare_output(output, overwrite)
    inputs = list_inputs(paths)
    summary = RunSummary()
    if not inputs:
        return summary
    started = time.perf_counter()
    started_here = _connect(ray, address, workers, temp_dir)
    _quiet_progress(ray)
    try:
        pool = workers or _default_workers(ray)
        dataset = ray.data.from_items(
            [{"path": p} for p in inputs], override_num_blocks=max(1, min(len(inputs), 1000)))
        dataset = dataset.map_batches(
            read_item_tables, batch_size=1, batch_format="pyarrow",
            fn_kwargs={"published": published, "source": source}, num_cpus=READ_TASK_CPUS)
        dataset = dataset.map_batches(
            PipelineWorker, batch_size=size, batch_format="pyarrow", num_cpus=1,
            compute=ray.data.ActorPoolStrategy(size=pool),
            fn_constructor_kwargs={"settings": settings, "output": output})
        for batch in dataset.iter_batches(batch_format="pyarrow", batch_size=None):
            _count(batch, summary)
            summary.seconds = time.perf_counter() - started
            if progress:
                progress(summary)
    except ray.exceptions.RayError as exc:
        raise NewsEventsError(f"the Ray run failed: {exc}",
                              hint="worker logs are under the Ray session folder") from exc
    finally:
        if started_here:
            ray.shutdown()
    summary.seconds = time.perf_counter() - started
    return summary


def _import_ray() -> Any:
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # never phone home
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise ConfigurationError("the Ray engine needs Ray Data, which is not installed",
                                 hint="pip install 'newsevents[ray]'") from exc
    return ray


def _prepare_output(output: str, overwrite: bool) -> None:
    if not has_parts(output):
        return
    if not overwrite:
        raise ConfigurationError(f"{output} already holds the Parquet parts of a run",
                                 hint="choose a new folder, or pass --overwrite to "
                                      "replace them")
    filesystem, root = open_location(output)
    for table in TABLE_SCHEMAS:
        filesystem.delete_dir_contents(f"{root}/{table}", missing_dir_ok=True)


def _connect(ray: Any, address: str | None, workers: int | None,
             temp_dir: str | None) -> bool:
    """Join the given or running Ray, or start a local one; True if started here."""
    if ray.is_initialized():
        return False
    address = address or os.environ.get("RAY_ADDRESS")
    if address:
        ray.init(address=address, logging_level=logging.WARNING, log_to_driver=False)
        return True
    cpus = (workers or os.cpu_count() or 1) + 1  # one more for the readers
    folder = temp_dir or os.path.join(tempfile.gettempdir(), "newsevents-ray")
    os.makedirs(folder, exist_ok=True)
    ray.init(num_cpus=cpus, include_dashboard=False, _temp_dir=folder,
             object_store_memory=LOCAL_OBJECT_STORE_BYTES, logging_level=logging.WARNING,
             log_to_driver=False)
    return True


def _quiet_progress(ray: Any) -> None:
    """Ray Data's progress bars and per-run statistics would drown the CLI's output."""
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.enable_auto_log_stats = False


def _default_workers(ray: Any) -> int:
    cpus = int(ray.cluster_resources().get("CPU", 1))
    return max(1, cpus - 1)


def _count(batch: pa.Table, summary: RunSummary) -> None:
    for row in batch.to_pylist():
        if row["failed"]:
            summary.add_failure(result_errors(row["errors"]))
        else:
            summary.documents += 1
            summary.processed += 1
            summary.events += row["events"]
