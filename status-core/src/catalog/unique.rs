//! The `const` check that no two variants under one type share a code, through
//! `transparent` nesting: the inner types, other crates' among them, are out of the
//! derive's sight, so the compiler checks the whole catalog when it evaluates the type's
//! impl.

use super::Entry;

/// How many variants under one type [`duplicate_code`] compares; past it, the rest are
/// not checked.
pub(crate) const CAPACITY: usize = 16_384;

/// The hash table's size: a power of two, twice [`CAPACITY`], so a probe ends soon.
const SLOTS: usize = 2 * CAPACITY;

/// The first code that two variants under one type share, as a message naming the code,
/// the type and both variants. The derive evaluates it in a `const` for every type with a
/// `transparent` variant, so a clash across nested types fails the build. Not a public API.
///
/// Linear in the number of variants: each code's hash goes into an open-addressing table of
/// hashes (integers, so the evaluator tracks no pointers in it); only when a hash is already
/// there are the codes themselves compared, by counting that code under the type. A
/// pairwise comparison was quadratic and, at about 400 inner variants, ran into rustc's
/// `long_running_const_eval` lint, which is an error by default.
#[doc(hidden)]
// Evaluated by the compiler, where there is no heap; 128 KiB at run time in a test.
#[allow(clippy::large_stack_arrays)]
pub const fn duplicate_code(catalog: &'static [Entry], type_name: &str) -> Option<ConstMessage> {
    let mut table = [0u32; SLOTS];
    let mut seen = 0;
    match first_duplicate(catalog, catalog, &mut table, &mut seen) {
        Some(code) => {
            let mut message = ConstMessage::new();
            message.push("code `");
            message.push(code);
            message.push("` is used twice under `");
            message.push(type_name);
            message.push("`, by `");
            let mut skip = 0;
            let _ = push_path(&mut message, catalog, code, &mut skip);
            message.push("` and by `");
            let mut skip = 1;
            let _ = push_path(&mut message, catalog, code, &mut skip);
            message.push(
                "`; clients switch on codes, so one code must name one error, forever \
                 (AIP-193): give one of them its own code",
            );
            Some(message)
        }
        None => None,
    }
}

/// Walks `catalog` (a part of `root`), adding each code's hash to `table`; returns the first
/// code that `root` holds twice.
const fn first_duplicate(
    root: &'static [Entry],
    catalog: &'static [Entry],
    table: &mut [u32; SLOTS],
    seen: &mut usize,
) -> Option<&'static str> {
    let mut i = 0;
    while i < catalog.len() && *seen < CAPACITY {
        match &catalog[i] {
            Entry::Variant(info) => {
                *seen += 1;
                if insert(table, hash(info.code)) && count(root, info.code) > 1 {
                    return Some(info.code);
                }
            }
            Entry::Transparent { inner, .. } => {
                if let Some(code) = first_duplicate(root, inner, table, seen) {
                    return Some(code);
                }
            }
        }
        i += 1;
    }
    None
}

/// Adds `hash` to the table: `true` when it was there already.
const fn insert(table: &mut [u32; SLOTS], hash: u32) -> bool {
    let mut slot = hash as usize & (SLOTS - 1);
    loop {
        if table[slot] == 0 {
            table[slot] = hash;
            return false;
        }
        if table[slot] == hash {
            return true;
        }
        slot = (slot + 1) & (SLOTS - 1);
    }
}

/// FNV-1a, never 0 (an empty slot).
const fn hash(code: &str) -> u32 {
    let bytes = code.as_bytes();
    let mut hash: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < bytes.len() {
        hash = (hash ^ bytes[i] as u32).wrapping_mul(0x0100_0193);
        i += 1;
    }
    if hash == 0 { 1 } else { hash }
}

/// How many variants under `catalog` have `code`.
const fn count(catalog: &'static [Entry], code: &str) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < catalog.len() {
        n += match &catalog[i] {
            Entry::Variant(info) => str_eq(info.code, code) as usize,
            Entry::Transparent { inner, .. } => count(inner, code),
        };
        i += 1;
    }
    n
}

