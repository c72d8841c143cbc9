// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Decant",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Decant", targets: ["Decant"]),
        .library(name: "DecantCore", targets: ["DecantCore"]),
        .executable(name: "decant", targets: ["decant"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The shared schema, the Reader protocol, the registry and the writers. Foundation only,
        // so a downstream tool can depend on the schema alone.
        .target(name: "DecantCore"),
        // bytes -> String: BOM, UTF-8/16/32, legacy charsets through glibc iconv.
        // Charset detection and text repairs (mojibake, entities, apostrophes, …) with word lists.
        // uchardet (Debian libuchardet-dev), one of the charset detector's sources of evidence.
        .systemLibrary(name: "CUchardet", path: "Sources/CUchardet", pkgConfig: "uchardet", providers: [.apt(["libuchardet-dev"])]),
        .target(
            name: "DecantEncoding", dependencies: ["DecantCore", "CUchardet"],
            resources: [.copy("Resources/wordlists")]
        ),
        // Plain-text (and, later, scraped-page) readers.
        // Rule packs are JSON data files compiled into the binary, so `decant` works wherever it is copied.
        .target(
            name: "DecantText", dependencies: ["DecantCore", "DecantEncoding"],
            resources: [.embedInCode("Rules")]
        ),
        // zlib (Debian zlib1g-dev) for reading and writing .jsonl.gz streams.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // libzstd (Debian libzstd-dev) for reading and writing .jsonl.zst streams.
        .systemLibrary(name: "CZstd", path: "Sources/CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        // Markdown: front matter, block structure, inline markup removed.
        .target(name: "DecantMarkdown", dependencies: ["DecantCore", "DecantEncoding", "DecantText"]),
        // ZIP containers read in memory (zlib inflate), with zip-bomb and path-traversal refusal.
        .target(name: "DecantArchive", dependencies: ["CZlib"]),
        // DOCX, ODT and EPUB: ZIP containers of XML parts, parsed without network or entity expansion.
        .target(name: "DecantOffice", dependencies: ["DecantCore", "DecantText", "DecantArchive"]),
        // RSS and Atom feeds: one document per item.
        .target(name: "DecantFeed", dependencies: ["DecantCore", "DecantText", "DecantOffice", "DecantHTML"]),
        // E-mail (.eml, MIME): headers, transfer encodings, per-part charsets, replies and signatures.
        .target(name: "DecantMail", dependencies: ["DecantCore", "DecantEncoding", "DecantText", "DecantHTML"]),
        // Web archives (.warc, .warc.gz): one document per HTML response record.
        .target(name: "DecantWARC", dependencies: ["DecantCore", "DecantArchive", "DecantHTML"]),
        // External reader plugins: manifests, discovery, and running a plugin's program safely.
        .target(name: "DecantPlugins", dependencies: ["DecantCore", "DecantText"]),
        // libxml2 (Debian libxml2-dev): the HTML parser DecantHTML wraps.
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // HTML: libxml2 wrapper, DOM -> blocks, main-content extraction, HTML metadata.
        .target(name: "DecantHTML", dependencies: ["DecantCore", "DecantEncoding", "CLibXML2"]),
        // The umbrella library users import: registry of built-in readers, pipeline, batch cleaner.
        .target(name: "Decant", dependencies: ["DecantCore", "DecantEncoding", "DecantText", "CZlib", "CZstd", "DecantPlugins", "DecantMarkdown", "DecantHTML", "DecantOffice", "DecantFeed", "DecantMail", "DecantWARC"]),
        // The command-line tool: argument parsing, progress, exit codes.
        .executableTarget(
            name: "decant",
            dependencies: ["Decant", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "DecantCoreTests", dependencies: ["DecantCore"]),
        .testTarget(name: "DecantTextTests", dependencies: ["DecantText", "DecantEncoding"]),
        // Helpers shared by the test targets (golden files); never part of a product.
        .target(name: "DecantTestSupport", dependencies: ["DecantCore"]),
        .testTarget(name: "DecantMarkdownTests", dependencies: ["Decant", "DecantMarkdown", "DecantTestSupport"]),
        .testTarget(name: "DecantOfficeTests", dependencies: ["Decant", "DecantOffice", "DecantArchive", "DecantTestSupport"]),
        .testTarget(name: "DecantFeedTests", dependencies: ["Decant", "DecantFeed", "DecantTestSupport"]),
        .testTarget(name: "DecantMailTests", dependencies: ["Decant", "DecantMail", "DecantTestSupport"]),
        .testTarget(name: "DecantWARCTests", dependencies: ["Decant", "DecantWARC", "DecantArchive", "DecantTestSupport"]),
        .testTarget(name: "DecantPluginsTests", dependencies: ["Decant", "DecantPlugins"]),
        .testTarget(name: "DecantEncodingTests", dependencies: ["DecantEncoding", "DecantCore"]),
        .testTarget(name: "DecantHTMLTests", dependencies: ["DecantHTML", "DecantCore"]),
        .testTarget(name: "DecantTests", dependencies: ["Decant"]),
        .testTarget(name: "DecantCLITests", dependencies: ["Decant", "decant"]),
    ]
)
