use thiserror::Error;

/// Why a record does not follow the codebook. Every variant names the field
/// (as a JSON path such as `issues[1]`) and the offending value, so the user
/// can fix the input without reading code.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum CodebookError {
    /// The JSON text is not an object of the codebook's shape, or a value has
    /// the wrong type or an unknown code.
    #[error("field `{field}`: {message}")]
    Field { field: String, message: String },
    /// The text is not JSON at all (truncated, malformed).
    #[error("not valid JSON: {0}")]
    Json(String),
    /// Fields that are each valid but contradict one another.
    #[error("field `{field}`: value `{value}` {problem}")]
    Inconsistent {
        field: &'static str,
        value: String,
        problem: String,
    },
}
