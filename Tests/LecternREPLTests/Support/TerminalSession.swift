import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The built `lectern` running in a pseudo-terminal, as a person would use it: type into it,
/// read what it writes. The terminal is its controlling terminal, so Ctrl-C (byte 3) raises
/// SIGINT as it does for a person. Waits are generous and nothing is timed.
final class TerminalSession {
    struct Timeout: Error, CustomStringConvertible {
        let description: String
    }

    let pid: pid_t
    private let master: Int32
    /// Everything the program wrote, escape sequences included.
    private(set) var transcript = ""
    /// How much of `transcript` `expect` has consumed.
    private var consumed: String.Index
    private var exitStatus: Int32?

    /// Starts `lectern arguments` with `environment` (added to TERM=xterm and a scratch HOME),
    /// in a terminal `columns` wide.
    init(_ arguments: [String] = [], environment: [String: String] = [:], columns: UInt16 = 100) throws {
        // Close-on-exec from the start: tests run in parallel, and another test's child must not
        // inherit this terminal.
        let master = PTY.openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)
        var name = [CChar](repeating: 0, count: 128)
        // ptsname_r, not ptsname: ptsname's static buffer is shared by the tests running at once.
        guard master >= 0, PTY.grantpt(master) == 0, PTY.unlockpt(master) == 0, PTY.ptsname_r(master, &name, name.count) == 0 else {
            throw Timeout(description: "cannot open a pseudo-terminal")
        }
        var size = winsize(ws_row: 40, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        self.master = master
        self.pid = try Self.spawn(arguments, slave: String(cString: &name), environment: environment)
        consumed = transcript.startIndex
    }

    deinit {
        if waitForExit(timeout: .zero) == nil {
            kill(pid, SIGKILL)
            _ = waitForExit(timeout: .seconds(10))
        }
        close(master)
    }

