//! The catalog as the derive writes it: a few literals decoded in `const` evaluation.

use super::{Entry, MessageSource, VariantInfo};
use crate::status::Status;

/// The bytes of one variant in [`packed`]'s layout.
pub(crate) const ROW: usize = 14;

/// A catalog the derive wrote packed, decoded in `const` evaluation. Not a public API.
///
/// `layout` holds [`ROW`] bytes per variant, integers little-endian:
///
/// | bytes | what |
/// |---|---|
/// | 0–1 | the status (`u16`); for a transparent variant, the index in `inners` of its inner type's catalog |
/// | 2 | the kind: 0 `Display`, 1 the reason phrase, 2 a fixed message, 3 `Display` whose text is a constant, 4 a transparent variant, 5 a message template |
/// | 3–4, 5–6, 7–8, 9–10 | the indices in `strings` of its name, reason phrase, code and text (the text is read for kinds 2, 3 and 5) |
/// | 11, 12 | the indices in `lists` of its exposed field names and its header names |
/// | 13 | the index in `pairs` of its static headers |
///
/// Why: the compiler lowers, type checks, hashes and caches every expression of a literal
/// on each check, about 140,000 instructions per variant as a struct literal; here a variant
/// is a few bytes and indices into shared tables. The decoding is indexing and arithmetic,
/// without function calls, which `const` evaluation is slowest at.
#[doc(hidden)]
#[allow(clippy::cast_lossless)] // `as` widens; `From` is not `const`
pub const fn packed<const N: usize>(
    layout: &[u8],
    strings: &'static [&'static str],
    lists: &'static [&'static [&'static str]],
    pairs: &'static [&'static [(&'static str, &'static str)]],
    inners: &'static [&'static [Entry]],
) -> [Entry; N] {
    const UNSET: Entry = Entry::Variant(VariantInfo::new("", Status::INTERNAL_SERVER_ERROR, ""));
    macro_rules! u16_at {
        ($at:expr) => {
            layout[$at] as u16 | (layout[$at + 1] as u16) << 8
        };
    }
    let mut out = [UNSET; N];
    let mut i = 0;
    while i < N {
        let at = i * ROW;
        let name = strings[u16_at!(at + 3) as usize];
        if layout[at + 2] == 4 {
            out[i] = Entry::Transparent {
                name,
                inner: inners[u16_at!(at) as usize],
            };
            i += 1;
            continue;
        }
        let code = u16_at!(at);
        let status = if code >= 100 && code <= 599 {
            Status(code)
        } else {
            Status::INTERNAL_SERVER_ERROR
        };
        let reason = strings[u16_at!(at + 5) as usize];
        let known = strings[u16_at!(at + 9) as usize];
        let (message, text) = match layout[at + 2] {
            0 => (MessageSource::Display, None),
            1 => (MessageSource::Reason, Some(reason)),
            2 => (MessageSource::Fixed(known), Some(known)),
            5 => (MessageSource::Template(known), None),
            _ => (MessageSource::Display, Some(known)),
        };
        out[i] = Entry::Variant(VariantInfo {
            name,
            status,
            reason,
            code: strings[u16_at!(at + 7) as usize],
            message,
            fields: lists[layout[at + 11] as usize],
            headers: lists[layout[at + 12] as usize],
            static_headers: pairs[layout[at + 13] as usize],
            text,
        });
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One variant's bytes in `packed`'s layout.
    fn row(status: u16, kind: u8, strings: [u16; 4], lists: [u8; 3]) -> Vec<u8> {
        let mut out = status.to_le_bytes().to_vec();
        out.push(kind);
        for index in strings {
            out.extend_from_slice(&index.to_le_bytes());
        }
        out.extend_from_slice(&lists);
        assert_eq!(out.len(), ROW);
        out
    }

    #[test]
    fn packed_rows_decode_field_by_field() {
        const STRINGS: &[&str] = &[
            "",
            "Gone",
            "Gone",
            "GONE",
            "it is gone",
            "Odd",
            "Teapot",
            "Inner",
            "id {id}",
        ];
        const LISTS: &[&[&str]] = &[&[], &["id", "name"], &["Retry-After"]];
        const PAIRS: &[&[(&str, &str)]] = &[&[], &[("Retry-After", "30")]];
        const INNER: &[Entry] = &[Entry::Variant(VariantInfo::new(
            "Locked",
            Status::LOCKED,
            "LOCKED",
        ))];
        let layout = [
            row(410, 3, [1, 2, 3, 4], [1, 2, 1]),
            row(410, 2, [5, 2, 3, 4], [0, 0, 0]),
            row(410, 1, [1, 2, 3, 0], [0, 0, 0]),
            row(499, 0, [6, 6, 3, 0], [0, 0, 0]),
            row(1, 4, [7, 0, 0, 0], [0, 0, 0]),
            row(410, 5, [1, 2, 3, 8], [1, 0, 0]),
            // Outside 100..=599 (the derive never writes one): a 500, not a panic.
            row(600, 0, [1, 2, 3, 0], [0, 0, 0]),
            row(99, 0, [1, 2, 3, 0], [0, 0, 0]),
        ]
        .concat();
        let entries = packed::<8>(&layout, STRINGS, LISTS, PAIRS, &[&[], INNER]);
        let rows: Vec<VariantInfo> = entries
            .iter()
            .filter_map(|entry| match entry {
                Entry::Variant(info) => Some(*info),
                Entry::Transparent { .. } => None,
            })
            .collect();
        let gone = VariantInfo::new("Gone", Status::GONE, "GONE");
        assert_eq!(
            rows[0],
            gone.text("it is gone")
                .fields(&["id", "name"])
                .headers(&["Retry-After"])
                .static_headers(&[("Retry-After", "30")])
        );
        let fixed = MessageSource::Fixed("it is gone");
        assert_eq!(
            rows[1],
            VariantInfo {
                name: "Odd",
                ..gone.message(fixed)
            }
        );
        assert_eq!(rows[2], gone.message(MessageSource::Reason));
        let teapot = Status::new(499).unwrap();
        assert_eq!(
            rows[3],
            VariantInfo::new("Teapot", teapot, "GONE").reason("Teapot")
        );
        assert_eq!(
            entries[4],
            Entry::Transparent {
                name: "Inner",
                inner: INNER
            }
        );
        assert_eq!(
            rows[4],
            gone.message(MessageSource::Template("id {id}"))
                .fields(&["id", "name"])
        );
        for info in &rows[5..] {
            assert_eq!(info.status, Status::INTERNAL_SERVER_ERROR);
        }
    }
}