/// Writes the path of the variant with `code` after `skip` others with it; `true` when
/// found.
const fn push_path(
    message: &mut ConstMessage,
    catalog: &'static [Entry],
    code: &str,
    skip: &mut usize,
) -> bool {
    let mut i = 0;
    while i < catalog.len() {
        match &catalog[i] {
            Entry::Variant(info) => {
                if str_eq(info.code, code) {
                    if *skip == 0 {
                        message.push(info.name);
                        return true;
                    }
                    *skip -= 1;
                }
            }
            Entry::Transparent { name, inner } => {
                let mark = message.len;
                message.push(name);
                message.push("::");
                if push_path(message, inner, code, skip) {
                    return true;
                }
                message.len = mark;
            }
        }
        i += 1;
    }
    false
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// A message built in `const` evaluation, where there is no `String`: a fixed buffer,
/// truncated at a character boundary when full. Not a public API.
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct ConstMessage {
    bytes: [u8; 512],
    len: usize,
}

impl ConstMessage {
    const fn new() -> Self {
        ConstMessage {
            bytes: [0; 512],
            len: 0,
        }
    }

    const fn push(&mut self, text: &str) {
        let text = text.as_bytes();
        let mut i = 0;
        while i < text.len() && self.len < self.bytes.len() {
            self.bytes[self.len] = text[i];
            self.len += 1;
            i += 1;
        }
    }

    /// The text, for `panic!("{}", message.as_str())`.
    pub const fn as_str(&self) -> &str {
        let (written, _) = self.bytes.split_at(self.len);
        match core::str::from_utf8(written) {
            Ok(text) => text,
            Err(error) => {
                let (valid, _) = written.split_at(error.valid_up_to());
                match core::str::from_utf8(valid) {
                    Ok(text) => text,
                    Err(_) => "",
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::VariantInfo;
    use crate::status::Status;

    const fn variant(name: &'static str, code: &'static str) -> Entry {
        Entry::Variant(VariantInfo::new(name, Status::NOT_FOUND, code))
    }

    /// `count` variants with codes `{prefix}_0`, `{prefix}_1`, …
    fn many(prefix: &str, count: usize) -> &'static [Entry] {
        let rows: Vec<Entry> = (0..count)
            .map(|i| variant("V", Box::leak(format!("{prefix}_{i}").into_boxed_str())))
            .collect();
        Box::leak(rows.into_boxed_slice())
    }

    fn inner(name: &'static str, inner: &'static [Entry]) -> Entry {
        Entry::Transparent { name, inner }
    }

    const DB: &[Entry] = &[variant("Locked", "LOCKED"), variant("Timeout", "TIMEOUT")];
    const REPO: &[Entry] = &[
        Entry::Transparent {
            name: "Db",
            inner: DB,
        },
        variant("Missing", "MISSING"),
    ];

    #[test]
    fn unique_codes_pass() {
        const OUTER: &[Entry] = &[
            Entry::Transparent {
                name: "Repo",
                inner: REPO,
            },
            variant("Gone", "GONE"),
        ];
        assert!(duplicate_code(OUTER, "Outer").is_none());
        assert!(duplicate_code(&[], "Empty").is_none());
    }

    #[test]
    fn a_duplicate_names_the_code_and_both_paths() {
        const OUTER: &[Entry] = &[
            variant("First", "FIRST"),
            Entry::Transparent {
                name: "Repo",
                inner: REPO,
            },
            Entry::Transparent {
                name: "Cache",
                inner: &[variant("Slow", "TIMEOUT")],
            },
        ];
        const MESSAGE: Option<ConstMessage> = duplicate_code(OUTER, "Outer");
        assert_eq!(
            MESSAGE.as_ref().map(ConstMessage::as_str),
            Some(
                "code `TIMEOUT` is used twice under `Outer`, by `Repo::Db::Timeout` and by \
                 `Cache::Slow`; clients switch on codes, so one code must name one error, \
                 forever (AIP-193): give one of them its own code"
            )
        );
    }

    #[test]
    fn an_own_variant_after_an_inner_type_is_compared_with_it() {
        const ONE: &[Entry] = &[
            Entry::Transparent {
                name: "Db",
                inner: &[variant("Timeout", "TIMEOUT")],
            },
            variant("Slow", "TIMEOUT"),
            variant("Other", "OTHER"),
        ];
        let expected = "code `TIMEOUT` is used twice under `Outer`, by `Db::Timeout` and by \
                        `Slow`; clients switch on codes, so one code must name one error, \
                        forever (AIP-193): give one of them its own code";
        let message = duplicate_code(ONE, "Outer");
        assert_eq!(message.as_ref().map(ConstMessage::as_str), Some(expected));
    }

    /// Two inner types of 5,000 variants each: no clash, then a clash between their last
    /// variants, found with both paths.
    #[test]
    fn large_nested_catalogs_are_checked_whole() {
        let (a, b) = (many("A", 5_000), many("B", 5_000));
        let outer: &'static [Entry] = Box::leak(Box::new([inner("A", a), inner("B", b)]));
        assert!(duplicate_code(outer, "Outer").is_none());
        let clash = many("A", 5_000);
        let outer: &'static [Entry] = Box::leak(Box::new([inner("A", a), inner("B", clash)]));
        let message = duplicate_code(outer, "Outer").expect("a clash");
        assert!(
            message
                .as_str()
                .starts_with("code `A_0` is used twice under `Outer`, by `A::V` and by `B::V`;"),
            "{}",
            message.as_str()
        );
    }

    /// Codes whose hashes are equal are compared as codes: no false duplicate.
    #[test]
    fn a_hash_collision_is_not_a_duplicate() {
        // Two distinct codes with one 32-bit hash: by the birthday bound, within some
        // 100,000 candidates.
        let mut by_hash = std::collections::HashMap::new();
        let (first, second) = (0u32..)
            .map(|i| format!("C{i}"))
            .find_map(|code| {
                let code: &'static str = Box::leak(code.into_boxed_str());
                by_hash.insert(hash(code), code).map(|old| (old, code))
            })
            .expect("two codes with one hash");
        assert_ne!(first, second);
        let catalog: &'static [Entry] =
            Box::leak(Box::new([variant("A", first), variant("B", second)]));
        assert!(duplicate_code(catalog, "T").is_none());
    }

    #[test]
    fn past_the_capacity_the_rest_is_not_checked_and_nothing_panics() {
        let own = many("C", CAPACITY - 1);
        let clash = Box::leak(Box::new([variant("Clash", "C_7")]));
        let outer = |own: &'static [Entry]| -> &'static [Entry] {
            let mut rows = own.to_vec();
            rows.push(inner("Inner", clash));
            Box::leak(rows.into_boxed_slice())
        };
        // The inner variant is the last one checked: still compared.
        assert!(duplicate_code(outer(own), "Big").is_some());
        // One variant more, and it is past the capacity (the documented limit).
        assert!(duplicate_code(outer(many("C", CAPACITY)), "Big").is_none());
    }

    #[test]
    fn a_long_message_is_cut_at_a_character_boundary() {
        let mut message = ConstMessage::new();
        message.push(&"a".repeat(511));
        message.push("é and more");
        assert_eq!(message.as_str(), "a".repeat(511));
        message.len = 0;
        message.push("short");
        assert_eq!(message.as_str(), "short");
    }
}
