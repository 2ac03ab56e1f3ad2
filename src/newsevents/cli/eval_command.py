"""``newsevents eval``: quality figures on annotated development data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from rich.console import Console

from newsevents.cli import clean_errors
from newsevents.evaluation.actors import evaluate_actors
from newsevents.evaluation.geo import evaluate_geo
from newsevents.evaluation.plover import evaluate_plover
from newsevents.evaluation.re3d import evaluate_amounts
from newsevents.evaluation.semeval import evaluate_story_similarity, one_by_one
from newsevents.evaluation.timebank import evaluate_times
from newsevents.pipeline import Pipeline
from newsevents.settings import Settings
from newsevents.stories.semantic_similarity import semantic_similarity_many


@click.group("eval")
def evaluate() -> None:
    """Measure quality on annotated development data.

    \b
    Examples:
      newsevents eval plover --data data/plover_gsr_dev.json
      newsevents eval actors --data data/plover_gsr_dev.json
      newsevents eval geo --data data/geoparsing/lgl.xml
      newsevents eval times --data data/timebank
      newsevents eval amounts --data data/re3d
      newsevents eval stories --data data/semeval2022_task8/training_set.csv
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


@evaluate.command("actors")
@click.option("--data", type=click.Path(dir_okay=False), required=True,
              help="PLOVER gold-standard records (JSON list) with actor spans and codes.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@clean_errors
def actors(data: str, as_json: bool) -> None:
    """Country and sector accuracy of actor resolution on the gold actor spans."""
    scores = evaluate_actors(Path(data), Pipeline(Settings.resolve()))
    result = scores.to_dict()
    if as_json:
        click.echo(json.dumps(result, indent=1))
        return
    console = Console()
    console.print(f"[bold]Actor resolution[/] on {result['spans']} gold actor spans ({data})")
    console.print(f"resolved             {result['resolved']} of {result['spans']}")
    console.print(f"country accuracy     {result['country_accuracy']:.3f}"
                  f"  ({scores.country_correct} of {result['spans']})")
    console.print(f"sector accuracy      {result['sector_accuracy']:.3f}"
                  f"  ({scores.sector_correct} of {result['sector_spans']} with a gold sector)")
    if result["examples_missed"]:
        console.print("missed: " + "; ".join(result["examples_missed"]))


_LIMIT = click.option("--limit", type=click.IntRange(min=1), default=None,
                      help="Only the first N documents (default: all).")
_JSON = click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")


@evaluate.command("geo")
@click.option("--data", type=click.Path(dir_okay=False), required=True, multiple=True,
              help="LGL or GeoVirus XML; repeat for several corpora.")
@_LIMIT
@_JSON
@clean_errors
def geo(data: tuple[str, ...], limit: int | None, as_json: bool) -> None:
    """Toponym P/R/F1; within 161 km, median km error and country accuracy."""
    pipeline = Pipeline(Settings.resolve())
    results = {Path(d).name: evaluate_geo(Path(d), pipeline, limit).to_dict() for d in data}
    _show(results, as_json, "Geoparsing", [
        ("toponym recall", "toponym_recall"),
        ("recall without adjectives", "toponym_recall_without_adjectives"),
        ("toponym precision", "toponym_precision"),
        ("toponym F1", "toponym_f1"), ("within 161 km", "within_161km"),
        ("median km error", "median_km"), ("country accuracy", "country_accuracy")])


@evaluate.command("times")
@click.option("--data", type=click.Path(file_okay=False), required=True,
              help="Folder of TimeML .tml files (searched recursively).")
@_LIMIT
@_JSON
@clean_errors
def times(data: str, limit: int | None, as_json: bool) -> None:
    """DATE value accuracy, anchored on each document's creation time."""
    scores = evaluate_times(Path(data), Pipeline(Settings.resolve()), limit)
    _show({Path(data).name: scores.to_dict()}, as_json, "Date normalisation", [
        ("DATE span recall", "date_recall"), ("DATE span precision", "date_precision"),
        ("value accuracy (all gold)", "value_accuracy"),
        ("value accuracy (matched)", "matched_value_accuracy")])


@evaluate.command("amounts")
@click.option("--data", type=click.Path(file_okay=False), required=True,
              help="The re3d folder (one sub-folder per source).")
@_LIMIT
@_JSON
@clean_errors
def amounts(data: str, limit: int | None, as_json: bool) -> None:
    """Money/Quantity span recall and precision, kind and value accuracy."""
    scores = evaluate_amounts(Path(data), Pipeline(Settings.resolve()), limit)
    _show({Path(data).name: scores.to_dict()}, as_json, "Amounts", [
        ("span recall", "span_recall"), ("span precision", "span_precision"),
        ("kind accuracy", "kind_accuracy"), ("value accuracy", "value_accuracy")])


@evaluate.command("stories")
@click.option("--data", type=click.Path(dir_okay=False), required=True,
              help="SemEval-2022 Task 8 pairs CSV (English-English rows are scored).")
@click.option("--semantic", is_flag=True,
              help="Use sentence embeddings (needs the [semantic] extra).")
@_JSON
@clean_errors
def stories(data: str, semantic: bool, as_json: bool) -> None:
    """Pearson of story similarity with -Overall; F1 of same-story decisions."""
    scorer = (semantic_similarity_many if semantic
              else one_by_one(Pipeline(Settings.resolve()).similarity))
    result = evaluate_story_similarity(Path(data), scorer).to_dict()
    if as_json:
        click.echo(json.dumps(result, indent=1))
        return
    console = Console()
    kind = "semantic" if semantic else "lexical"
    console.print(f"[bold]Story similarity[/] ({kind}) on {result['pairs']} English pairs "
                  f"({Path(data).name})")
    console.print(f"  {'Pearson with -Overall':<26} {result['pearson']:.3f}")
    console.print(f"  {'same-story precision':<26} {result['same_story_precision']:.3f}")
    console.print(f"  {'same-story recall':<26} {result['same_story_recall']:.3f}")
    console.print(f"  {'same-story F1':<26} {result['same_story_f1']:.3f}"
                  f"  (at {result['threshold']}, {result['clear_pairs']} clear pairs)")


def _show(results: dict[str, dict[str, Any]], as_json: bool, title: str,
          rows: list[tuple[str, str]]) -> None:
    """Print each corpus's headline figures, or everything as JSON."""
    if as_json:
        click.echo(json.dumps(results, indent=1))
        return
    console = Console()
    for name, result in results.items():
        console.print(f"[bold]{title}[/] on {result['documents']} documents ({name})")
        for label, key in rows:
            value = result[key]
            shown = "n/a" if value is None else (f"{value:.3f}" if isinstance(value, float)
                                                 else str(value))
            console.print(f"  {label:<26} {shown}")
