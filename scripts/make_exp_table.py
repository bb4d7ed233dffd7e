#!/usr/bin/env python3
"""Prints the table of Sources/_VectorKernels/ExponentialTable.swift: for j in 0..<128, the
double nearest 2^(j/128) and the relative error of that double, (2^(j/128) - s) / s, both
as hexadecimal float literals. Computed with 60 decimal digits (Python's decimal module),
so each number is the correctly rounded double of the exact value."""
from decimal import Decimal, getcontext

getcontext().prec = 60
rows = []
for j in range(128):
    exact = (Decimal(j) / 128 * Decimal(2).ln()).exp()
    s = float(exact)                       # correctly rounded (through the decimal string)
    tail = float((exact - Decimal(s)) / Decimal(s))
    rows.append(f"    ({s.hex()}, {tail.hex()}),")
print("\n".join(rows))
