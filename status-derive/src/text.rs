//! Rust text for `expand::lex`, written by indexing into a byte buffer.
//!
//! Why not `String::push_str`: Cargo builds proc macros unoptimized, with debug assertions,
//! and there each `push_str` or `push` is a call of a few hundred instructions (a capacity
//! check, a copy with its safety checks). The catalog of a 1,000-variant enum is tens of
//! thousands of such pieces. Here a byte is a bounds-checked store.

// The same reason: `is_ascii_*` methods are calls there.
#![allow(clippy::manual_is_ascii_check)]

/// A growing buffer of ASCII and whole UTF-8 strings.
pub struct Text {
    buf: Vec<u8>,
    len: usize,
}

impl Text {
    pub fn with_capacity(capacity: usize) -> Self {
        Text {
            buf: vec![0; capacity.max(16)],
            len: 0,
        }
    }

    /// Room for `n` more bytes, growing by at least half.
    fn room(&mut self, n: usize) {
        if self.len + n > self.buf.len() {
            self.grow(n);
        }
    }

    /// A new zeroed buffer (`vec!` asks the allocator for zeroed memory, where `resize`
    /// writes each byte) with the text copied over.
    fn grow(&mut self, n: usize) {
        let mut grown = vec![0; self.len + n + self.buf.len() / 2];
        grown[..self.len].copy_from_slice(&self.buf[..self.len]);
        self.buf = grown;
    }

    /// One ASCII byte.
    pub fn byte(&mut self, byte: u8) {
        self.room(1);
        self.buf[self.len] = byte;
        self.len += 1;
    }

    /// ASCII text or whole UTF-8 strings, as they are.
    pub fn str(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let n = bytes.len();
        self.room(n);
        if n > 24 {
            // One copy, whose checks cost less than a loop over this many bytes.
            self.buf[self.len..self.len + n].copy_from_slice(bytes);
            self.len += n;
            return;
        }
        // A slice, since indexing a `Vec` is a call where indexing a slice is not.
        let buf: &mut [u8] = &mut self.buf;
        let mut at = self.len;
        let mut i = 0;
        while i < n {
            buf[at] = bytes[i];
            at += 1;
            i += 1;
        }
        self.len = at;
    }

    /// `n` in decimal.
    pub fn number(&mut self, n: usize) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut rest = n;
        loop {
            at -= 1;
            digits[at] = b"0123456789"[rest % 10];
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        self.room(digits.len() - at);
        let buf: &mut [u8] = &mut self.buf;
        while at < digits.len() {
            buf[self.len] = digits[at];
            self.len += 1;
            at += 1;
        }
    }

    /// `string` as a Rust string literal: copied when it is printable ASCII without quotes
    /// or backslashes (names, codes, most messages), else escaped by `{:?}`, whose escapes
    /// are Rust's.
    pub fn string_literal(&mut self, string: &str) {
        let bytes = string.as_bytes();
        let n = bytes.len();
        self.room(n + 2);
        // Copied while checked; on the first byte to escape, the copy is dropped.
        let buf: &mut [u8] = &mut self.buf;
        let mut at = self.len;
        buf[at] = b'"';
        at += 1;
        let mut i = 0;
        while i < n {
            let byte = bytes[i];
            if !matches!(byte, b' '..=b'~') || byte == b'"' || byte == b'\\' {
                self.str(&format!("{string:?}"));
                return;
            }
            buf[at] = byte;
            at += 1;
            i += 1;
        }
        buf[at] = b'"';
        self.len = at + 1;
    }

    /// `bytes` as the inside of a byte string literal: printable ASCII as it is, every other
    /// byte (and `"` and `\`) as `\xHH`.
    pub fn byte_string_body(&mut self, bytes: &[u8]) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        self.room(bytes.len() * 4);
        let buf: &mut [u8] = &mut self.buf;
        let mut at = self.len;
        let mut i = 0;
        while i < bytes.len() {
            let byte = bytes[i];
            if matches!(byte, b' '..=b'~') && byte != b'"' && byte != b'\\' {
                buf[at] = byte;
                at += 1;
            } else {
                buf[at] = b'\\';
                buf[at + 1] = b'x';
                buf[at + 2] = HEX[(byte >> 4) as usize];
                buf[at + 3] = HEX[(byte & 15) as usize];
                at += 4;
            }
            i += 1;
        }
        self.len = at;
    }

    /// The text so far; `None` if it is not UTF-8, which it always is: whole strings and
    /// ASCII.
    pub fn as_str(&self) -> Option<&str> {
        std::str::from_utf8(self.buf.get(..self.len)?).ok()
    }

    /// Empties the text, keeping its buffer.
    pub fn clear(&mut self) {
        self.len = 0;
    }

    /// Whether nothing is written.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The text; `None` if it is not UTF-8, which it always is: whole strings and ASCII.
    pub fn finish(mut self) -> Option<String> {
        self.buf.truncate(self.len);
        String::from_utf8(self.buf).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::Text;

    #[test]
    fn writes_what_it_is_given() {
        let mut text = Text::with_capacity(0);
        text.str("héllo ");
        text.number(0);
        text.byte(b' ');
        text.number(65_535);
        text.byte(b' ');
        text.number(usize::MAX);
        text.byte(b' ');
        text.string_literal("A_B c");
        text.string_literal("say \"hi\"\\ \n é");
        text.byte(b' ');
        text.byte_string_body(&[0, b'a', b'"', b'\\', b'~', 0x7f, 0xff, b' ']);
        assert_eq!(
            text.finish().as_deref(),
            Some(
                "héllo 0 65535 18446744073709551615 \"A_B c\"\"say \\\"hi\\\"\\\\ \\n é\" \\x00a\\x22\\x5c~\\x7f\\xff "
            )
        );
    }

    #[test]
    fn escapes_a_string_whose_only_escape_is_one_kind() {
        // Each kind of byte alone must take the escaping path: the plain copy is dropped
        // only when some byte asks for escaping.
        for (string, literal) in [
            ("\"", r#""\"""#),
            ("a \"b\"", r#""a \"b\"""#),
            ("a\\b", r#""a\\b""#),
            ("\\", r#""\\""#),
            ("\n", r#""\n""#),
            ("\r", r#""\r""#),
            ("\u{7f}", r#""\u{7f}""#),
        ] {
            let mut text = Text::with_capacity(0);
            text.string_literal(string);
            assert_eq!(text.finish().as_deref(), Some(literal), "{string:?}");
        }
    }

    #[test]
    fn a_short_literal_fits_a_full_buffer() {
        // The buffer starts at 16 bytes: fill it, then a literal needs room for its quotes.
        for string in ["", "x"] {
            let mut text = Text::with_capacity(0);
            text.str("0123456789abcdef");
            text.string_literal(string);
            assert_eq!(text.finish(), Some(format!("0123456789abcdef\"{string}\"")));
        }
    }

    #[test]
    fn grows_from_nothing_past_any_piece() {
        let mut text = Text::with_capacity(0);
        let long = "x".repeat(1000);
        text.str(&long);
        text.byte_string_body(&[0; 100]);
        let out = text.finish().unwrap();
        assert_eq!(out.len(), 1000 + 400);
        assert!(out.ends_with(&"\\x00".repeat(100)));
    }
}
