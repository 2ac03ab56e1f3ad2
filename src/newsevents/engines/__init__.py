"""Engines that run the pipeline somewhere other than this process: the Ray runner.

Importing this package does not import Ray; :func:`process_with_ray` does, and says how to
install it when it is missing (``pip install 'newsevents[ray]'``).
"""

from newsevents.engines.ray_runner import process_with_ray

__all__ = ["process_with_ray"]
