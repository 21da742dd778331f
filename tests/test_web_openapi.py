"""The REST API against its own OpenAPI document (FastAPI's, at /openapi.json), by schemathesis:
generated requests to every operation, each response checked against the documented status codes
and schemas (no 5xx, no undocumented status, bodies that validate). A bounded number of examples
keeps CI fast."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import positive_data_acceptance
from webtools import index_others

from extractor.web import Settings, create_app

EXAMPLES = 12  # per operation
# the schema is loaded when the module is (schemathesis's fixture loader does not run under pytest 9),
# so the app is made here, over a folder that the fixture below fills with plans and removes after
WORK = Path(tempfile.mkdtemp(prefix="vnplan-openapi-"))
APP = create_app(Settings(index=str(WORK / "plans.sqlite"), uploads=WORK / "uploads", max_upload_bytes=100_000))
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(scope="module", autouse=True)
def indexed_plans():
    index_others(WORK / "plans.sqlite")
    yield
    shutil.rmtree(WORK, ignore_errors=True)


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=list(HealthCheck))
def test_api_meets_its_openapi_document(case):
    # every check but one: a schema-valid request may still be refused by design (an empty or binary
    # file, a parent number nobody knows), with its documented status and an ApiError
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
