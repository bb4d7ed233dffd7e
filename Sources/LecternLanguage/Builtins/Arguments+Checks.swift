/// Arguments with a range of allowed values: a size of at least 1, a padding of at least 0, a
/// positive learning rate. A value outside it is reported at the argument, with the
/// language's name for it: `conv2d: 'stride' must be at least 1, got 0`.
extension Arguments {
    /// A whole number of at least `minimum`.
    public func integer(_ name: String, atLeast minimum: Int) throws(LanguageError) -> Int {
        let n = try integer(name)
        guard n >= minimum else {
            let requirement = minimum == 0 ? Wording.notNegative : "must be at least \(minimum)"
            throw .runtime("\(builtin.name): '\(name)' \(requirement), got \(n)", range(name))
        }
        return n
    }

    /// A whole number of at least `minimum`, or nil when none.
    public func optionalInteger(_ name: String, atLeast minimum: Int) throws(LanguageError) -> Int? {
        isNone(name) ? nil : try integer(name, atLeast: minimum)
    }

    /// A number for which `allowed` holds; otherwise "f: 'name' REQUIREMENT, got X".
    public func number(_ name: String, _ requirement: String, _ allowed: (Double) -> Bool) throws(LanguageError) -> Double {
        let x = try number(name)
        guard allowed(x) else { throw .runtime("\(builtin.name): '\(name)' \(requirement), got \(formatNumber(x))", range(name)) }
        return x
    }

    /// A finite number (not nan or infinite).
    public func finiteNumber(_ name: String) throws(LanguageError) -> Double {
        try number(name, "must be a finite number") { $0.isFinite }
    }

    /// A finite number of at least 0 (a standard deviation, an amount of noise, a decay).
    public func nonNegativeNumber(_ name: String) throws(LanguageError) -> Double {
        _ = try number(name, Wording.notNegative) { !($0 < 0) }
        return try finiteNumber(name)
    }

    /// A finite number above 0 (a learning rate, an epsilon, a step).
    public func positiveNumber(_ name: String) throws(LanguageError) -> Double {
        _ = try number(name, "must be a positive number") { !($0 <= 0) }
        return try finiteNumber(name)
    }

    /// A number in [0, 1) (a momentum, Adam's betas).
    public func fraction(_ name: String) throws(LanguageError) -> Double {
        try number(name, "must be at least 0 and below 1") { $0 >= 0 && $0 < 1 }
    }
}
