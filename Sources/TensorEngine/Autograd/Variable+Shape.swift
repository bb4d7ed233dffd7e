/// Shape operations on variables: two primitives, `reshape` (relabel the elements) and
/// `permute` (reorder the axes), with their backward rules; flatten, squeeze and unsqueeze
/// are reshapes, transpose is a permutation. `broadcast(to:)` is a third primitive.
///
/// Each one computes its value with the `Tensor` operation of the same name, so shapes,
/// negative axes and errors are exactly the engine's.
extension Variable {
    /// The same elements in a new shape (one -1 is inferred), as `Tensor.reshape`.
    /// Backward: g reshaped back to the input's shape.
    public func reshape(_ newShape: [Int]) throws -> Variable {
        relabeled(try value.reshape(newShape))
    }

    /// All elements as a rank-1 variable, as `Tensor.flatten()`. A reshape.
    public func flatten() -> Variable {
        relabeled(value.flatten())
    }

    /// The axes from `startAxis` on merged into one, as `Tensor.flatten(startAxis:)`:
    /// (N, C, H, W) with `startAxis: 1` becomes (N, C·H·W). A reshape.
    public func flatten(startAxis: Int) throws -> Variable {
        relabeled(try value.flatten(startAxis: startAxis))
    }

    /// Without the axes of size 1 (all, or the ones named), as `Tensor.squeeze`. A reshape.
    public func squeeze(axes: [Int]? = nil) throws -> Variable {
        relabeled(try value.squeeze(axes: axes))
    }

    /// With a new axis of size 1 at `axis`, as `Tensor.unsqueeze`. A reshape.
    public func unsqueeze(axis: Int) throws -> Variable {
        relabeled(try value.unsqueeze(axis: axis))
    }

    /// The primitive behind every reshape: `y` holds this variable's elements in the same
    /// row-major order, under another shape. Backward: g under the input's shape.
    private func relabeled(_ y: Tensor) -> Variable {
        let inputShape = shape
        return .result(y, op: "reshape", parents: [self]) { g in [g.withShape(inputShape)] }
    }
}

extension Variable {
    /// The axes in the order `axes` names them (result axis i is input axis `axes[i]`;
    /// negative axes count from the end), as `Tensor.permute`.
    /// Backward: g permuted back by the inverse permutation (input axis `axes[i]` is g's axis i).
    /// - Complexity: O(count) forward and backward.
    public func permute(_ axes: [Int]) throws -> Variable {
        let y = try value.permute(axes)
        var inverse = [Int](repeating: 0, count: rank)
        for (i, axis) in axes.enumerated() { inverse[axis < 0 ? axis + rank : axis] = i }
        return reordered(y, inverse: inverse)
    }

    /// The axes in reverse order, as `Tensor.transpose()`: a (3, 4) matrix becomes (4, 3).
    /// A permutation, and its own inverse.
    public func transpose() -> Variable {
        reordered(value.transpose(), inverse: Array((0..<rank).reversed()))
    }

    /// The permute node: `y` is this variable's value permuted; `inverse` undoes it.
    private func reordered(_ y: Tensor, inverse: [Int]) -> Variable {
        .result(y, op: "permute", parents: [self]) { g in [try g.permute(inverse)] }
    }

    /// This variable repeated along new or size-1 axes to `shape`, as `Tensor.broadcast(to:)`.
    /// Backward: g summed over the repeated axes (`unbroadcast`), as for every broadcast.
    public func broadcast(to target: [Int]) throws -> Variable {
        let inputShape = shape
        return .result(try value.broadcast(to: target), op: "broadcast", parents: [self]) { g in
            [try g.unbroadcast(to: inputShape)]
        }
    }
}
