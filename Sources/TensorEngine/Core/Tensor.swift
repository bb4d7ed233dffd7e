/// An N-dimensional array of `Double`, stored row-major (the last index varies fastest).
///
/// `Tensor` is a value type: `var b = a; b[0, 0] = 1` leaves `a` alone. Its elements live in a
/// Swift `Array`, which is itself copy-on-write, so copies are cheap until one of them is
/// written to. Every tensor is contiguous: shape operations that NumPy answers with a view
/// (slicing, transposing) return a new tensor here. That keeps every kernel simple at the
/// price of a copy, which is small next to the work the kernels do.
///
/// A tensor of rank 0 (shape `[]`) holds one number. Dimensions of size 0 are allowed.
///
/// A tensor made by a comparison is *boolean* (`isBoolean`), the one trace of NumPy's dtypes:
/// its elements are 0 and 1 like any others, but as an index it is a mask (`x[y < 5]`)
/// where a tensor of whole numbers picks positions (`x[Tensor([0, 2])]`). See
/// `Tensor+AdvancedIndexing.swift`.
///
/// A tensor can also take part in a computation graph for reverse-mode autograd (`node`, see
/// `Autograd/Tensor+Graph.swift`): a parameter made with `requiresGrad: true`, or the result of
/// an operation on one. A plain tensor has no node and pays nothing for the feature.
public struct Tensor: Sendable, Equatable {
    /// The size of each dimension, outermost first: `[2, 3]` is 2 rows of 3 columns.
    public private(set) var shape: [Int]
    /// The elements in row-major order; `scalars.count == shape.reduce(1, *)`.
    public internal(set) var scalars: [Double] {
        get {
            // A parameter's elements live in its graph node, shared by every copy of it.
            if let leaf = node?.leafValue { return leaf.storage }
            return storage
        }
        _modify {
            // Writing into a tensor of the graph writes into a copy cut from the graph.
            if node != nil { self = detached() }
            // A copy being written to gets a buffer of its own, so it needs a charge of its own.
            if charge != nil, !isKnownUniquelyReferenced(&charge) { charge = charge?.owner.charge(storage.count * 8) }
            yield &storage
        }
    }
    private var storage: [Double]
    /// This buffer's charge against the memory budget of the session that made it
    /// (`ComputeGuard+Memory.swift`); nil outside a session.
    private var charge: StorageCharge?
    /// Whether the elements are truth values (every one 0 or 1), as a comparison makes them.
    /// Only comparisons, `init(shape:booleans:)`, `asBoolean()`, the product of two boolean
    /// tensors and operations that only move elements (reshape, permute, slice, gather, and
    /// concat or stack of boolean tensors) give `true`; arithmetic gives ordinary numbers, as
    /// NumPy's `mask + 0` is an integer array. Writing anything but 0 or 1 into one clears it.
    public internal(set) var isBoolean = false
    /// This tensor's place in a computation graph: a parameter's leaf (holding its value) or
    /// the operation that computed it; nil for a plain tensor (`Tensor+Graph.swift`).
    var node: GradNode?

    /// A tensor of the given shape holding `scalars` in row-major order. Its elements exist
    /// already, so the session's element limit is not checked here (see `checkedCount`).
    /// - Throws: `TensorError.scalarCount` when the counts differ, `.negativeDimension`.
    public init(shape: [Int], scalars: [Double]) throws {
        let count = try Shape.elementCount(shape)
        guard count == scalars.count else {
            throw TensorError.scalarCount(shape: shape, count: scalars.count)
        }
        self.init(unchecked: shape, scalars: scalars)
    }

    /// A tensor whose shape the caller has already validated; a result that may be larger
    /// than the operation's inputs must pass `Tensor.checkedCount` first.
    init(unchecked shape: [Int], scalars: [Double]) {
        assert(shape.reduce(1, *) == scalars.count, "shape \(shape) vs \(scalars.count) scalars")
        self.shape = shape
        self.storage = scalars
        self.charge = StorageCharge.forNewBuffer(of: scalars.count)
    }

    /// A tensor of a validated shape whose elements `body` writes, each exactly once (for a
    /// result that may be larger than the operation's inputs, `init(allocating:)`).
    /// `body` receives uninitialised memory of `shape.reduce(1, *)` elements. Always inlined,
    /// so that the loop in `body` is compiled together with the function it calls per element.
    @inline(__always)
    init(unchecked shape: [Int], initializingWith body: (UnsafeMutableBufferPointer<Double>) throws -> Void) rethrows {
        let count = shape.reduce(1, *)
        self.shape = shape
        self.charge = StorageCharge.forNewBuffer(of: count)
        self.storage = try [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            try body(buffer)
            initialized = count
        }
    }

