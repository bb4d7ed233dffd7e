#!/usr/bin/env python3
"""Reference values for RandomTests.swift, from NumPy's own PCG64.

Run:  python3 Tests/TensorEngineTests/Fixtures/make_random_fixtures.py

For each seed, this mirrors `RandomGenerator(seed:)` in Sources/TensorEngine/Random.swift
(SplitMix64 expands the seed into an initial state and a stream selector, then PCG's
`pcg_setseq_128_srandom_r`), hands the resulting (state, increment) to NumPy's PCG64
bit generator, and prints what NumPy draws from there:
  - `bg.random_raw(8)`: the raw 64-bit outputs, which must equal `next()`;
  - `Generator(bg).random(8)`: `(next >> 11) * 2**-53`, which must equal `uniform()`.
NumPy is the independent reference for the PCG64 step and output function; only the
seeding (which NumPy does differently, through SeedSequence) is ours, written out below.

From NumPy's raw stream for seed 0 it then derives, in plain Python, what the rest of
`RandomGenerator` must make of it: `normal()` (Marsaglia's polar method, same operations
in the same order, so the same doubles given the same libm `log`), `integer(below:)` and
`permutation(_:)` (rejection sampling, Fisher-Yates).
The printed Swift goes into RandomTests.swift by hand.
"""
import math

import numpy as np

MASK64 = (1 << 64) - 1
MASK128 = (1 << 128) - 1
PCG_MULTIPLIER = 0x2360ED051FC65DA44385DF649FCCF645


def splitmix64(seed):
    state = seed
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK64
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        yield z ^ (z >> 31)


def seeded_state(seed):
    """(state, increment) after RandomGenerator(seed:)."""
    words = splitmix64(seed)
    init_state = next(words) << 64 | next(words)
    init_seq = next(words) << 64 | next(words)
    inc = (init_seq << 1 | 1) & MASK128
    state = 0
    state = (state * PCG_MULTIPLIER + inc) & MASK128
    state = (state + init_state) & MASK128
    state = (state * PCG_MULTIPLIER + inc) & MASK128
    return state, inc


def numpy_pcg64(state, inc):
    bg = np.random.PCG64()
    bg.state = {'bit_generator': 'PCG64', 'state': {'state': state, 'inc': inc},
                'has_uint32': 0, 'uinteger': 0}
    return bg


def swift_u128(x):
    return "0x" + "_".join(f"{x:032X}"[i:i + 4] for i in range(0, 32, 4))


def uniform(raw):
    return float(raw >> 11) * 2.0 ** -53


def polar_normals(raws, count):
    """RandomGenerator.normal(), `count` times."""
    out, spare = [], None
    while len(out) < count:
        if spare is not None:
            out.append(spare)
            spare = None
            continue
        u = 2 * uniform(next(raws)) - 1
        v = 2 * uniform(next(raws)) - 1
        s = u * u + v * v
        if not (0 < s < 1):
            continue
        factor = math.sqrt(-2 * math.log(s) / s)
        spare = v * factor
        out.append(u * factor)
    return out


def integer_below(raws, bound):
    """RandomGenerator.integer(below:)."""
    limit = MASK64 - MASK64 % bound
    while True:
        x = next(raws)
        if x < limit:
            return x % bound


def permutation(raws, n):
    """RandomGenerator.permutation(_:): Fisher-Yates from the last index down."""
    order = list(range(n))
    for i in range(n - 1, 0, -1):
        j = integer_below(raws, i + 1)
        order[i], order[j] = order[j], order[i]
    return order


def raw_stream(seed):
    return iter(int(x) for x in numpy_pcg64(*seeded_state(seed)).random_raw(10_000))


def main():
    for seed in (0, 42):
        state, inc = seeded_state(seed)
        raw = numpy_pcg64(state, inc).random_raw(8)
        uniforms = np.random.Generator(numpy_pcg64(state, inc)).random(8)
        print(f"// seed {seed}")
        print(f"state: {swift_u128(state)},")
        print(f"increment: {swift_u128(inc)},")
        print("next: [" + ", ".join(f"0x{int(x):016X}" for x in raw) + "],")
        print("uniform: [" + ", ".join(repr(float(u)) for u in uniforms) + "]")
    print("// seed 0: normal() x 8")
    print("[" + ", ".join(repr(x) for x in polar_normals(raw_stream(0), 8)) + "]")
    print("// seed 0: integer(below: 6) x 12")
    raws = raw_stream(0)
    print("[" + ", ".join(str(integer_below(raws, 6)) for _ in range(12)) + "]")
    print("// seed 0: permutation(10)")
    print(permutation(raw_stream(0), 10))


if __name__ == "__main__":
    main()
