"""The ``newsevents`` command line: a thin layer over the library.

Commands turn library errors into one-line messages and exit codes:
0 all good, 1 some documents failed, 2 usage or configuration error, 3 store or model error.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import click

from newsevents import __version__
from newsevents.errors import ConfigurationError, NewsEventsError

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_FAILURE = 0, 1, 2, 3

F = TypeVar("F", bound=Callable[..., Any])


def clean_errors(command: F) -> F:
    """Report NewsEventsError as a message, not a traceback."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except ConfigurationError as error:
            click.secho(f"error: {error}", fg="red", err=True)
            sys.exit(EXIT_USAGE)
        except NewsEventsError as error:
            click.secho(f"error: {error}", fg="red", err=True)
            sys.exit(EXIT_FAILURE)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsevents")
def main() -> None:
    """Turn English news into political event data (PLOVER/CAMEO), offline.

    \b
    Examples:
      newsevents demo                         # bundled samples -> newsevents.duckdb
      newsevents process articles/ --db news.duckdb --published 2015-10-15
      newsevents events --actor-country RUS --event-type CONSULT
      newsevents export --format parquet --output events.parquet
      newsevents eval plover --data data/plover_gsr_dev.json
    """


def _register() -> None:
    from newsevents.cli import (
        bench_command,
        eval_command,
        load_command,
        process_command,
        query_commands,
        serve_command,
        story_commands,
    )

    main.add_command(process_command.process)
    main.add_command(process_command.demo)
    main.add_command(query_commands.summary)
    main.add_command(query_commands.events)
    main.add_command(query_commands.export)
    main.add_command(query_commands.actor)
    main.add_command(story_commands.stories)
    main.add_command(eval_command.evaluate)
    main.add_command(serve_command.serve)
    main.add_command(bench_command.bench)
    main.add_command(load_command.load)


_register()
