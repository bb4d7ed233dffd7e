// swift-tools-version: 6.0
//
// Lectern: a terminal notebook for learning convolutional networks.
//
// Public API: `TensorEngine` (tensors, autograd, layers, training, data),
// `LecternLanguage` (the command language: parser, interpreter, builtins), `LecternRender`
// (terminal plots and SVG, as builtins a host adds) and `LecternCourse` (lessons: the format
// and its parser, the course folder, running and checking lessons, progress, prose for the
// terminal; the REPL and `lectern lesson` drive it, it knows neither). The underscored
// targets are implementation details of the engine's kernels and may change at any time:
//   _CSupport         C helpers: does the CPU have AVX2 and FMA (asked once); malloc tuning;
//                     the bounds of a thread's stack (the language's guard against deep nesting).
//   _GEMMKernel       the GEMM micro-kernel, built for the default target of the machine.
//   _GEMMKernelAVX2   the same source files (symlinks), built for x86-64-v3 (AVX2 + FMA);
//                     TensorEngine calls it only when _CSupport says the CPU has both.
//   CEditLine         libedit (BSD line editing) for the REPL, as a system library.
// Dependencies run one way: TensorEngine <- LecternLanguage <- LecternRender <- LecternCourse <- lectern.
import PackageDescription

#if arch(x86_64)
/// Code generation for CPUs with AVX2 and FMA (Intel Haswell, AMD Zen and later).
let avx2Settings: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "haswell"]), .define("LECTERN_FMA")]
#else
/// On arm64 the default target already has fused multiply-add; both variants are the same.
let avx2Settings: [SwiftSetting] = []
#endif

/// The engine is compiled with optimisation even in debug builds: its loops run 10-100x
/// slower unoptimised, which would make the tests that train networks take minutes.
let optimizedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

/// The interpreter walks its tree through class instances (scopes, the interpreter itself);
/// Swift's run-time exclusivity checks on them cost ~7% of a tight loop in a script. The
/// code does not rely on them (a violation would be a bug caught by the debug build).
let uncheckedExclusivity: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "Lectern",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lectern", targets: ["lectern"]),
        .library(name: "TensorEngine", targets: ["TensorEngine"]),
        .library(name: "LecternLanguage", targets: ["LecternLanguage"]),
        .library(name: "LecternRender", targets: ["LecternRender"]),
        .library(name: "LecternCourse", targets: ["LecternCourse"]),
        .executable(name: "lectern-fuzz", targets: ["LecternFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "_CSupport"),
        .systemLibrary(
            name: "CEditLine", pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"]), .brew(["libedit"])]),
        .target(name: "_GEMMKernel", dependencies: ["_CSupport"], swiftSettings: optimizedInDebug),
        .target(name: "_GEMMKernelAVX2", dependencies: ["_CSupport"], swiftSettings: avx2Settings + optimizedInDebug),
        .target(
            name: "TensorEngine", dependencies: ["_CSupport", "_GEMMKernel", "_GEMMKernelAVX2"],
            swiftSettings: optimizedInDebug),
        .target(name: "LecternLanguage", dependencies: ["TensorEngine", "_CSupport"], swiftSettings: uncheckedExclusivity),
        // Pictures: terminal canvases, plot layout, colour, SVG, and the builtins that make figures.
        // The language does not depend on it; a host adds `Pictures.builtins` to an interpreter.
        .target(name: "LecternRender", dependencies: ["LecternLanguage", "TensorEngine"]),
        // Lessons: parsed from Markdown, run in a session, checked; no terminal, no REPL.
        .target(name: "LecternCourse", dependencies: ["LecternLanguage", "LecternRender", "TensorEngine"]),
        .executableTarget(
            name: "lectern",
            dependencies: [
                "TensorEngine",
                "LecternLanguage",
                "LecternRender",
                "LecternCourse",
                "CEditLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .testTarget(
            name: "TensorEngineTests", dependencies: ["TensorEngine"],
            // The scripts that generated the fixture files (with NumPy), kept beside them.
            exclude: [
                "Fixtures/make_shape_fixtures.py", "Fixtures/make_elementwise_fixtures.py",
                "Fixtures/make_reduction_fixtures.py", "Fixtures/make_description_fixtures.py",
                "Fixtures/make_random_fixtures.py", "Fixtures/make_index_fixtures.py",
            ]),
        // The fuzzer's generators (token streams, well-formed programs, mutations), shared by
        // the fuzz tests and `lectern-fuzz` (`make fuzz`).
        .target(name: "LecternFuzzSupport", dependencies: ["LecternLanguage"]),
        .executableTarget(name: "LecternFuzz", dependencies: ["LecternFuzzSupport", "LecternLanguage"]),
        .testTarget(
            name: "LecternLanguageTests", dependencies: ["LecternLanguage", "LecternFuzzSupport", "LecternRender"],
            // Script tests: .lec programs with inline expectations, read by ScriptTests.swift.
            exclude: ["Scripts"]),
        // The REPL end to end: the built `lectern` in a pseudo-terminal and with piped input.
        // The dependency on the executable makes `swift test` build it first.
        .testTarget(name: "LecternREPLTests", dependencies: ["lectern", "LecternLanguage"]),
        .testTarget(
            name: "LecternRenderTests", dependencies: ["LecternRender", "LecternLanguage", "TensorEngine"],
            // Golden text of every plot kind, compared by GoldenTests.swift (LECTERN_UPDATE_GOLDEN=1 rewrites them).
            exclude: ["Golden"]),
        // Lessons: parsing, output comparison, --check on every lesson in lessons/ and on the
        // fixture course (Fixtures/course, a course folder as an instructor would write one).
        .testTarget(name: "LecternCourseTests", dependencies: ["LecternCourse", "LecternLanguage"], exclude: ["Fixtures"]),
    ]
)
