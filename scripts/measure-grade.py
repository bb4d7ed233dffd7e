#!/usr/bin/env python3
"""Measures `lectern grade` on a class of 200 generated submissions of 08-softmax-loss.

A mix: 100 correct, 50 partly correct (the loss without its gradient), 20 hard-coded for the
visible tests, 30 broken (syntax errors, the wrong arity, a string for a record). Grades them
with --jobs 2 (the summary on stderr gives the time and the peak memory of the grader and of
its largest child), then again with 20 of the correct ones replaced by endless loops inside
the graded function. Usage: scripts/measure-grade.py [.build/release/lectern]
"""
import os, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "Tests", "LecternGradeTests", "Corpus")
KINDS = [("correct", "honest.lec", 100), ("partial", "partial.lec", 50), ("hardcoded", "hardcoded.lec", 20),
         ("syntax", "syntax-error.lec", 10), ("arity", "wrong-arity.lec", 10), ("string", "string.lec", 10)]
LOOP = "fn softmax_loss(scores, y) {\n  while true {\n    scores = scores\n  }\n}\n"

def make_class(directory, loops):
    n = 0
    for kind, source, count in KINDS:
        text = open(os.path.join(CORPUS, source)).read()
        for i in range(count):
            body = LOOP if kind == "correct" and i < loops else text
            with open(os.path.join(directory, f"student-{n:03d}-{kind}.lec"), "w") as f:
                f.write(f"# student {n}\n" + body)
            n += 1

def grade(binary, directory, out):
    files = sorted(os.path.join(directory, name) for name in os.listdir(directory))
    start = time.monotonic()
    run = subprocess.run([binary, "grade", "08", *files, "--jobs", "2", "--format", "csv", "--out", out, "--course", ROOT],
                         capture_output=True, text=True)
    return time.monotonic() - start, run.returncode, run.stderr

def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "release", "lectern")
    scratch = tempfile.mkdtemp(prefix="lectern-measure-grade-")
    try:
        for loops in (0, 20):
            directory = os.path.join(scratch, f"class-{loops}")
            os.mkdir(directory)
            make_class(directory, loops)
            seconds, status, summary = grade(binary, directory, os.path.join(scratch, f"grades-{loops}.csv"))
            print(f"200 submissions, {loops} endless loops, --jobs 2: {seconds:.2f} s wall (exit status {status})")
            print("  " + summary.strip().replace("\n", "\n  "))
    finally:
        shutil.rmtree(scratch)

main()
