import TensorEngine

extension Builtins {
    static let linearAlgebra: [Builtin] = [
        Builtin("matmul", [.init("a"), .init("b")], category: .linearAlgebra,
                summary: "The matrix product a @ b (batched, with NumPy's rules).", example: "matmul(eye(2), [[1, 2], [3, 4]])",
                shapes: "(m, k) x (k, n) -> (m, n); (..., m, k) x (..., k, n) -> (..., m, n)") { args, _ in
            return plain(try Tensor.matmul(try args.tensor("a"), try args.tensor("b")))
        },
        Builtin("dot", [.init("a"), .init("b")], category: .linearAlgebra,
                summary: "The inner product of two vectors, or the matrix product for matrices (as NumPy's dot).",
                example: "dot([1, 2, 3], [4, 5, 6])", shapes: "(n) . (n) -> number; (m, k) . (k, n) -> (m, n)") { args, _ in
            return plain(try Tensor.dot(try args.tensor("a"), try args.tensor("b")))
        },
        Builtin("outer", [.init("a"), .init("b")], category: .linearAlgebra,
                summary: "The outer product: result[i, j] = a[i] * b[j].", example: "outer([1, 2], [3, 4, 5])",
                shapes: "(m) x (n) -> (m, n)") { args, _ in
            let (a, b) = (try args.tensor("a"), try args.tensor("b"))
            return plain(try Tensor.outer(a, b))
        },
        Builtin("conv2d", [.init("x"), .init("w"), .init("bias", .null), .init("stride", .number(1)), .init("pad", .number(0)),
                           .init("dilation", .number(1))], category: .linearAlgebra,
                summary: "2-D convolution (cross-correlation) of images with filters, as in CNNs.",
                example: "conv2d(randn(1, 3, 32, 32), randn(6, 3, 5, 5)).shape",
                shapes: "x (N, C, H, W), w (K, C, F, F), bias (K) -> (N, K, (H + 2*pad - F) / stride + 1, ...)") { args, _ in
            let (stride, pad) = (try args.integer("stride", atLeast: 1), try args.integer("pad", atLeast: 0))
            let dilation = try args.integer("dilation", atLeast: 1)
            return plain(try Tensor.conv2d(try args.tensor("x"), try args.tensor("w"), bias: try args.optionalTensor("bias"),
                                           stride: stride, padding: pad, dilation: dilation))
        },
        pooling("max_pool2d", summary: "The largest value of each size x size window.",
                { x, s, st, p in try Tensor.maxPool2d(x, size: s, stride: st, padding: p) }),
        pooling("avg_pool2d", summary: "The average of each size x size window.",
                { x, s, st, p in try Tensor.avgPool2d(x, size: s, stride: st, padding: p) }),
        Builtin("im2col", [.init("x"), .init("size"), .init("stride", .number(1)), .init("pad", .number(0))],
                category: .linearAlgebra,
                summary: "The patches of images as columns: conv2d(x, w) is w reshaped to (K, C*F*F) @ im2col(x, F).",
                example: "im2col(randn(1, 3, 4, 4), 3).shape", shapes: "x (N, C, H, W) -> (C*F*F, N*OH*OW)") { args, _ in
            let size = try args.integer("size", atLeast: 1)
            let (stride, pad) = (try args.integer("stride", atLeast: 1), try args.integer("pad", atLeast: 0))
            return plain(try Tensor.im2col(try args.tensor("x"), kernelHeight: size, kernelWidth: size, stride: stride,
                                           padding: pad))
        },
    ]

    /// `max_pool2d` and `avg_pool2d`: (x, size, stride=none (= size), pad=0).
    static func pooling(_ name: String, summary: String,
                        _ onTensor: @escaping @Sendable (Tensor, Int, Int?, Int) throws -> Tensor) -> Builtin {
        Builtin(name, [.init("x"), .init("size"), .init("stride", .null), .init("pad", .number(0))], category: .linearAlgebra,
                summary: summary + " The stride defaults to the size.", example: "\(name)(randn(1, 1, 4, 4), 2).shape",
                shapes: "x (N, C, H, W) -> (N, C, (H + 2*pad - size) / stride + 1, ...)") { args, _ in
            let (size, stride, pad) = try poolingSizes(args)
            let x = try args.tensor("x").shape
            guard x.count == 4 else {
                throw LanguageError.runtime("\(name) expects x of rank 4 (N, C, H, W), got shape \(x)", args.range("x"))
            }
            return plain(try onTensor(try args.tensor("x"), size, stride, pad))
        }
    }

    /// The size, stride (nil: the size) and padding of a pooling window, checked as PyTorch
    /// does: the padding at most half the window, so that every window covers the input.
    static func poolingSizes(_ args: Arguments) throws -> (Int, Int?, Int) {
        let size = try args.integer("size", atLeast: 1)
        let (stride, pad) = (try args.optionalInteger("stride", atLeast: 1), try args.integer("pad", atLeast: 0))
        guard pad <= size / 2 else {
            throw LanguageError.runtime("\(args.builtin.name): 'pad' must be at most half the size (\(size / 2) for a"
                                        + " \(size)x\(size) window), got \(pad)", args.range("pad"))
        }
        return (size, stride, pad)
    }
}
