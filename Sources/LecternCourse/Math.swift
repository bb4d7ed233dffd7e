/// TeX math as plain text a terminal shows: `\frac{N-F}{S}+1` is `(N-F)/S+1`, `\sum_u` is
/// `Σ_u`, `\sigma^2` is `σ^2`, `\sqrt{x}` is `√(x)`, `\hat{x}` is `x̂` (a combining circumflex;
/// `hat(xy)` for more than one character); braces that only group go.
enum Math {
    static let symbols: [String: String] = [
        "sum": "Σ", "prod": "Π", "sigma": "σ", "mu": "μ", "gamma": "γ", "beta": "β", "alpha": "α",
        "epsilon": "ε", "varepsilon": "ε", "lambda": "λ", "eta": "η", "theta": "θ", "delta": "δ", "Delta": "Δ",
        "partial": "∂", "nabla": "∇", "cdot": "·", "times": "×", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥",
        "ne": "≠", "neq": "≠", "approx": "≈", "in": "∈", "to": "→", "rightarrow": "→", "infty": "∞", "pm": "±",
        "leftarrow": "←", "gets": "←",
        "quad": "  ", "qquad": "    ", ",": " ", ";": " ", "!": "", " ": " ", "left": "", "right": "",
        "lfloor": "⌊", "rfloor": "⌋", "mathrm": "", "text": "", "operatorname": "", "mathbf": "",
        "{": "{", "}": "}", "ldots": "…", "cdots": "⋯", "dots": "…",
        "big": "", "Big": "", "bigl": "", "bigr": "", "Bigl": "", "Bigr": "", "bigg": "", "Bigg": "",
        "max": "max", "min": "min", "log": "log", "exp": "exp", "lVert": "‖", "rVert": "‖", "Vert": "‖", "|": "‖", "lvert": "|", "rvert": "|", "vert": "|",
        "lceil": "⌈", "rceil": "⌉", "odot": "⊙", "ell": "ℓ", "sim": "~", "propto": "∝", "forall": "∀",
        "ast": "∗", "star": "⋆", "circ": "∘", "oplus": "⊕", "otimes": "⊗", "mid": "|", "equiv": "≡",
        "pi": "π", "phi": "φ", "omega": "ω", "rho": "ρ", "tau": "τ", "xi": "ξ", "Sigma": "Σ",
    ]

    static func readable(_ tex: String) -> String {
        var chars = Array(tex)[...]
        return String(expression(&chars, until: nil).reduce(into: "") { $0 += $1 })
    }

    /// Reads until `until` (a closing brace) or the end, turning commands into text.
    private static func expression(_ chars: inout ArraySlice<Character>, until: Character?) -> [String] {
        var out: [String] = []
        while let char = chars.first {
            chars = chars.dropFirst()
            if char == until { break }
            switch char {
            case "{": out.append(String(expression(&chars, until: "}").joined()))
            case "_" where chars.first == "{", "^" where chars.first == "{":
                // `\max_{0 \le u < F}` is max_(0 ≤ u < F), `e^{-x}` is e^(-x); `x_{ij}` stays x_ij.
                chars = chars.dropFirst()
                out.append(String(char) + parenthesised(expression(&chars, until: "}").joined()))
            case "\\":
                let name = chars.first?.isLetter == true ? String(chars.prefix { $0.isLetter }) : chars.first.map { String($0) } ?? ""
                chars = chars.dropFirst(name.count)
                switch name {
                case "frac":
                    let top = group(&chars), bottom = group(&chars)
                    out.append(parenthesised(top) + "/" + parenthesised(bottom))
                case "sqrt": out.append("√" + parenthesised(group(&chars), always: true))
                case "hat":
                    let base = group(&chars)
                    out.append(base.count == 1 ? base + "\u{302}" : "hat" + parenthesised(base, always: true))
                default: out.append(symbols[name] ?? name)
                }
            default: out.append(String(char))
            }
        }
        return out
    }

    /// The next argument: a braced group or one character.
    private static func group(_ chars: inout ArraySlice<Character>) -> String {
        while chars.first == " " { chars = chars.dropFirst() }
        guard let first = chars.first else { return "" }
        chars = chars.dropFirst()
        if first == "{" { return expression(&chars, until: "}").joined() }
        if first == "\\" {
            let name = String(chars.prefix { $0.isLetter })
            chars = chars.dropFirst(name.count)
            return symbols[name] ?? name
        }
        return String(first)
    }

    private static func parenthesised(_ text: String, always: Bool = false) -> String {
        let grouped = (text.first == "(" && text.last == ")") || (text.first == "[" && text.last == "]")
        return !always && (grouped || text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "\u{302}" }))
            ? text : "(" + text + ")"
    }
}
