//! The OpenAPI 3.1 description of `/api/v1`, written out by hand from the
//! same constants the handlers use (a test checks that every API route is
//! described).

use serde_json::{Value, json};
use unrest_codebook::{Group, Issue, Tactic, Target, Vocabulary};

fn codes<V: Vocabulary>() -> Value {
    V::ALL.iter().map(|v| v.code()).collect()
}

fn list_param(name: &str, description: &str, values: Value) -> Value {
    json!({ "name": name, "in": "query", "description": description, "explode": true,
            "schema": { "type": "array", "maxItems": crate::params::MAX_VALUES, "items": { "type": "string", "enum": values } } })
}

fn param(name: &str, description: &str, schema: Value) -> Value {
    json!({ "name": name, "in": "query", "description": description, "schema": schema })
}

/// The filter parameters every listing takes.
fn filters() -> Vec<Value> {
    let date = json!({ "type": "string", "pattern": "^\\d{4}(-\\d{2}(-\\d{2})?)?$" });
    vec![
        param(
            "q",
            "Words that must all occur (Chinese is segmented into words; English is stemmed).",
            json!({ "type": "string", "maxLength": unrest_store::MAX_QUERY_CHARS }),
        ),
        param("from", "Events overlapping days on or after this date.", date.clone()),
        param("to", "Events overlapping days on or before this date.", date),
        param(
            "province",
            "Official province name, e.g. 湖南省.",
            json!({ "type": "string", "maxLength": 40 }),
        ),
        param(
            "prefecture",
            "Official prefecture name.",
            json!({ "type": "string", "maxLength": 40 }),
        ),
        param(
            "adcode",
            "Division code prefix (digits).",
            json!({ "type": "string", "pattern": "^\\d{1,12}$" }),
        ),
        list_param("issue", "Any of these issues.", codes::<Issue>()),
        list_param("group", "Any of these groups.", codes::<Group>()),
        list_param("tactic", "Any of these tactics.", codes::<Tactic>()),
        list_param("target", "Any of these targets.", codes::<Target>()),
        list_param(
            "size",
            "Any of these size bands.",
            unrest_store::SizeBand::ALL.iter().map(|b| b.code()).collect(),
        ),
        list_param(
            "repression",
            "All of these happened.",
            unrest_store::Repression::ALL.iter().map(|r| r.code()).collect(),
        ),
        param(
            "updated_since",
            "Only events changed at or after this time (RFC 3339).",
            json!({ "type": "string", "format": "date-time" }),
        ),
        param(
            "sort",
            "Order by the action's first day.",
            json!({ "type": "string", "enum": ["newest", "oldest"] }),
        ),
        param(
            "page",
            "1-based page number.",
            json!({ "type": "integer", "minimum": 1, "maximum": crate::params::MAX_PAGE }),
        ),
        param(
            "per_page",
            "Page size (clamped).",
            json!({ "type": "integer", "minimum": 1, "maximum": crate::params::MAX_API_PAGE_SIZE }),
        ),
    ]
}

fn ok(description: &str, schema: Value) -> Value {
    json!({
        "200": { "description": description, "content": { "application/json": { "schema": schema } } },
        "400": { "$ref": "#/components/responses/Error" },
    })
}

