#!/usr/bin/env python3
"""Measures the REPL as a person meets it, in a pseudo-terminal (`make measure-repl`):

  - time from starting `lectern` to its first prompt (median of RUNS starts);
  - resident memory (VmRSS from /proc) at the idle prompt;
  - resident memory after the spiral training of W4 typed at the prompt (written in the
    language, as `lectern bench W4` runs it), and after each of TRAININGS (10) more trainings in the
    same session: memory must not grow with every training.

Usage: scripts/measure-repl.py [BINARY] [RUNS] [TRAININGS]   (default .build/release/lectern, 21, 10)
"""
import os
import pty
import select
import statistics
import sys
import tempfile
import time

BINARY = sys.argv[1] if len(sys.argv) > 1 else ".build/release/lectern"
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 21
TRAININGS = int(sys.argv[3]) if len(sys.argv) > 3 else 10

# W4: CS231n's spiral, 2 -> 100 -> 3 ReLU, 1000 full-batch SGD steps, written by hand.
SETUP = "seed(0)\rd = spiral()\r"
TRAINING = (
    "w1 = param(randn(2, 100) * 0.01); b1 = param(zeros(100)); "
    "w2 = param(randn(100, 3) * 0.01); b2 = param(zeros(3)); "
    "for i in range(1000) { scores = relu(d.x @ w1 + b1) @ w2 + b2; "
    "loss = cross_entropy(scores, d.y); backward(loss); "
    "w1 -= w1.grad; b1 -= b1.grad; w2 -= w2.grad; b2 -= b2.grad }; "
    "accuracy(relu(d.x @ w1 + b1) @ w2 + b2, d.y)\r"
)


class Session:
    def __init__(self, home):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.environ.update({"HOME": home, "XDG_STATE_HOME": home + "/state", "TERM": "xterm", "NO_COLOR": "1"})
            os.execv(BINARY, [BINARY])
        self.screen = b""

    def expect(self, text, timeout=120):
        end = time.monotonic() + timeout
        while text not in self.screen:
            ready, _, _ = select.select([self.fd], [], [], 0.01)
            if ready:
                self.screen += os.read(self.fd, 65536)
            if time.monotonic() > end:
                raise TimeoutError(f"no {text!r} in {self.screen[-400:]!r}")
        self.screen = self.screen[self.screen.index(text) + len(text):]

    def type(self, text):
        os.write(self.fd, text.encode())

    def rss_mb(self):
        with open(f"/proc/{self.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        raise RuntimeError("no VmRSS")

    def quit(self):
        self.type("\x04")
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def main():
    with tempfile.TemporaryDirectory() as home:
        starts = []
        for _ in range(RUNS):
            began = time.monotonic()
            session = Session(home)
            session.expect(b">>> ")
            starts.append((time.monotonic() - began) * 1000)
            session.quit()
        print(f"start to prompt: median {statistics.median(starts):.1f} ms "
              f"(min {min(starts):.1f}, max {max(starts):.1f}, {RUNS} starts)")

        session = Session(home)
        session.expect(b">>> ")
        time.sleep(0.5)
        print(f"resident memory at the idle prompt: {session.rss_mb():.1f} MB")
        session.type(SETUP)
        session.expect(b">>> ")
        session.expect(b">>> ")
        memory = []
        for run in range(TRAININGS + 1):
            began = time.monotonic()
            session.type(TRAINING)
            session.expect(b"\n")  # the echo of the line
            session.expect(b">>> ")
            seconds = time.monotonic() - began
            memory.append(session.rss_mb())
            label = "after the W4 training" if run == 0 else f"after training {run + 1}"
            print(f"resident memory {label}: {memory[-1]:.1f} MB ({seconds:.2f} s)")
        growth = memory[-1] - memory[0]
        print(f"growth over {TRAININGS} more trainings: {growth:+.1f} MB "
              f"(over the last half of them: {memory[-1] - memory[len(memory) // 2]:+.1f} MB)")
        session.quit()


if __name__ == "__main__":
    main()
