extension Tensor {
    /// Undoes a broadcast for the backward pass: sums this gradient (of a broadcast result's
    /// shape) over the dimensions along which an operand of `shape` was stretched, so the
    /// operand gets a gradient of its own shape. (256, 512) to (512): sum over axis 0;
    /// (3, 4) to (3, 1): sum over axis 1, keeping it.
    /// - Precondition: `shape` broadcasts to `self.shape`.
    func unbroadcast(to shape: [Int]) throws -> Tensor {
        if self.shape == shape { return self }
        let lead = rank - shape.count
        var axes = Array(0..<lead)
        for (d, size) in shape.enumerated() where size == 1 && self.shape[lead + d] != 1 {
            axes.append(lead + d)
        }
        return try sum(axes: axes, keepDims: true).reshape(shape)
    }
}
