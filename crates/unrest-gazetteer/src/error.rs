use thiserror::Error;

/// Why gazetteer data could not be read or built. The embedded data is
/// checked by tests, so at run time these only arise from the builder or a
/// corrupted build.
#[derive(Debug, Error)]
pub enum GazetteerError {
    /// The compressed data could not be decompressed.
    #[error("gazetteer data: cannot decompress: {0}")]
    Decompress(#[from] std::io::Error),
    /// The decompressed data is not in the expected format.
    #[error("gazetteer data: cannot decode: {0}")]
    Decode(#[from] postcard::Error),
    /// The data decodes but is inconsistent (a version or reference mismatch).
    #[error("gazetteer data: {0}")]
    Invalid(String),
    /// A line of the builder's input is malformed.
    #[error("{file} line {line}: {message}")]
    Input { file: String, line: usize, message: String },
}
