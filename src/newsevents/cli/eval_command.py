"""``newsevents eval``: quality figures on annotated development data."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console

from newsevents.cli import clean_errors
from newsevents.evaluation.plover import evaluate_plover
from newsevents.pipeline import Pipeline
from newsevents.settings import Settings


@click.group("eval")
def evaluate() -> None:
    """Measure quality on annotated development data.

    \b
    Example:
      newsevents eval plover --data ../shared/eval/plover_gsr_dev.json
    """


@evaluate.command("plover")
@click.option("--data", type=click.Path(dir_okay=False), required=True,
              help="PLOVER gold-standard records (JSON list).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@clean_errors
def plover(data: str, as_json: bool) -> None:
    """Event-type accuracy and (actor, recipient, type) triple P/R/F1."""
    scores = evaluate_plover(Path(data), Pipeline(Settings.resolve()))
    result = scores.to_dict()
    if as_json:
        click.echo(json.dumps(result, indent=1))
        return
    console = Console()
    console.print(f"[bold]PLOVER evaluation[/] on {result['records']} sentences ({data})")
    console.print(f"event-type accuracy  {result['type_accuracy']:.3f}")
    console.print(f"triple precision     {result['triple_precision']:.3f}")
    console.print(f"triple recall        {result['triple_recall']:.3f}")
    console.print(f"triple F1            {result['triple_f1']:.3f}")
    console.print(f"sentences with an event: {result['sentences_with_event']}")
    console.print("per type: " + ", ".join(f"{t} {a:.2f}" for t, a in
                                           result["per_type_accuracy"].items()))
    console.print("top confusions: " + "; ".join(result["top_confusions"]))
