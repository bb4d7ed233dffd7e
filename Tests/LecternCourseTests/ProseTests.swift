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

    @Test("colour for bold and code only when asked")
    func colour() {
        #expect(ProseRenderer(width: 80, color: true).render(["**a** `b`"]) == "\u{1B}[1ma\u{1B}[0m \u{1B}[36mb\u{1B}[0m")
    }
}
