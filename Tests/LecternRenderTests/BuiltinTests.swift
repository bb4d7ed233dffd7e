import LecternLanguage
import Testing
@testable import LecternRender

/// The picture builtins through an interpreter: what they accept, what they make, and the
/// error for each kind of wrong argument.
@Suite("the picture builtins")
struct BuiltinTests {
    @Test("each builtin returns a figure of its kind")
    func kinds() throws {
        let cases = [
            ("plot([1, 2, 3])", "plot"), ("plot([1, 2], [3, 4])", "plot"), ("scatter(spiral(10))", "scatter"),
            ("boundary(Sequential(Linear(2, 3)), spiral(10))", "boundary"), ("hist(randn(50))", "hist"),
            ("hist_grid([randn(5), randn(5)])", "hist_grid"), ("hist_grid(randn(3, 10))", "hist_grid"), ("imshow(eye(4))", "imshow"), ("bar([1, 2])", "bar"),
        ]
        for (code, kind) in cases {
            #expect(try Support.figure(code).kind == kind)
            #expect(Support.errorMessage("f = \(code)\nif f.kind != \"\(kind)\" { f.nope }") == nil)
        }
    }

    @Test("plot(h) draws a history's train and val loss against epochs 1, 2, ...; without validation, train only")
    func history() throws {
        let interpreter = Support.session()
        try interpreter.run(Source(name: "fit", text: "h = fit(Sequential(Linear(2, 3)), spiral(20), epochs=3, val=spiral(5))"))
        guard case let .lines(plot) = try Support.figure("plot(h)", in: interpreter).content else { throw TestFailure("not lines") }
        #expect(plot.series.map(\.name) == ["train_loss", "val_loss"])
        #expect(plot.series[0].x == [1, 2, 3] && plot.labels.xLabel == "epoch" && plot.labels.yLabel == "loss")
        try interpreter.run(Source(name: "fit", text: "h = fit(Sequential(Linear(2, 3)), spiral(20), epochs=2)"))
        guard case let .lines(alone) = try Support.figure("plot(h)", in: interpreter).content else { throw TestFailure("not lines") }
        #expect(alone.series.map(\.name) == ["train_loss"])
    }

    @Test("the losses of one's own loop plot as they were appended: tracked one-number tensors")
    func ownLoop() throws {
        let interpreter = Support.session()
        let loop = "w = param([1.0])\nls = []\nfor i in range(3) { loss = sum(w * w); ls.append(loss); w = param(w * 0.5) }"
        try interpreter.run(Source(name: "loop", text: loop))
        guard case let .lines(plot) = try Support.figure("plot([ls, ls])", in: interpreter).content else { throw TestFailure("not lines") }
        #expect(plot.series.count == 2 && plot.series[0].y == [1, 0.25, 0.0625])
        guard case let .lines(one) = try Support.figure("plot(ls)", in: interpreter).content else { throw TestFailure("not lines") }
        #expect(one.series.count == 1 && one.series[0].y == [1, 0.25, 0.0625])
        // The epochs as a loop counts them: a range is numbers for x.
        guard case let .lines(ranged) = try Support.figure("plot(range(1, 4), ls)", in: interpreter).content else { throw TestFailure("not lines") }
        #expect(ranged.series[0].x == [1, 2, 3])
    }

    @Test("a list of equal lists is one series per row; x may be given")
    func series() throws {
        guard case let .lines(plot) = try Support.figure("plot([0, 2, 4], [[1, 2, 3], [3, 2, 1]])").content else {
            throw TestFailure("not lines")
        }
        #expect(plot.series.count == 2 && plot.series[1].x == [0, 2, 4] && plot.series[1].y == [3, 2, 1])
    }

