#!/usr/bin/env python3
"""Writes DescriptionFixtures.swift: tensors and NumPy's own `str()` of them.

Run from the package root:
    python3 Tests/TensorEngineTests/Fixtures/make_description_fixtures.py \\
        > Tests/TensorEngineTests/Fixtures/DescriptionFixtures.swift

Each case is a shape, its values (Python's `repr`, which reads back as the same double),
optional print options, and `str(a)` under `np.printoptions(...)`. Large tensors whose
values follow an exact formula carry the formula (as Swift) instead of a long literal.
"""
import json
import math
import struct

import numpy as np

CASES = []


def case(name, values, shape=None, formula=None, **options):
    a = np.array(values, dtype=np.float64)
    if shape is not None:
        a = a.reshape(shape)
    with np.printoptions(**options):
        text = str(a)
    CASES.append((name, a, formula, options, text))


def swift_double(x):
    if math.isnan(x):
        return ".nan"
    if math.isinf(x):
        return "-.infinity" if x < 0 else ".infinity"
    if x != 0 and abs(x) < 2.2250738585072014e-308:
        # Swift warns that a subnormal literal "loses precision"; give its bits instead.
        return f"Double(bitPattern: 0x{struct.unpack('<Q', struct.pack('<d', x))[0]:016X})"
    return repr(float(x))


def swift_string(text):
    assert '"""' not in text and "\\" not in text
    return '#"""\n' + text + '\n"""#'


SWIFT_OPTION_NAMES = {"precision": "precision", "threshold": "threshold",
                      "edgeitems": "edgeItems", "linewidth": "lineWidth"}


def swift_case(name, a, formula, options, text):
    shape = "[" + ", ".join(str(n) for n in a.shape) + "]"
    if formula is not None:
        scalars = formula
    else:
        scalars = "[" + ", ".join(swift_double(x) for x in a.ravel()) + "]"
    opts = ", ".join(f"{SWIFT_OPTION_NAMES[k]}: {v}" for k, v in options.items())
    return (f"    DescriptionFixture(\n        {json.dumps(name)},\n"
            + f"        shape: {shape},\n        scalars: {scalars},\n"
            + f"        options: TensorPrintOptions({opts}),\n"
            + f"        numpy: {swift_string(text)}),\n")


