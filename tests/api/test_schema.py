"""The OpenAPI schema describes the public API only, and validates without warnings."""

from __future__ import annotations

import yaml
from django.test import override_settings
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.validation import validate_schema


def test_schema_validates_without_warnings(api_client, db):
    response = api_client.get("/api/v1/schema/", {"format": "json"})

    validate_schema(response.json())  # raises on an invalid document
    assert not GENERATOR_STATS, GENERATOR_STATS._warn_cache


def test_schema_lists_only_public_paths_with_their_statuses(api_client, db):
    response = api_client.get("/api/v1/schema/", {"format": "json"})

    paths = response.json()["paths"]
    assert all(path.startswith("/api/v1/") for path in paths)
    sign = paths["/api/v1/campaigns/{key}/signatures/"]["post"]["responses"]
    assert {"202", "400", "404", "409", "413", "415", "422"} <= set(sign)
    detail = paths["/api/v1/campaigns/{key}/"]["get"]["responses"]
    assert {"200", "304", "404"} <= set(detail)


def test_schema_is_served_as_yaml_by_default(api_client, db):
    response = api_client.get("/api/v1/schema/")

    assert response.status_code == 200
    assert yaml.safe_load(response.content)["info"]["title"] == "Undersign API"


def test_docs_page_loads_its_assets_from_this_site(client, db):
    response = client.get("/api/v1/docs/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui" in html
    assert "cdn." not in html
    assert "/api/v1/schema/" in html


HOST_OWN_DRF = {
    "DEFAULT_SCHEMA_CLASS": "rest_framework.schemas.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication"
    ],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.BrowsableAPIRenderer"],
}


@override_settings(REST_FRAMEWORK=HOST_OWN_DRF, SPECTACULAR_SETTINGS={})
def test_schema_and_docs_work_under_a_hosts_own_drf_settings(client, db):
    schema = client.get("/api/v1/schema/", {"format": "json"})
    docs = client.get("/api/v1/docs/")

    assert schema.status_code == 200
    assert schema.json()["info"]["title"] == "Undersign API"
    assert "/api/v1/campaigns/{key}/signatures/" in schema.json()["paths"]
    assert docs.status_code == 200
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in docs.content.decode()
