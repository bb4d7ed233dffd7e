#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

import _VectorKernels

/// The math functions of one number, under a name that does not clash with `Tensor.exp()`
/// and friends (inside `extension Tensor`, a bare `exp(x)` would find the method first): the
/// C library's, except `exp`, which is the engine's own (`_VectorKernels/Exponential.swift`,
/// the same bits on every CPU, as the vector loop over a tensor gives).
enum CMath {
    @inline(__always) static func exp(_ x: Double) -> Double { exponential(x) }
    @inline(__always) static func log(_ x: Double) -> Double { _log(x) }
    @inline(__always) static func tanh(_ x: Double) -> Double { _tanh(x) }
    @inline(__always) static func pow(_ x: Double, _ y: Double) -> Double { _pow(x, y) }
    @inline(__always) static func sin(_ x: Double) -> Double { _sin(x) }
    @inline(__always) static func cos(_ x: Double) -> Double { _cos(x) }
}

@inline(__always) private func _log(_ x: Double) -> Double { log(x) }
@inline(__always) private func _tanh(_ x: Double) -> Double { tanh(x) }
@inline(__always) private func _pow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
@inline(__always) private func _sin(_ x: Double) -> Double { sin(x) }
@inline(__always) private func _cos(_ x: Double) -> Double { cos(x) }
