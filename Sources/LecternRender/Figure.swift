import LecternLanguage

/// A picture as a value of the language: what a plotting builtin returns. It prints itself by
/// rendering for the terminal settings in force (`TerminalSettings.inForce`), and `savefig`
/// writes it as SVG.
public final class Figure: LanguageObject {
    /// What the figure shows.
    public enum Content: Sendable, Equatable {
        case lines(LinePlot)
        case scatter(ScatterPlot)
        case histogram(Histogram)
        case histograms(HistogramGrid)
        case image(ImagePlot)
        case bars(BarChart)
    }

    public let content: Content
    /// The canvas asked for with `canvas=` (nil: the settings' or the automatic choice).
    public let canvas: CanvasKind?
    /// The image protocol asked for with `protocol=` (nil: the settings').
    public let imageProtocol: ImageProtocol?

    public init(_ content: Content, canvas: CanvasKind? = nil, imageProtocol: ImageProtocol? = nil) {
        self.content = content
        self.canvas = canvas
        self.imageProtocol = imageProtocol
    }

    /// "plot", "scatter", "boundary", "hist", "hist_grid", "imshow", "bar": the builtin that made it.
    public var kind: String {
        switch content {
        case .lines: "plot"
        case let .scatter(plot): plot.regions == nil ? "scatter" : "boundary"
        case .histogram: "hist"
        case .histograms: "hist_grid"
        case .image: "imshow"
        case .bars: "bar"
        }
    }

    /// The canvas for `settings`: the figure's own choice, else the settings', else the one that
    /// suits the content: braille for lines; braille for points in colour, ASCII markers without;
    /// blocks for images and bars.
    public func canvasKind(for settings: TerminalSettings) -> CanvasKind {
        if let canvas { return canvas }
        if let forced = settings.canvas { return forced }
        switch content {
        case .lines: return .braille
        case .scatter: return settings.colour == .none ? .ascii : .braille
        case .histogram, .histograms, .image, .bars: return .blocks
        }
    }

    /// The figure as text for a terminal with these settings (no newline at the end). A single
    /// image goes out as real pixels when an image protocol is in force and no canvas is
    /// forced: the figure's own (`protocol=`), or the settings' where there is colour.
    public func render(_ settings: TerminalSettings) -> String {
        let graphics = imageProtocol ?? settings.imageProtocol
        if case let .image(plot) = content, canvas == nil, settings.canvas == nil,
           settings.colour != .none || imageProtocol != nil,
           let text = plot.renderPixels(width: settings.width, height: settings.height, graphics: graphics, colour: settings.colour) {
            return text
        }
        let kind = canvasKind(for: settings)
        let colour = kind == .ascii ? ColourMode.none : settings.colour
        let canvas = Canvas(kind: kind, colour: colour)
        let width = settings.width
        let grid = switch content {
        case let .lines(plot): plot.render(width: width, canvas: canvas)
        case let .scatter(plot): plot.render(width: width, canvas: canvas)
        case let .histogram(plot): plot.render(width: width, canvas: canvas)
        case let .histograms(plot): plot.render(width: width, canvas: canvas)
        case let .image(plot): plot.render(width: width, height: settings.height, canvas: canvas)
        case let .bars(plot): plot.render(width: width, canvas: canvas)
        }
        return grid.render(colour)
    }

    // MARK: LanguageObject

    public var typeName: String { "figure" }
    public var attributeNames: [String] { ["kind"] }

    public func attribute(_ name: String) -> Value? {
        name == "kind" ? .string(kind) : nil
    }

    public var description: String { render(TerminalSettings.inForce) }
}