    /// A boolean tensor (a mask) of the given shape holding `booleans` in row-major order.
    /// - Throws: as `init(shape:scalars:)`.
    public init(shape: [Int], booleans: [Bool]) throws {
        try self.init(shape: shape, scalars: booleans.map { $0 ? 1 : 0 })
        isBoolean = true
    }

    /// A rank-0 tensor holding one number.
    public init(_ value: Double) {
        self.init(unchecked: [], scalars: [value])
    }

    /// A rank-1 tensor.
    public init(_ values: [Double]) {
        self.init(unchecked: [values.count], scalars: values)
    }

    /// A rank-2 tensor from its rows. - Throws: `TensorError.raggedRows` if the rows differ in length.
    public init(_ rows: [[Double]]) throws {
        let width = rows.first?.count ?? 0
        for (index, row) in rows.enumerated() where row.count != width {
            throw TensorError.raggedRows(row: index, count: row.count, expected: width)
        }
        self.init(unchecked: [rows.count, width], scalars: rows.flatMap { $0 })
    }

    /// A tensor of the given shape with every element equal to `value`.
    /// - Throws: `TensorError.negativeDimension`, or a size the session does not allow
    ///   (`Tensor.checkedCount`), before anything is allocated.
    public init(shape: [Int], repeating value: Double) throws {
        let count = try Tensor.checkedCount(shape)
        self.init(unchecked: shape, scalars: [Double](repeating: value, count: count))
    }

    /// The number of dimensions.
    public var rank: Int { shape.count }

    /// The number of elements, the product of the dimensions (1 for rank 0).
    public var count: Int { scalars.count }

    /// How far apart, in elements, neighbours along each dimension are: `[3, 1]` for shape `[2, 3]`.
    public var strides: [Int] { Shape.strides(shape) }

    /// The only element of a one-element tensor (any rank), or `nil`.
    public var scalar: Double? { scalars.count == 1 ? scalars[0] : nil }

    /// The element at a full index, one integer per dimension, each in `0..<shape[d]`.
    /// Traps on a bad index, as `Array` does; the language checks indices before it gets here.
    public subscript(_ index: Int...) -> Double {
        get { scalars[offset(of: index)] }
        set { scalars[offset(of: index)] = newValue }
    }

    /// The row-major offset of a full index.
    func offset(of index: [Int]) -> Int {
        precondition(index.count == rank, "index \(index) has \(index.count) entries; the tensor has rank \(rank)")
        var offset = 0
        for (i, size) in Swift.zip(index, shape) {
            precondition(i >= 0 && i < size, "index \(index) is out of range for shape \(shape)")
            offset = offset * size + i
        }
        return offset
    }
}

extension Tensor {
    /// A leaf of the graph: a tensor of `node`'s shape whose elements are `node.leafValue`.
    init(leaf node: GradNode, like value: Tensor) {
        self.shape = value.shape
        self.storage = []
        self.isBoolean = value.isBoolean
        self.node = node
    }

    /// The same elements, cut from the graph: a plain tensor (itself when it is one).
    /// No gradient flows through the result, and a later optimizer step does not change it.
    public func detached() -> Tensor {
        guard let node else { return self }
        var plain = node.leafValue ?? self
        plain.node = nil
        plain.shape = shape
        return plain
    }
}

extension Tensor {
    /// A tensor of zeros. - Throws: on a negative dimension.
    public static func zeros(_ shape: [Int]) throws -> Tensor { try Tensor(shape: shape, repeating: 0) }

    /// A tensor of ones. - Throws: on a negative dimension.
    public static func ones(_ shape: [Int]) throws -> Tensor { try Tensor(shape: shape, repeating: 1) }

    /// Zeros with the shape of `other`.
    public static func zeros(like other: Tensor) -> Tensor {
        Tensor(unchecked: other.shape, scalars: [Double](repeating: 0, count: other.count))
    }

    /// A tensor with this one's elements and another shape of the same count (no checks);
    /// a boolean tensor stays boolean.
    func withShape(_ newShape: [Int]) -> Tensor {
        var result = detached()
        result.shape = newShape
        return result
    }

    /// This tensor marked boolean when `flag` is true (for operations that only move elements).
    func keepingBoolean(_ flag: Bool) -> Tensor {
        var result = detached()
        result.isBoolean = flag
        return result
    }

    /// The same elements as a boolean tensor (a mask).
    /// - Throws: `TensorError.argument` when an element is neither 0 nor 1.
    public func asBoolean() throws -> Tensor {
        if let bad = scalars.first(where: { $0 != 0 && $0 != 1 }) {
            throw TensorError.argument(op: "a mask", name: "every element", problem: .notBoolean(bad))
        }
        return keepingBoolean(true)
    }

    /// Equal shapes and elements. Whether a tensor is boolean is not compared: the result of
    /// `a < b` equals `Tensor([1, 0])` when it holds 1 and 0.
    public static func == (a: Tensor, b: Tensor) -> Bool {
        a.shape == b.shape && a.scalars == b.scalars
    }
}