/// The document.
pub fn document() -> Value {
    let event_ref = json!({ "$ref": "#/components/schemas/Event" });
    let mut stats_params = filters();
    stats_params.push(param(
        "period",
        "Timeline unit.",
        json!({ "type": "string", "enum": ["week", "month"] }),
    ));
    let mut sync_params = filters();
    sync_params.push(param(
        "since",
        "Same as updated_since; pass the previous answer's as_of.",
        json!({ "type": "string", "format": "date-time" }),
    ));
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "unrest public API",
            "version": "1",
            "description": "Published protest events coded by the unrest codebook. Only published events are ever returned. Every listing takes the same filters as the web pages.",
            "license": { "name": "AGPL-3.0-or-later" },
        },
        "paths": {
            "/api/v1/events": { "get": {
                "summary": "List and search published events", "parameters": filters(),
                "responses": ok("A page of events", json!({ "type": "object", "properties": {
                    "total": { "type": "integer" }, "page": { "type": "integer" }, "per_page": { "type": "integer" },
                    "next": { "type": ["string", "null"] }, "events": { "type": "array", "items": event_ref } } })),
            } },
            "/api/v1/events/{id}": { "get": {
                "summary": "One published event with its source report",
                "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string", "pattern": "^E\\d{6,}$" } }],
                "responses": {
                    "200": { "description": "The event", "content": { "application/json": { "schema": { "type": "object", "properties": {
                        "event": event_ref, "report": { "$ref": "#/components/schemas/Report" } } } } } },
                    "404": { "$ref": "#/components/responses/Error" },
                },
            } },
            "/api/v1/stats": { "get": {
                "summary": "Counts for a filter: timeline and per value", "parameters": stats_params,
                "responses": ok("Statistics", json!({ "type": "object" })),
            } },
            "/api/v1/sync": { "get": {
                "summary": "Incremental sync for mirrors: events changed since a time, and events withdrawn since then",
                "parameters": sync_params,
                "responses": ok("Changes", json!({ "type": "object", "properties": {
                    "as_of": { "type": "string", "format": "date-time" }, "since": { "type": "string" },
                    "updated": { "type": "array", "items": event_ref },
                    "removed": { "type": "array", "items": { "type": "object", "properties": {
                        "public_id": { "type": "string" }, "status": { "type": "string" }, "removed_at": { "type": "string" } } } },
                    "next": { "type": ["string", "null"] } } })),
            } },
            "/api/v1/codebook": { "get": {
                "summary": "Vocabularies with labels and definitions in Chinese and English, and the record's fields",
                "responses": { "200": { "description": "The codebook", "content": { "application/json": { "schema": { "type": "object" } } } } },
            } },
            "/api/v1/openapi.json": { "get": {
                "summary": "This document",
                "responses": { "200": { "description": "OpenAPI document", "content": { "application/json": { "schema": { "type": "object" } } } } },
            } },
        },
        "components": {
            "schemas": {
                "Event": { "type": "object", "description": "id, url, published_at and updated_at, then every key of the codebook record (see /api/v1/codebook).",
                    "required": ["id", "url", "updated_at", "report", "role"],
                    "properties": {
                        "id": { "type": "string" }, "url": { "type": "string" },
                        "published_at": { "type": ["string", "null"] }, "updated_at": { "type": "string" },
                        "issues": { "type": "array", "items": { "type": "string", "enum": codes::<Issue>() } },
                        "groups": { "type": "array", "items": { "type": "string", "enum": codes::<Group>() } },
                        "tactics": { "type": "array", "items": { "type": "string", "enum": codes::<Tactic>() } },
                        "targets": { "type": "array", "items": { "type": "string", "enum": codes::<Target>() } },
                    },
                    "additionalProperties": true },
                "Report": { "type": ["object", "null"], "properties": {
                    "title_zh": { "type": ["string", "null"] }, "title_en": { "type": ["string", "null"] },
                    "body_zh": { "type": ["string", "null"] }, "body_en": { "type": ["string", "null"] },
                    "text": { "type": "string" }, "lang": { "type": "string", "enum": ["zh", "en", "bilingual"] },
                    "start_date": { "type": ["string", "null"] }, "end_date": { "type": ["string", "null"] },
                    "published": { "type": ["string", "null"] } } },
                "Error": { "type": "object", "properties": { "error": { "type": "object", "properties": {
                    "code": { "type": "string" }, "message": { "type": "string" } } } } },
            },
            "responses": {
                "Error": { "description": "An error with a stable code", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
            },
        },
    })
}