    /// In a new session whose controlling terminal is `slave`, with default signal handling.
    private static func spawn(_ arguments: [String], slave: String, environment: [String: String]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid(), without O_NOCTTY: it becomes the controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        // Nothing else of ours: a pipe another test has just made (PipedRun's standard input)
        // would stay open in this child, and that test's program would wait for an end of input
        // that comes only when this session ends (a deadlock once both wait on each other).
        _ = PTY.addclosefrom(&actions, 3)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var signals = sigset_t()
        sigemptyset(&signals)
        posix_spawnattr_setsigmask(&attributes, &signals)
        sigfillset(&signals)
        posix_spawnattr_setsigdefault(&attributes, &signals)
        posix_spawnattr_setflags(&attributes, Int16(PTY.spawnSetsid | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let executable = LecternBinary.path
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        var variables = ["PATH": "/usr/bin:/bin", "TERM": "xterm", "LANG": "C.UTF-8"]
        for (key, value) in environment { variables[key] = value }
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard status == 0 else { throw Timeout(description: "cannot start \(executable): \(String(cString: strerror(status)))") }
        return pid
    }

    /// Types `text` (use "\r" for Enter, "\t" for Tab, "\u{3}" for Ctrl-C, "\u{4}" for Ctrl-D).
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Waits until the program has written `text` since the last `expect`; returns what it
    /// wrote up to and including it.
    @discardableResult
    func expect(_ text: String, timeout: Duration = .seconds(60)) throws -> String {
        try expect(text.debugDescription, timeout: timeout) { $0.range(of: text)?.upperBound }
    }

    /// Waits for the primary prompt (`>>>`, coloured or not) and for the line editor to read.
    @discardableResult
    func expectPrompt() throws -> String {
        let screen = try expect(">>>")
        try waitForEditing()
        return screen
    }

    /// Waits until the terminal is in the line editor's raw mode (ICANON off).
    ///
    /// NOTE: libedit writes the prompt a moment before it switches the terminal from cooked to
    /// raw mode. A key typed in between goes through the kernel's line discipline: Ctrl-D
    /// there is an end-of-file that libedit then reads as a NUL, and the test would hang. A
    /// person cannot type that fast; a test can, so it waits.
    func waitForEditing(timeout: Duration = .seconds(60)) throws {
        let deadline = ContinuousClock.now + timeout
        var settings = termios()
        while tcgetattr(master, &settings) == 0, settings.c_lflag & tcflag_t(ICANON) != 0 {
            guard ContinuousClock.now < deadline, readSome() else {
                throw Timeout(description: "the terminal never left cooked mode")
            }
        }
    }

    /// Waits until the line editor has handed a line over and put the terminal back in cooked
    /// mode with Ctrl-C as its interrupt character (ICANON and ISIG on, VINTR = 0x03): from
    /// then on Ctrl-C is a signal to the program, not a key the editor keeps for its next
    /// prompt. The editor echoes the line's end before it leaves raw mode, so seeing the echo
    /// is not enough on a loaded machine; and it turns the interrupt character back on only
    /// after cooked mode is back (`LineEditor.read`), so ICANON alone is not enough either.
    func waitForCookedMode(timeout: Duration = .seconds(60)) throws {
        let deadline = ContinuousClock.now + timeout
        var settings = termios()
        func signalsCtrlC(_ settings: termios) -> Bool {
            let interrupt = withUnsafeBytes(of: settings.c_cc) { $0[Int(VINTR)] }
            return settings.c_lflag & tcflag_t(ICANON) != 0 && settings.c_lflag & tcflag_t(ISIG) != 0 && interrupt == 3
        }
        while tcgetattr(master, &settings) == 0, !signalsCtrlC(settings) {
            guard ContinuousClock.now < deadline, readSome() else {
                throw Timeout(description: "the terminal never went back to cooked mode")
            }
        }
    }

    /// Waits for the secondary prompt (`...` and a space; in colour, the colour ends between them).
    @discardableResult
    func expectSecondaryPrompt() throws -> String {
        let screen = try expect("the secondary prompt", timeout: .seconds(60)) { screen in
            for marker in ["... ", "...\u{1B}[0m "] {
                if let range = screen.range(of: marker) { return range.upperBound }
            }
            return nil
        }
        try waitForEditing()
        return screen
    }

    /// Waits until the program has written each of `texts`, in any order; returns what it wrote.
    @discardableResult
    func expectAll(_ texts: [String], timeout: Duration = .seconds(60)) throws -> String {
        try expect("all of \(texts)", timeout: timeout) { screen in
            let ends = texts.compactMap { screen.range(of: $0)?.upperBound }
            return ends.count == texts.count ? ends.max() : nil
        }
    }

    /// Waits until `match` finds where what was written since the last `expect` should end.
    private func expect(_ what: String, timeout: Duration, _ match: (Substring) -> String.Index?) throws -> String {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let end = match(transcript[consumed...]) {
                defer { consumed = end }
                return String(transcript[consumed..<end])
            }
            guard ContinuousClock.now < deadline, readSome() else {
                throw Timeout(description: "did not see \(what); the screen had:\n\(transcript[consumed...])")
            }
        }
    }

    /// Reads what is there within a tenth of a second; false once the program has closed the terminal.
    private func readSome() -> Bool {
        var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, 100) > 0 else { return true }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        guard count > 0 else { return false }
        transcript += String(decoding: buffer[..<count], as: UTF8.self)
        return true
    }

    /// The exit status, once the program has ended within `timeout`; nil if it has not.
    func waitForExit(timeout: Duration = .seconds(60)) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while exitStatus == nil {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
                break
            }
            if ContinuousClock.now >= deadline { return nil }
            _ = readSome()
        }
        return exitStatus
    }
}

/// Where the `lectern` built with the tests is: beside the test bundle (`.build/debug`).
enum LecternBinary {
    static let path: String = {
        if let path = ProcessInfo.processInfo.environment["LECTERN_BINARY"] { return path }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return executable.deletingLastPathComponent().appendingPathComponent("lectern").path
    }()
}

/// The C library's pseudo-terminal calls, which Swift's Glibc module leaves out (they need
/// _XOPEN_SOURCE): looked up by name.
enum PTY {
    nonisolated(unsafe) static let openpt = function("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)
    nonisolated(unsafe) static let grantpt = function("grantpt", as: (@convention(c) (Int32) -> Int32).self)
    nonisolated(unsafe) static let unlockpt = function("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
    nonisolated(unsafe) static let ptsname_r = function("ptsname_r", as: (@convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32).self)
    /// posix_spawn_file_actions_addclosefrom_np (glibc 2.34): the child closes every descriptor from the given one up.
    nonisolated(unsafe) static let addclosefrom = function("posix_spawn_file_actions_addclosefrom_np",
                                                           as: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    /// glibc's POSIX_SPAWN_SETSID (a GNU extension, also hidden): the child starts a new session.
    static let spawnSetsid: Int32 = 0x80

    private static func function<T>(_ name: String, as type: T.Type) -> T {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { fatalError("no \(name) in the C library") }
        return unsafeBitCast(symbol, to: type)
    }
}
