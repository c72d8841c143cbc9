// swift-tools-version: 6.0
// libFuzzer targets for Decant, kept in their own package so that the root package's
// `swift build` / `swift test` never see an executable without `main`. Build and run them with
// `make fuzz` or `make fuzz-smoke` (see ../Makefile and the README's "Reliability" section):
//   swift build --package-path Fuzz --scratch-path .build-fuzz -c release \
//     -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
import PackageDescription

/// One libFuzzer executable per concern; `FuzzSupport` holds what several of them share.
let fuzzTargets = ["fuzz-sniff", "fuzz-readers", "fuzz-charset", "fuzz-repair", "fuzz-pipe"]

let package = Package(
    name: "DecantFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Decant", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "Decant", package: "Decant")]),
        // Calls libFuzzer's driver from the `<module>_main` SwiftPM makes `main` point to.
        .target(name: "FuzzerDriver"),
    ] + fuzzTargets.map { name in
        .executableTarget(name: name, dependencies: ["FuzzSupport", "FuzzerDriver", .product(name: "Decant", package: "Decant")])
    }
)
