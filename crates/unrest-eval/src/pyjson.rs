//! The few Python semantics the reference scorer relies on, applied to JSON
//! values: `dict.get` with a default, truthiness, `==` and `or`.

use serde_json::Value;

/// `d.get(key)`: `None` when the key is missing (distinct from JSON null,
/// which is `Some(Value::Null)`).
pub fn get<'a>(d: &'a Value, key: &str) -> Option<&'a Value> {
    d.as_object().and_then(|o| o.get(key))
}

/// `d.get(key)` where a missing key and null both mean Python `None`.
pub fn get_or_null<'a>(d: &'a Value, key: &str) -> &'a Value {
    get(d, key).unwrap_or(&Value::Null)
}

/// Python truthiness of a JSON value.
pub fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|x| x != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// Python `==` between two JSON values (numbers compare by value, so 1 == 1.0;
/// booleans equal 0 and 1 as in Python).
pub fn py_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Bool(x), Value::Number(y)) | (Value::Number(y), Value::Bool(x)) => {
            y.as_f64() == Some(if *x { 1.0 } else { 0.0 })
        }
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| py_eq(p, q)),
        _ => a == b,
    }
}

/// `str(v)` for a value used as a string key (strings as they are; other
/// scalars as Python prints them; None is absent).
pub fn as_text(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        Value::Bool(b) => Some(if *b { "True" } else { "False" }.into()),
        other => Some(other.to_string()),
    }
}

/// `(v or "")` for string-like fields.
pub fn text_or_empty(v: &Value) -> String {
    if truthy(v) {
        as_text(v).unwrap_or_default()
    } else {
        String::new()
    }
}

/// `set(v or [])` as a list of distinct elements (JSON text keys).
pub fn as_set(v: &Value) -> Vec<String> {
    let mut out: Vec<String> = match v {
        Value::Array(a) => a.iter().map(|x| x.to_string()).collect(),
        Value::String(s) if !s.is_empty() => s.chars().map(|c| c.to_string()).collect(),
        _ => Vec::new(),
    };
    out.sort();
    out.dedup();
    out
}