def build_cases():
    rng = np.random.default_rng(20240601)
    nan, inf = float("nan"), float("inf")

    # Whole numbers, decimals, negatives.
    case("integers", [1, 2, 3])
    case("integers 2x2", [[1, 2], [3, 4]])
    case("zeros", [0, 0, 0])
    case("negative integers", [-1, 2, -30])
    case("mixed decimals", [1.5, 2, 3.25])
    case("decimals of different lengths", [0.1, 0.25, 100.125])
    case("more than 8 decimals are rounded", [1 / 3, 2 / 3, 0.123456785])
    case("pi and e", [math.pi, math.e])
    case("rounding carries into the integer part", [9.999999999, 0.5])
    case("exact ties round to even", [0.001953125, 0.005859375, 1.0])
    case("large but positional", [12345678.9, 1.5])
    case("negative zero", [-0.0, 1])
    case("only negative zeros", [-0.0, 0.0])
    case("negatives 2x3", [[-1.5, 2.25, -3], [4, -5.125, 6]])

    # The switch to scientific notation, and its boundaries.
    case("tiny value forces scientific", [1e-5, 1])
    case("1e-4 is still positional", [0.0001, 1])
    case("ratio 1000 is still positional", [1, 1000])
    case("ratio above 1000 is scientific", [1, 1000.5])
    case("just below 1e8 is positional", [99999999.0])
    case("1e8 is scientific", [1e8])
    case("huge and ordinary", [1.5e10, 2])
    case("huge and tiny", [1e100, 1e-100])
    case("three-digit exponents pad the others", [1e100, 1.5])
    case("zero in scientific notation", [0, 1e-5, -2.5e-7])
    case("smallest subnormal and largest double", [5e-324, 1.7976931348623157e308])
    case("a subnormal alone", [5e-324])
    case("subnormals beside normal numbers print more true digits", [3e-310, 1e-320, 1])
    case("scientific rounding", [1 / 3 * 1e-5, 2 / 3 * 1e10])
    case("scientific rounding carries into the exponent", [9.9999999999e-5, 1])
    case("scientific negatives 2x2", [[-1e-5, 2e-6], [3.5e9, -4]])

    # Not-a-number and infinities.
    case("nan and inf with numbers", [nan, 1, inf])
    case("only nan", [nan])
    case("infinities", [-inf, inf])
    case("nan, -inf and scientific", [nan, 1e-5, -inf])
    case("nan with a decimal", [0.5, nan])
    case("nan with a wide decimal", [123.456, nan, -inf])
    case("nan in scientific", [1e10, nan])

    # Ranks 1 to 4, and shapes with ones.
    case("rank 1, one element", [2.5])
    case("shape (1, 1)", [[7]])
    case("shape (3, 1)", [[1], [2.5], [-3]])
    case("rank 3 integers", np.arange(24), shape=(2, 3, 4))
    case("rank 3 random", rng.standard_normal(18), shape=(3, 2, 3))
    case("rank 4 integers", np.arange(36) - 10, shape=(2, 3, 2, 3))
    case("rank 4 random", rng.standard_normal(16) * 10, shape=(2, 2, 2, 2))
    case("rank 5 ones", np.ones(8), shape=(1, 2, 1, 2, 2))

    # Empty shapes.
    case("shape (0,)", [])
    case("shape (2, 0)", np.zeros((2, 0)))
    case("shape (0, 3)", np.zeros((0, 3)))
    case("shape (2, 0, 3)", np.zeros((2, 0, 3)))

    # Wrapping rows at 75 columns.
    case("long row of integers", np.arange(100), formula="(0..<100).map(Double.init)")
    case("long row of halves", np.arange(30) * 1.5)
    case("long random row", rng.standard_normal(20))
    case("2-D with long rows", rng.standard_normal(75), shape=(3, 25))
    case("3-D with long rows", rng.standard_normal(40) * 100, shape=(2, 2, 10))
    case("long scientific row", rng.standard_normal(15) * 1e-6)
    case("long row with nan", [nan if i % 7 == 3 else i * 0.25 for i in range(40)])

    # Summaries beyond 1000 elements.
    case("1000 elements are printed whole", np.arange(1000), formula="(0..<1000).map(Double.init)")
    case("1001 elements are summarised", np.arange(1001), formula="(0..<1001).map(Double.init)")
    case("2000 elements in a row", np.arange(2000) * 0.25 - 100,
         formula="(0..<2000).map { Double($0) * 0.25 - 100 }")
    case("1100 random elements", rng.standard_normal(1100))
    case("40x40 random", rng.standard_normal(1600), shape=(40, 40))
    case("3x400: only the long axis is cut", np.arange(1200) / 8, shape=(3, 400),
         formula="(0..<1200).map { Double($0) / 8 }")
    case("10x10x11", np.arange(1100) - 550.5, shape=(10, 10, 11),
         formula="(0..<1100).map { Double($0) - 550.5 }")
    case("2x3x20x20 image batch", rng.standard_normal(2400), shape=(2, 3, 20, 20))
    case("summary: only the shown numbers set the format",
         [1e-9 if 3 <= i < 1997 else i + 0.5 for i in range(2000)])
    case("summarised scientific", np.arange(1500) ** 2 * 1e6 + 0.5,
         formula="(0..<1500).map { Double($0 * $0) * 1e6 + 0.5 }")

    # Other print options, as the REPL may pass them.
    case("precision 3", [1 / 3, 2 / 3, 10.0], precision=3)
    case("precision 3 rounds small values to zero", [0.0001, 1], precision=3)
    case("precision 0", [1.5, 2.5, -0.4], precision=0)
    case("precision 0, scientific", [1.5e-5, 2.5e9], precision=0)
    case("precision 12", [1 / 3, 2 / 7], precision=12)
    case("precision 20, positional: shortest digits win", [0.1, 1 / 3], precision=20)
    case("precision 20, scientific: true digits, not zeros", [0.1, 1 / 3 * 1e-5], precision=20)
    case("threshold 10, edge items 2", np.arange(12) * 1.5, threshold=10, edgeitems=2)
    case("threshold 5 on 3x4", np.arange(12), shape=(3, 4), threshold=5, edgeitems=1)
    case("line width 40", rng.standard_normal(12), linewidth=40)
    case("line width 10: wrap every element", np.arange(6) * 100.5, shape=(2, 3), linewidth=10)
    case("line width 1: nothing fits", [1, 2, 3], linewidth=1)

    # Random values over many magnitudes, to exercise digit generation and rounding.
    for k in range(60):
        count = int(rng.integers(1, 6))
        scale = 10.0 ** int(rng.integers(-12, 13))
        values = rng.standard_normal(count) * scale
        if k % 3 == 0:
            values = np.round(values, int(rng.integers(0, 6)))
        if k % 5 == 0:
            values = rng.integers(-10 ** 6, 10 ** 6, count) / 2.0 ** int(rng.integers(0, 30))
        case(f"random magnitudes {k}", values)

    # Rank 0: str of a 0-d array is str(np.float64(x)), Python's repr.
    for x in [1.5, 2.0, -0.0, 0.0, 0.1, 1 / 3, 1e16, 9999999999999998.0, 1e-5, 0.0001,
              123456789.123, 1e300, -2.5e-300, 1.5e16, 2.0 ** 53, 5e-324, 1e-4 * (1 - 2 ** -52), nan, inf, -inf]:
        case(f"rank 0: {x!r}", x)


def main():
    build_cases()
    print("// Generated by")
    print("//     python3 Tests/TensorEngineTests/Fixtures/make_description_fixtures.py \\")
    print("//         > Tests/TensorEngineTests/Fixtures/DescriptionFixtures.swift")
    print(f"// with NumPy {np.__version__}. Do not edit: change the script and run it again.")
    print("import TensorEngine")
    print()
    print("let descriptionFixtures: [DescriptionFixture] = [")
    for name, a, formula, options, text in CASES:
        print(swift_case(name, a, formula, options, text), end="")
    print("]")


if __name__ == "__main__":
    main()
