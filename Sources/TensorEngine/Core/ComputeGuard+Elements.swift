/// The element limit: the most elements one new tensor may have while a session's code runs.
///
/// One check, before anything is allocated: every operation that makes a tensor which may be
/// larger than its inputs (creation, broadcasting, matmul and outer, conv2d and im2col, concat,
/// stack and pad, gather, one_hot, advanced indexing, the data sets and image files) asks
/// `Tensor.checkedCount(_:)` for its result's size before it makes the buffer, so a request
/// for a 10^6 x 10^6 matrix is refused at once instead of ending the process. The operation
/// computes its result's shape itself: no caller predicts it.
///
/// Not checked, because they cannot be larger than a tensor that already exists: results of
/// an input's shape (elementwise maps, gradients, `shuffled`), reductions, slices, reshapes,
/// pooling's outputs (at most the padded input) and the internal buffers of the kernels.
///
/// Outside a session (no guard installed) there is no limit but `Shape.maxElements`, and the
/// check costs one thread-local load.
extension ComputeGuard {
    /// The most elements one new tensor may have (`Int.max`: no limit but `Shape.maxElements`).
    public var elementLimit: Int {
        get { elementLimitStorage.load(ordering: .relaxed) }
        set { elementLimitStorage.store(newValue, ordering: .relaxed) }
    }
}

extension Tensor {
    /// The allocation funnel: the number of elements of a new tensor of `shape`, checked
    /// against the current session's `ComputeGuard.elementLimit` (and `Shape.maxElements`)
    /// before its buffer exists. The product is taken one dimension at a time and refused as
    /// soon as it passes the limit, so it cannot overflow.
    /// - Throws: `TensorError.negativeDimension`; `.overElementLimit` beyond the session's
    ///   limit; `.tooLarge` beyond `Shape.maxElements`.
    /// - Complexity: O(rank).
    public static func checkedCount(_ shape: [Int]) throws(TensorError) -> Int {
        let sessionLimit = ComputeGuard.current?.elementLimit ?? .max
        let limit = Swift.min(sessionLimit, Shape.maxElements)
        var count = 1
        for size in shape {
            guard size >= 0 else { throw .negativeDimension(shape: shape) }
            let (product, overflow) = count.multipliedReportingOverflow(by: size)
            guard !overflow, product <= limit else {
                throw sessionLimit < Shape.maxElements ? .overElementLimit(shape: shape, limit: sessionLimit)
                    : .tooLarge(shape: shape)
            }
            count = product
        }
        return count
    }

    /// A new tensor of `shape` whose elements `body` writes, each exactly once, after the
    /// funnel (`checkedCount`) has let its size through.
    /// - Throws: as `checkedCount`.
    @inline(__always)
    init(allocating shape: [Int], initializingWith body: (UnsafeMutableBufferPointer<Double>) -> Void) throws(TensorError) {
        _ = try Tensor.checkedCount(shape)
        self.init(unchecked: shape, initializingWith: body)
    }
}
