import LecternLanguage

/// The picture builtins: plots, histograms, images and bars that return a `Figure`, and
/// `savefig`. The language does not know them; a host adds them to a session:
///
/// ```swift
/// let interpreter = Interpreter(capabilities: [.writeFiles], extraBuiltins: Pictures.builtins)
/// ```
public enum Pictures {
    /// Every picture builtin, in reference order.
    public static let builtins: [Builtin] = [plot, scatter, boundary, hist, histGrid, imshow, bar, savefig]
}
