import TensorEngine

/// Bounds on models made of models (`Sequential(Sequential(...))`, `Residual(...)`).
///
/// A model's forward pass, its freeing, its summary and `parameters` all walk its layers
/// recursively, so a model nested 100,000 deep would overflow the stack; and one layer may
/// appear many times (`m = Sequential(m, m)` doubles the walk at every level). Each model is
/// checked when it is made, so the layers inside it are already within the bounds.
enum LayerNesting {
    /// How deep models may nest: `Sequential(Linear(2, 2))` is 2 deep.
    static let maxDepth = 100
    /// How many layers a forward pass may visit, counting a layer once for every place it
    /// appears.
    static let maxLayers = 100_000

    /// - Throws: a limit error at `range` when `layer` is nested too deeply or visits too many layers.
    static func check(_ layer: any Layer, _ range: SourceRange) throws(LanguageError) {
        var known: [ObjectIdentifier: (depth: Int, layers: Int)] = [:]
        let (depth, layers) = measure(layer, &known)
        if depth > maxDepth {
            throw LanguageError(.limit, "a model nested \(depth) deep is too deep: models (Sequential, Residual) "
                                + "may nest at most \(maxDepth) deep", range)
        }
        if layers > maxLayers {
            throw LanguageError(.limit, "a model of more than \(maxLayers) layers (counting each layer every time it "
                                + "appears) is too large", range)
        }
    }

    /// The depth of `layer` and the number of layers its forward pass visits (saturating just
    /// past `maxLayers`); each distinct layer is measured once.
    private static func measure(_ layer: any Layer, _ known: inout [ObjectIdentifier: (depth: Int, layers: Int)])
        -> (depth: Int, layers: Int) {
        if let measured = known[ObjectIdentifier(layer)] { return measured }
        var depth = 0, layers = 1
        for sublayer in layer.sublayers {
            let inner = measure(sublayer, &known)
            depth = Swift.max(depth, inner.depth)
            layers = Swift.min(layers + inner.layers, maxLayers + 1)
        }
        known[ObjectIdentifier(layer)] = (depth + 1, layers)
        return (depth + 1, layers)
    }
}
