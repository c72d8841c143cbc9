import DecantPlugins

/// Which external plugins to load and which of them may take over from built-in readers.
public struct PluginOptions: Sendable, Equatable {
    /// Folders given with `--plugins`, searched first.
    public var directories: [String] = []
    /// Plugins named with `--prefer-plugin`: they win whenever they claim an input.
    public var preferred: [String] = []
    /// Load no plugins at all (for library users who want only the built-in readers).
    public var disabled = false

    public init(directories: [String] = [], preferred: [String] = [], disabled: Bool = false) {
        self.directories = directories
        self.preferred = preferred
        self.disabled = disabled
    }
}

/// The built-in readers plus the plugins found on the search path.
public struct ReaderSetup: Sendable {
    public var registry: ReaderRegistry
    /// Plugin folders that were not loaded, and `--prefer-plugin` names that match nothing.
    public var problems: [String]
    public var searchPaths: [PluginSearchPath]

    /// Discovers plugins (see ``PluginSearchPath/standard(explicit:environment:workingDirectory:executable:)``)
    /// and registers them after the built-in readers. A plugin named like a built-in reader is
    /// refused: built-ins cannot be replaced, only outranked with `--prefer-plugin`.
    public init(plugins: PluginOptions, builtins: ReaderRegistry = BuiltinReaders.registry(), searchPaths: [PluginSearchPath]? = nil) {
        registry = builtins
        problems = []
        self.searchPaths = plugins.disabled ? [] : searchPaths ?? PluginSearchPath.standard(explicit: plugins.directories)
        let catalog = PluginCatalog.discover(self.searchPaths)
        problems += catalog.problems
        for plugin in catalog.plugins {
            if builtins.reader(named: plugin.name) != nil {
                problems.append("\(plugin.directory): plugin '\(plugin.name)' has the name of a built-in reader; rename it")
                continue
            }
            registry.register(plugin, tier: plugins.preferred.contains(plugin.name) ? .preferred : .plugin)
        }
        for name in plugins.preferred where catalog.plugins.allSatisfy({ $0.name != name }) {
            problems.append("--prefer-plugin \(name): no plugin of that name was found")
        }
    }
}
