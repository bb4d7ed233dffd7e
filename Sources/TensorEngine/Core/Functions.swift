/// The functions behind the engine's elementwise operations and reductions, one small type
/// each (see `UnaryFunction` for why they are types rather than closures).
enum Fn {
    struct Add: BinaryFunction { @inline(__always) func callAsFunction(_ x: Double, _ y: Double) -> Double { x + y } }
    struct Subtract: BinaryFunction { @inline(__always) func callAsFunction(_ x: Double, _ y: Double) -> Double { x - y } }
    struct Multiply: BinaryFunction { @inline(__always) func callAsFunction(_ x: Double, _ y: Double) -> Double { x * y } }
    struct Divide: BinaryFunction { @inline(__always) func callAsFunction(_ x: Double, _ y: Double) -> Double { x / y } }
    /// x ** y; squaring is exact and common, so it skips `pow`.
    struct Power: BinaryFunction {
        @inline(__always) func callAsFunction(_ x: Double, _ y: Double) -> Double { y == 2 ? x * x : CMath.pow(x, y) }
    }
    /// max(x, y); nan wins, as in NumPy.
    struct Maximum: BinaryFunction {
        @inline(__always) func callAsFunction(_ x: Double, _ y: Double) -> Double { x.isNaN || y.isNaN ? .nan : (x > y ? x : y) }
    }
    /// min(x, y); nan wins, as in NumPy.
    struct Minimum: BinaryFunction {
        @inline(__always) func callAsFunction(_ x: Double, _ y: Double) -> Double { x.isNaN || y.isNaN ? .nan : (x < y ? x : y) }
    }
    /// The first argument (to repeat a tensor over a broadcast shape).
    struct First: BinaryFunction { @inline(__always) func callAsFunction(_ x: Double, _ y: Double) -> Double { x } }
    /// (x − y)², for variances.
    struct SquaredDifference: BinaryFunction {
        @inline(__always) func callAsFunction(_ x: Double, _ y: Double) -> Double { (x - y) * (x - y) }
    }

    struct Negate: UnaryFunction { @inline(__always) func callAsFunction(_ x: Double) -> Double { -x } }
    struct Exp: UnaryFunction { @inline(__always) func callAsFunction(_ x: Double) -> Double { CMath.exp(x) } }
    struct Log: UnaryFunction { @inline(__always) func callAsFunction(_ x: Double) -> Double { CMath.log(x) } }
    struct Sqrt: UnaryFunction { @inline(__always) func callAsFunction(_ x: Double) -> Double { x.squareRoot() } }
    struct Abs: UnaryFunction { @inline(__always) func callAsFunction(_ x: Double) -> Double { Swift.abs(x) } }
    struct Tanh: UnaryFunction { @inline(__always) func callAsFunction(_ x: Double) -> Double { CMath.tanh(x) } }
    /// 1 / (1 + e^−x), arranged so that neither tail overflows.
    struct Sigmoid: UnaryFunction {
        @inline(__always) func callAsFunction(_ x: Double) -> Double {
            if x >= 0 { return 1 / (1 + CMath.exp(-x)) }
            let e = CMath.exp(x)
            return e / (1 + e)
        }
    }
    /// max(x, 0), nan staying nan.
    // NOTE: one comparison (`x <= 0` is false for nan) compiles to a select, not a branch: a
    // branch mispredicts on half of random data and made relu 12x slower.
    struct Relu: UnaryFunction { @inline(__always) func callAsFunction(_ x: Double) -> Double { x <= 0 ? 0 : x } }
    /// x for x > 0, slope·x otherwise.
    struct LeakyRelu: UnaryFunction {
        let slope: Double
        @inline(__always) func callAsFunction(_ x: Double) -> Double { x > 0 ? x : slope * x }
    }
    /// x limited to lower...upper, nan staying nan.
    struct Clip: UnaryFunction {
        let lower: Double, upper: Double
        @inline(__always) func callAsFunction(_ x: Double) -> Double { x.isNaN ? x : Swift.min(Swift.max(x, lower), upper) }
    }

    /// A comparison giving 1 (true) or 0 (false).
    struct Compare: BinaryFunction {
        let test: (Double, Double) -> Bool
        @inline(__always) func callAsFunction(_ x: Double, _ y: Double) -> Double { test(x, y) ? 1 : 0 }
    }
}
