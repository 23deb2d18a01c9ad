#!/usr/bin/env python3
"""Compile-time cost of #[derive(ApiError)] against hand-written code of the same behaviour.

Generates four leaf crates under target/compile-bench/ (300 and 1000 variants, derived and
hand-written, from generate.py), prebuilds their dependencies, then times a touched
`cargo check` and a touched `cargo build --release` of each pair, alternating the two crates
of a pair run by run, and prints medians and ratios. With --cold it also times a cold debug
build of thiserror + serde + serde_json with and without `status`, built as a crates.io
user builds it (not incrementally; --cold-incremental for the path dependency's way).

    python3 benches/compile/bench.py [--runs 15] [--cold 3]

Public tools only: cargo and Python's clock.
"""
import argparse
import json
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent.parent
ROOT = REPO / "target" / "compile-bench"
sys.path.insert(0, str(HERE))
import generate  # noqa: E402

DEPS = """thiserror = "2"
serde = { version = "1", features = ["derive"] }
serde_json = "1"
"""


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text() != text:
        path.write_text(text)


def setup(sizes):
    members = []
    for n in sizes:
        for kind in ("derived", "hand"):
            name = f"{kind}{n}"
            members.append(name)
            status = f'status = {{ path = "{REPO}" }}\n' if kind == "derived" else ""
            write(ROOT / name / "Cargo.toml",
                  f'[package]\nname = "{name}"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n'
                  f"[dependencies]\n{DEPS}{status}")
            body = generate.derived(n) if kind == "derived" else generate.hand(n)
            write(ROOT / name / "src" / "lib.rs", "#![allow(missing_docs)]\n" + body)
    for name in ("stack-with-status", "stack-without-status"):
        status = f'status = {{ path = "{REPO}" }}\n' if name == "stack-with-status" else ""
        write(ROOT / name / "Cargo.toml",
              f'[package]\nname = "{name}"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n'
              f"[dependencies]\n{DEPS}{status}")
        write(ROOT / name / "src" / "lib.rs", "")
        members.append(name)
    write(ROOT / "Cargo.toml",
          "[workspace]\nresolver = \"3\"\nmembers = [" + ", ".join(f'"{m}"' for m in members) + "]\n")


def cargo(*args, target=None, incremental=True):
    env = dict(os.environ)
    env["CARGO_TARGET_DIR"] = str(target or ROOT / "target")
    if not incremental:
        env["CARGO_INCREMENTAL"] = "0"
    subprocess.run(["cargo", *args], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def timed(*args, target=None, touch=None, incremental=True):
    if touch is not None:
        os.utime(touch, None)
    start = time.perf_counter()
    cargo(*args, target=target, incremental=incremental)
    return time.perf_counter() - start


def paired(derived, hand):
    """The median of the run-by-run ratios and their quartiles: the two builds of a run are
    timed back to back, so a slow spell of the machine moves both."""
    ratios = sorted(d / h for d, h in zip(derived, hand))
    quartile = lambda q: ratios[round(q * (len(ratios) - 1))]  # noqa: E731
    return statistics.median(ratios), quartile(0.25), quartile(0.75)


def row(label, hand, derived, times_derived, times_hand, runs, digits):
    ratio = derived / hand
    mid, low, high = paired(times_derived, times_hand)
    print(f"| {label} | {hand:.{digits}f} s | {derived:.{digits}f} s | {ratio:.2f}x | "
          f"{mid:.2f}x ({low:.2f}–{high:.2f}) | {runs} |", flush=True)
    return ratio, mid, (low, high)


def pair(label, crates, args, runs):
    for crate in crates:  # prebuild dependencies and the crate itself
        cargo(*args, "-p", crate)
    times = {crate: [] for crate in crates}
    for i in range(runs):
        order = crates if i % 2 == 0 else crates[::-1]
        for crate in order:
            times[crate].append(timed(*args, "-p", crate, touch=ROOT / crate / "src" / "lib.rs"))
    med = {crate: statistics.median(ts) for crate, ts in times.items()}
    derived, hand = crates
    ratio, mid, iqr = row(label, med[hand], med[derived], times[derived], times[hand], runs, 3)
    return {"what": label, "hand": med[hand], "derived": med[derived], "ratio": ratio,
            "paired_ratio": mid, "paired_iqr": iqr, "runs": runs, "samples": times}


def cold(runs, incremental):
    """Cold debug builds of the stack. `status` is a path dependency here, which cargo builds
    incrementally; from crates.io it is built like serde and thiserror, without. So by
    default the stack builds with CARGO_INCREMENTAL=0, which changes only the `status`
    crates and the empty leaf crate: every other crate is a registry crate either way."""
    results = {}
    for i in range(runs):
        for name in (("stack-with-status", "stack-without-status") if i % 2 == 0
                     else ("stack-without-status", "stack-with-status")):
            target = ROOT / f"target-cold-{name}"
            shutil.rmtree(target, ignore_errors=True)
            results.setdefault(name, []).append(
                timed("build", "-p", name, target=target, incremental=incremental))
    med = {name: statistics.median(ts) for name, ts in results.items()}
    how = "status built incrementally, as a path dependency" if incremental else "status built as from crates.io"
    ratio, mid, iqr = row(f"cold debug build: thiserror + serde + serde_json (+ status); {how}",
                          med["stack-without-status"], med["stack-with-status"],
                          results["stack-with-status"], results["stack-without-status"], runs, 2)
    return {"what": "cold", "incremental": incremental, "without": med["stack-without-status"], "with": med["stack-with-status"],
            "ratio": ratio, "paired_ratio": mid, "paired_iqr": iqr, "runs": runs, "samples": results}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15, help="touched-build runs per crate (0 to skip)")
    parser.add_argument("--cold", type=int, default=3, help="cold-build runs per side (0 to skip)")
    parser.add_argument("--cold-incremental", action="store_true",
                        help="build `status` incrementally in the cold build, as a path dependency is")
    parser.add_argument("--sizes", default="300,1000")
    opts = parser.parse_args()
    sizes = [int(s) for s in opts.sizes.split(",")]
    setup(sizes)
    cargo("fetch")
    print(f"machine: {os.cpu_count()} cores; {subprocess.run(['rustc', '--version'], capture_output=True, text=True).stdout.strip()}")
    print("| what | hand-written (median) | derived (median) | ratio of medians | "
          "paired ratio: median (quartiles) | runs |")
    print("|---|---|---|---|---|---|")
    report = []
    for n in sizes if opts.runs else []:
        report.append(pair(f"touched `cargo check`, {n} variants", [f"derived{n}", f"hand{n}"], ["check"], opts.runs))
    for n in sizes if opts.runs else []:
        report.append(pair(f"touched `cargo build --release`, {n} variants", [f"derived{n}", f"hand{n}"],
                           ["build", "--release"], opts.runs))
    if opts.cold:
        report.append(cold(opts.cold, opts.cold_incremental))
    (ROOT / "report.json").write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
