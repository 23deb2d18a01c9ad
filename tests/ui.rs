//! The compile errors: one minimal case per rule and misuse, with its `.stderr` checked in.
//! Regenerate with `TRYBUILD=overwrite cargo test --test ui`, then read every diff.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    for group in ["status", "codes", "headers", "keys", "combos", "catalog"] {
        t.compile_fail(format!("tests/ui/{group}/*.rs"));
    }
    t.pass("tests/ui/pass/*.rs");
}

/// One mistake, one error: every case's `.stderr` holds exactly one error, except the cases
/// that make more than one mistake on purpose, with as many errors as mistakes.
#[test]
fn one_mistake_one_error() {
    const MISTAKES: &[(&str, usize)] = &[
        // Three variants without a status: each is reported, in one build.
        ("status/missing-status-accumulates.stderr", 3),
        // rustc's: the missing `ApiError` impl at the field's type and at the variant.
        ("combos/transparent-inner-not-api-error.stderr", 2),
    ];
    let mut checked = 0;
    for group in std::fs::read_dir("tests/ui").unwrap() {
        let group = group.unwrap().path();
        for case in std::fs::read_dir(&group).unwrap() {
            let path = case.unwrap().path();
            if path.extension().is_none_or(|ext| ext != "stderr") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let errors = text.lines().filter(|l| l.starts_with("error")).count();
            let name = path.strip_prefix("tests/ui").unwrap().to_str().unwrap();
            let name = name.trim_start_matches('/');
            let expected = MISTAKES
                .iter()
                .find(|(case, _)| *case == name)
                .map_or(1, |&(_, n)| n);
            assert_eq!(
                errors, expected,
                "{name}: {errors} errors for {expected} mistakes"
            );
            checked += 1;
        }
    }
    assert!(checked > 80, "only {checked} cases found");
}
