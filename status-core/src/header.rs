//! What may be sent in an HTTP header: checked by the derive at compile time for values
//! written in the attribute, and by the adapters at run time for values from fields.

/// Whether `value` may be sent as an HTTP field value (RFC 9110 §5.5): visible ASCII,
/// obs-text (`0x80..=0xFF`), spaces and tabs; no CR, LF, NUL or other controls.
pub fn is_valid_header_value(value: &[u8]) -> bool {
    value
        .iter()
        .all(|&b| b == b'\t' || (b' '..=b'~').contains(&b) || b >= 0x80)
}

/// Whether `name` is an HTTP field name (RFC 9110 §5.1: a `token`).
pub const fn is_valid_header_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    if bytes.is_empty() {
        return false;
    }
    let mut i = 0;
    while i < bytes.len() {
        if !crate::grammar::is_tchar(bytes[i]) {
            return false;
        }
        i += 1;
    }
    true
}
