// lectern-fuzz: runs generated programs through the interpreter and reports how each ended.
// No crash is allowed: every program must end in a value or a LanguageError. If one does
// crash, the signal handler below names it, and `--show KIND INDEX` prints its text.
//
//   lectern-fuzz [--count N] [--seed S] [--kind tokens|programs|mutations|all]
//   lectern-fuzz --show KIND INDEX [--seed S]     print a case; --run instead of --show runs it
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LecternFuzzSupport
import LecternLanguage

/// Writes to standard error (without touching the C `stderr` global, which Swift 6 flags).
func printError(_ text: String) {
    var bytes = Array(text.utf8)
    _ = write(2, &bytes, bytes.count)
}

struct Options {
    var count = 1_000_000
    var seed: UInt64 = 1
    var kinds = FuzzKind.allCases
    var show: (FuzzKind, Int)? = nil
    /// With --run: run the shown case and print how each cell ended.
    var runShown = false
}

func parseOptions() -> Options {
    var options = Options()
    var arguments = CommandLine.arguments.dropFirst()
    func fail(_ message: String) -> Never {
        printError("lectern-fuzz: \(message)\nusage: lectern-fuzz [--count N] [--seed S] [--kind tokens|programs|mutations|all]"
              + "\n       lectern-fuzz --show|--run KIND INDEX [--seed S]\n")
        exit(2)
    }
    func kind(_ name: String?) -> [FuzzKind] {
        if name == "all" { return FuzzKind.allCases }
        guard let name, let kind = FuzzKind(rawValue: name) else { fail("unknown kind '\(name ?? "")'") }
        return [kind]
    }
    while let argument = arguments.popFirst() {
        switch argument {
        case "--count": options.count = Int(arguments.popFirst() ?? "") ?? { fail("--count needs a number") }()
        case "--seed": options.seed = UInt64(arguments.popFirst() ?? "") ?? { fail("--seed needs a number") }()
        case "--kind": options.kinds = kind(arguments.popFirst())
        case "--show", "--run":
            let shown = kind(arguments.popFirst())
            guard shown.count == 1, let index = Int(arguments.popFirst() ?? "") else { fail("\(argument) needs a kind and an index") }
            options.show = (shown[0], index)
            options.runShown = argument == "--run"
        default: fail("unknown argument '\(argument)'")
        }
    }
    return options
}

// MARK: Naming the program that crashed

/// The case being run, for the signal handler (written before each run, read only there).
nonisolated(unsafe) var runningKind: Int32 = 0
nonisolated(unsafe) var runningIndex = 0
nonisolated(unsafe) var messageBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)

/// Writes "crashed on programs #123" with async-signal-safe calls only, then lets the signal
/// kill the process as it would have.
func crashHandler(_ signal: Int32) {
    var length = 0
    func put(_ text: StaticString) {
        text.withUTF8Buffer { for byte in $0 { messageBuffer[length] = byte; length += 1 } }
    }
    put("\nlectern-fuzz: CRASH on ")
    put(runningKind == 0 ? "tokens" : runningKind == 1 ? "programs" : "mutations")
    put(" #")
    // No allocation: the digits go straight into the buffer, then are reversed in place.
    let start = length
    var n = runningIndex
    repeat { messageBuffer[length] = UInt8(48 + n % 10); length += 1; n /= 10 } while n > 0
    var (i, j) = (start, length - 1)
    while i < j { (messageBuffer[i], messageBuffer[j]) = (messageBuffer[j], messageBuffer[i]); i += 1; j -= 1 }
    put(" (see it with --show KIND INDEX and the same --seed)\n")
    _ = write(2, messageBuffer, length)
    _ = sigHandlerReset(signal)
    raise(signal)
}

/// Puts back the default action for `number`, so that raising it again ends the process.
func sigHandlerReset(_ number: Int32) -> Int32 {
    var action = sigaction()
    return sigaction(number, &action, nil)
}

/// Installs the handler on its own stack, so that a stack overflow can still report.
func installCrashHandler() {
    let size = 1 << 16
    var stack = stack_t()
    stack.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
    stack.ss_size = size
    sigaltstack(&stack, nil)
    for signal in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP] {
        var action = sigaction()
        #if os(Linux)
        action.__sigaction_handler.sa_handler = { crashHandler($0) }
        #else
        action.__sigaction_u.__sa_handler = { crashHandler($0) }
        #endif
        action.sa_flags = Int32(SA_ONSTACK)
        sigaction(signal, &action, nil)
    }
}

// MARK: Main

let options = parseOptions()
if let (kind, index) = options.show {
    let cells = kind.cells(seed: options.seed, index: index)
    guard options.runShown else {
        print(cells.joined(separator: "\n"))
        exit(0)
    }
    for (cell, (outcome, problem)) in zip(cells, FuzzCheck.run(cells: cells)) {
        print(cell + "\n    -> \(outcome.name)" + (problem.map { ": PROBLEM: " + $0 } ?? ""))
    }
    exit(0)
}
installCrashHandler()
let start = ContinuousClock.now
var tallies = [FuzzKind: FuzzTally]()
let perKind = (options.count + options.kinds.count - 1) / options.kinds.count
for index in 0..<perKind {
    for kind in options.kinds {
        runningKind = Int32(FuzzKind.allCases.firstIndex(of: kind)!)
        runningIndex = index
        let results = FuzzCheck.run(cells: kind.cells(seed: options.seed, index: index))
        tallies[kind, default: FuzzTally()].add(results, kind: kind, seed: options.seed, index: index)
    }
    if (index + 1) % 50_000 == 0 {
        printError("lectern-fuzz: \((index + 1) * options.kinds.count) programs...\n")
    }
}
var all = FuzzTally()
for kind in options.kinds { all.merge(tallies[kind] ?? FuzzTally()) }
let elapsed = start.duration(to: .now).components
let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
print("lectern-fuzz: seed \(options.seed), \(all.programs) programs (\(all.cells) cells) in \((seconds * 10).rounded() / 10) s")
print("  how the cells ended (a generated program runs as a session, one top-level statement per cell):")
for kind in options.kinds {
    let tally = tallies[kind] ?? FuzzTally()
    print("  \(kind.rawValue.padding(9)) \(String(tally.programs).padding(8, left: true)) programs, "
          + "\(String(tally.cells).padding(8, left: true)) cells: \(tally.summary)")
}
print("  \("all".padding(9)) \(String(all.programs).padding(8, left: true)) programs, "
      + "\(String(all.cells).padding(8, left: true)) cells: \(all.summary)")
print("  crashes: 0 (a crash stops the run and names the program)")
print("  other problems: \(all.problems.count)")
for problem in all.problems { print("    " + problem) }
exit(all.problems.isEmpty ? 0 : 1)

extension String {
    func padding(_ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: Swift.max(0, width - count))
        return left ? fill + self : self + fill
    }
}
