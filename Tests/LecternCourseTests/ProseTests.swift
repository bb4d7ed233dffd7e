import LecternCourse
import Testing

@Suite("Prose in the terminal")
struct ProseTests {
    @Test("math made readable, emphasis and HTML gone, inline code kept, wrapped to the width")
    func prose() {
        let text = ProseRenderer(width: 40, color: false).render([
            "## Output size", "",
            "The formula $\\frac{N-F}{S}+1$ gives **five** outputs for a *small* input, and `conv2d` agrees with it every time.",
            "", "<details><summary>Solution</summary>", "",
            "- first item", "- second", "", "$$\\sum_u \\sigma^2$$",
        ])
        #expect(text == """
            Output size
            ───────────

            The formula (N-F)/S+1 gives five outputs
            for a small input, and `conv2d` agrees
            with it every time.

            • first item
            • second

                Σ_u σ^2
            """)
        for line in text.split(separator: "\n") { #expect(line.count <= 40) }
    }

    @Test("a hat stays on its letter (x̂, not x), and an arrow to the left")
    func hat() {
        let text = ProseRenderer(width: 80, color: false).render(["$\\hat{x}_i = \\hat x$ and $\\hat{xy}$, $r \\leftarrow b$"])
        #expect(text == "x\u{302}_i = x\u{302} and hat(xy), r ← b")
    }

    @Test("norms and a few more symbols: ‖g‖, ⊙, ℓ, π")
    func norms() {
        let text = ProseRenderer(width: 80, color: false).render(["$\\lVert g \\rVert_2$, $\\|w\\|$, $a \\odot b$, $\\ell$, $\\pi$"])
        #expect(text == "‖ g ‖_2, ‖w‖, a ⊙ b, ℓ, π")
    }

    @Test("a braced subscript or exponent of several terms is put in parentheses; \\big( is a parenthesis")
    func groupedScripts() {
        let text = ProseRenderer(width: 80, color: false).render(["$\\max_{0 \\le u < F} x$, $e^{-x}$, $x_{ij}$, $W^{[l]}$, $\\big(a\\big)$"])
        #expect(text == "max_(0 ≤ u < F) x, e^(-x), x_ij, W^[l], (a)")
    }

    @Test("a formula is not split when the prose wraps")
    func unbrokenMath() {
        let text = ProseRenderer(width: 40, color: false).render(["Padding the border with zeros makes it $(N + 2P - F)/S + 1$ wide."])
        #expect(text.split(separator: "\n").map(String.init) == [
            "Padding the border with zeros makes it", "(N + 2P - F)/S + 1 wide.",
        ])
        // Nor is a code span; and what is shown is plain spaces, so that it pastes as code.
        let code = ProseRenderer(width: 40, color: false).render(["Then call it as `conv2d(x, w, stride=2, pad=1)` here, once."])
        #expect(code.split(separator: "\n").map(String.init) == ["Then call it as", "`conv2d(x, w, stride=2, pad=1)` here,", "once."])
    }

    @Test("a table as aligned columns, without its |---| row")
    func table() {
        let text = ProseRenderer(width: 80, color: false).render([
            "Sizes:", "", "| n | f | returns |", "|---|:-:|---------|", "| 7 | 3 | 5 |", "| 32 | 5 | `none` |", "", "After.",
        ])
        #expect(text == "Sizes:\n\n    n   f  returns\n    7   3  5\n    32  5  `none`\n\nAfter.")
    }

    @Test("colour for bold and code only when asked")
    func colour() {
        #expect(ProseRenderer(width: 80, color: true).render(["**a** `b`"]) == "\u{1B}[1ma\u{1B}[0m \u{1B}[36mb\u{1B}[0m")
    }
}