    @Test("wrong arguments give errors that say what was expected", arguments: [
        ("plot(\"a\")", "plot: 'x' must be numbers"),
        ("plot([1, 2, 3], [1, 2])", "plot: x has 3 values but y has 2"),
        ("plot([1, 0, 2], logy=true)", "plot: logy=true needs positive values; series 0 has 0 at index 1"),
        ("plot([])", "plot: 'x' is empty"),
        ("plot([1, 2], legend=[\"a\", \"b\"])", "plot: legend has 2 names for 1 series"),
        ("plot([1, 2], canvas=\"svg\")", "plot: canvas must be \"auto\", \"braille\", \"blocks\" or \"ascii\", got \"svg\""),
        ("plot([1, 2], titel=\"x\")", "plot has no argument 'titel'; did you mean 'title'?"),
        ("plot([1, 2], title=3)", "plot: 'title' must be a string, got a number"),
        ("scatter(randn(5, 3))", "scatter: points must be a tensor of shape (N, 2) or a data set with x (N, 2) and y; got shape [5, 3]"),
        ("scatter(randn(5, 2), [0, 1])", "scatter: there are 5 points but 2 labels"),
        ("scatter(randn(3, 2), [0, 1.5, 2])", "scatter: labels must be whole numbers 0, 1, 2, ...; got 1.5"),
        ("boundary(3, spiral(5))", "boundary: calling the model on a grid of points (N, 2) failed: a number cannot be called"),
        ("boundary(fn(p) = sum(p), spiral(5))", "boundary: the model must give scores (N, classes) for points (N, 2); given 12800 points it gave shape []"),
        ("boundary(Sequential(Linear(3, 2)), spiral(5))", "boundary: calling the model on a grid of points (N, 2) failed: Linear(3 -> 2) expects its input of shape (N, 3)"),
        ("hist([])", "hist: 'x' is empty"),
        ("hist(randn(10), bins=0)", "hist: bins must be from 1 to 1000, got 0"),
        ("hist(randn(10), range=[1, 0])", "hist: range must be [low, high] with low < high"),
        ("hist_grid(randn(3))", "hist_grid: 'tensors' must be a non-empty list of tensors, got a tensor"),
        ("hist_grid([])", "hist_grid: 'tensors' must be a non-empty list of tensors, got a list"),
        ("hist_grid([randn(3), \"a\"])", "hist_grid: tensors[1] must be a non-empty tensor, got a string"),
        ("hist_grid([randn(3)], titles=[\"a\", \"b\"])", "hist_grid: titles has 2 names for 1 tensors"),
        ("imshow(randn(5))", "imshow: t must be an image (H, W), a stack (C, H, W) or a filter bank (K, C, H, W); got shape [5]"),
        ("bar([[1, 2], [3, 4]])", "bar: values must be one-dimensional, got shape [2, 2]"),
        ("bar([1, 2], [\"a\"])", "bar: labels has 1 name for 2 values"),
    ])
    func errors(_ code: String, _ expected: String) {
        let message = Support.errorMessage(code)
        #expect(message?.hasPrefix(expected) == true, "\(code): \(message ?? "no error")")
    }

    @Test("an error about an argument points at that argument")
    func errorPlace() throws {
        do {
            try Support.session().run(Source(name: "test", text: "plot([1, 2], canvas=\"svg\")"))
            Issue.record("no error")
        } catch {
            #expect(error.range == SourceRange(13, 25))
        }
    }

    @Test("imshow of many images shows the first 64 and says so; a filter bank's tiles are labelled k,c")
    func manyImages() throws {
        guard case let .image(plot) = try Support.figure("imshow(digits().x)").content else { throw TestFailure("not an image") }
        #expect(plot.images.count == 64 && plot.title == "(the first 64 of 1797)")
        guard case let .image(bank) = try Support.figure("imshow(randn(2, 3, 3, 3))").content else { throw TestFailure("not an image") }
        #expect(bank.labels == ["0,0", "0,1", "0,2", "1,0", "1,1", "1,2"] && bank.scales.allSatisfy { $0.map == .diverging } && !bank.shared)
    }

    @Test("boundary evaluates a model in evaluation mode and leaves its mode as it was")
    func evaluationMode() throws {
        let interpreter = Support.session()
        try interpreter.run(Source(name: "m", text: "m = Sequential(Linear(2, 8), Dropout(0.5), Linear(8, 2))\nd = spiral(10, 2)"))
        guard case let .scatter(first) = try Support.figure("boundary(m, d)", in: interpreter).content,
              case let .scatter(second) = try Support.figure("boundary(m, d)", in: interpreter).content else {
            throw TestFailure("not a scatter")
        }
        // With dropout active the two grids would differ.
        #expect(first.regions?.classes == second.regions?.classes)
        #expect(try interpreter.run(Source(name: "m", text: "m.layers[1].training"))?.display == "true")
    }

    @Test("a figure prints itself with the settings in force")
    func printsWithSettingsInForce() throws {
        let figure = try Support.figure("bar([1, 2], [\"a\", \"b\"])")
        TerminalSettings.inForce = Support.plain(.ascii, width: 30)
        defer { TerminalSettings.followEnvironment() }
        #expect(figure.description == figure.render(Support.plain(.ascii, width: 30)))
        #expect(figure.description.contains("a ####"))
    }
}
