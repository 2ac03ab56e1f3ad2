"""Schemathesis against the API's own OpenAPI document, over the samples store.

Every operation gets valid and invalid requests generated from the spec (positive and
negative modes); each answer must not be a server error, must use a documented status and
content type, must match the documented response schema, and invalid input must be
refused. Generation is derandomised and bounded, so the test is reproducible and takes
well under a minute; set NEWSEVENTS_SCHEMATHESIS_EXAMPLES to search harder locally.

The operations are driven through schemathesis' Python API rather than its pytest
decorator: ``schemathesis.pytest.from_fixture`` (needed because the app is built from a
fixture) sets ``Node._nodeid``, which pytest 9 no longer has.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from newsevents.api import create_app
from newsevents.api.limits import LIMIT_STATUSES
from test_api import sample_store  # noqa: F401  (a fixture: the samples processed once)

pytestmark = pytest.mark.model

EXAMPLES = int(os.environ.get("NEWSEVENTS_SCHEMATHESIS_EXAMPLES", "25"))
# Not positive_data_acceptance: `date_from` after `date_to` is a valid-looking request the
# schema cannot rule out (a rule across two parameters) and the API rightly answers 422.
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_headers_conformance, response_schema_conformance, negative_data_rejection]
OPERATIONS = {"GET /api/events", "GET /api/events/{event_id}", "GET /api/stories",
              "GET /api/stories/{story_id}", "GET /api/actors", "GET /api/timeseries",
              "GET /api/places", "GET /api/facets", "GET /api/health"}


@pytest.fixture(scope="module")
def api_schema(sample_store: Path):  # noqa: F811
    """The OpenAPI document as the app serves it, bound to the app (no network)."""
    # An invalid request may also be refused for its size (a long generated URL gets 414).
    rejected = ["400", "404", "405", "422", *map(str, LIMIT_STATUSES)]
    config = schemathesis.Config.from_dict({
        "generation": {"deterministic": True},
        "checks": {"negative_data_rejection": {"expected-statuses": rejected}}})
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(sample_store),
                                          config=config)


def run_operation(operation, mode: GenerationMode) -> int:
    """Generate and check up to EXAMPLES requests; the number of requests sent."""
    sent = 0

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
              phases=[Phase.explicit, Phase.generate, Phase.shrink],
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    def check(case) -> None:
        nonlocal sent
        sent += 1
        case.call_and_validate(checks=CHECKS)

    try:
        check()
    except Unsatisfiable:  # no parameters to make invalid (health, facets)
        assert mode is GenerationMode.NEGATIVE and not operation.query
    return sent


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE],
                         ids=lambda mode: mode.value)
def test_api_conforms_to_its_openapi_document(api_schema, mode):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert {op.label for op in operations} == OPERATIONS
    failures, sent = [], 0
    for operation in operations:
        try:
            sent += run_operation(operation, mode)
        except (Exception, BaseExceptionGroup) as exc:  # schemathesis' FailureGroup is a
            failures.append(f"{operation.label}: {exc}")  # BaseExceptionGroup; report all
    assert not failures, "\n\n".join(failures)
    assert sent >= len(operations)
