#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A child process of this binary, run to its end or killed at a deadline: its standard output
/// and error captured (each cut at a cap, the rest read and dropped so that the child never
/// blocks on a full pipe), and a third pipe, on the child's file descriptor 3, for its result.
/// Only trusted code in the child writes there (the language has no file access), so nothing a
/// submission prints can pose as a result.
///
/// The child gets its own process group (a kill reaches anything it started), `/dev/null` for
/// its standard input, and an environment of `environment` alone.
struct ChildProcess {
    struct Outcome {
        /// The raw status from `wait4`.
        var status: Int32
        /// Killed by the parent at the deadline.
        var timedOut: Bool
        var stdout: [UInt8], stdoutCut: Bool
        var stderr: [UInt8]
        var result: [UInt8]
        /// The child's peak resident memory, in bytes (`ru_maxrss`).
        var peakBytes: Int
        var seconds: Double

        /// The signal that ended the child, if one did.
        var signal: Int32? { status & 0x7f != 0 && status & 0x7f != 0x7f ? status & 0x7f : nil }
        /// The exit status, if the child exited.
        var exitCode: Int32? { status & 0x7f == 0 ? (status >> 8) & 0xff : nil }
    }

    struct SpawnError: Error, CustomStringConvertible {
        let description: String
    }

    var executable: String
    var arguments: [String]
    var environment: [String]
    /// Seconds of wall clock before the whole process group is killed.
    var timeout: Double
    /// The most bytes of standard output and of standard error kept.
    var outputCap: Int

    func run() throws(SpawnError) -> Outcome {
        let start = Self.now()
        // Held while pipes are made and the child starts: between `pipe` and `fcntl` a
        // descriptor does not close on exec, and another thread's child must not inherit it
        // (it would hold the pipe open, and this child's output would never end).
        let (out, err, result, pid) = try Self.spawning.withLock { _ throws(SpawnError) in
            let out = try Self.pipe(), err = try Self.pipe(), result = try Self.pipe()
            return (out, err, result, try spawn(stdout: out.write, stderr: err.write, result: result.write))
        }
        for fd in [out.write, err.write, result.write] { close(fd) }
        var streams = [Stream(fd: out.read, cap: outputCap), Stream(fd: err.read, cap: outputCap), Stream(fd: result.read, cap: Int.max)]
        let timedOut = !Self.drain(&streams, until: start + timeout)
        if timedOut { kill(-pid, SIGKILL); kill(pid, SIGKILL) }
        for stream in streams { close(stream.fd) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        // ru_maxrss is in kilobytes on Linux and in bytes on macOS.
        #if os(Linux)
        let peak = usage.ru_maxrss * 1024
        #else
        let peak = usage.ru_maxrss
        #endif
        return Outcome(status: status, timedOut: timedOut, stdout: streams[0].bytes, stdoutCut: streams[0].cut,
                       stderr: streams[1].bytes, result: streams[2].bytes, peakBytes: peak, seconds: Self.now() - start)
    }

    /// One pipe the parent reads.
    struct Stream {
        let fd: Int32
        let cap: Int
        var bytes: [UInt8] = []
        var cut = false
        var open = true
    }

    /// Reads every stream to its end; false when the deadline came first.
    private static func drain(_ streams: inout [Stream], until deadline: Double) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while streams.contains(where: \.open) {
            let remaining = deadline - now()
            if remaining <= 0 { return false }
            var polled = streams.filter(\.open).map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&polled, nfds_t(polled.count), Int32(min(remaining * 1000 + 1, 1_000_000)))
            if ready < 0 && errno != EINTR { return true }
            for entry in polled where entry.revents != 0 {
                guard let i = streams.firstIndex(where: { $0.fd == entry.fd }) else { continue }
                let n = read(entry.fd, &buffer, buffer.count)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { streams[i].open = false; continue }
                let room = max(0, streams[i].cap - streams[i].bytes.count)
                streams[i].bytes.append(contentsOf: buffer[0..<min(n, room)])
                if n > room { streams[i].cut = true }
            }
        }
        return true
    }

    private func spawn(stdout: Int32, stderr: Int32, result: Int32) throws(SpawnError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        posix_spawn_file_actions_adddup2(&actions, result, 3)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t(), mask = sigset_t()
        sigfillset(&defaults)
        sigemptyset(&mask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard code == 0 else { throw SpawnError(description: "cannot start \(executable): \(String(cString: strerror(code)))") }
        return pid
    }

    /// A pipe whose ends are at descriptors 10 and above (never 0-3, which the child's
    /// `dup2`s target) and close on exec, so that no other child inherits them.
    private static func pipe() throws(SpawnError) -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        guard Glibc.pipe(&fds) == 0 else { throw SpawnError(description: "cannot make a pipe: \(String(cString: strerror(errno)))") }
        let read = fcntl(fds[0], F_DUPFD_CLOEXEC, 10), write = fcntl(fds[1], F_DUPFD_CLOEXEC, 10)
        close(fds[0])
        close(fds[1])
        guard read >= 0, write >= 0 else { throw SpawnError(description: "cannot make a pipe: \(String(cString: strerror(errno)))") }
        return (read, write)
    }

    private static let spawning = Mutex(())

    /// Monotonic seconds.
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
