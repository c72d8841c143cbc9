// The umbrella module: `import Decant` gives the schema, the readers and the pipeline.
@_exported import DecantCore
@_exported import DecantEncoding
@_exported import DecantText
@_exported import DecantPlugins
@_exported import DecantMarkdown
@_exported import DecantHTML
@_exported import DecantOffice
@_exported import DecantFeed
@_exported import DecantMail
@_exported import DecantWARC
