/// The JSON Schema (2020-12) of ``Document``, as `decant schema` prints it.
///
/// `schema/decant-document.schema.json` in the repository is this text; a test keeps the two equal.
public enum DocumentSchema {
    public static let json = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://decant.dev/schema/decant-document/v1.json",
  "title": "Decant document",
  "description": "One document in Decant's shared schema. Every key is always present with a fixed type (null or [] when unknown). id, text, source and metadata are named as dolma and datatrove name them.",
  "schema_version": 1,
  "type": "object",
  "additionalProperties": false,
  "required": ["id", "text", "source", "format", "metadata", "blocks", "encoding", "removed", "repairs", "decant", "error"],
  "properties": {
    "id": {"type": "string", "description": "The caller's id, else a hash of the source bytes."},
    "text": {"type": "string", "description": "Clean main text; paragraphs separated by exactly one blank line."},
    "source": {"type": "string", "description": "Input path relative to the input root, or a URL."},
    "format": {"type": "string", "description": "Input format: text, scraped-text, html, …"},
    "metadata": {
      "type": "object",
      "description": "Standard keys always present; keys a caller passes through decant pipe follow them.",
      "required": ["title", "authors", "date", "site", "url", "language", "categories", "description", "origin"],
      "properties": {
        "title": {"type": ["string", "null"]},
        "authors": {"type": "array", "items": {"type": "string"}},
        "date": {"type": ["string", "null"], "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2})?(Z|[+-][0-9]{2}:[0-9]{2})?)?)?)?$"},
        "site": {"type": ["string", "null"]},
        "url": {"type": ["string", "null"]},
        "language": {"type": ["string", "null"]},
        "categories": {"type": "array", "items": {"type": "string"}},
        "description": {"type": ["string", "null"]},
        "origin": {"type": ["string", "null"], "description": "The outlet the article was first published by (a 'Source: …' line); site is where this copy was found."}
      }
    },
    "blocks": {
      "type": "array",
      "items": {
        "type": "object",
        "additionalProperties": false,
        "required": ["type", "level", "text", "rows", "line"],
        "properties": {
          "type": {"enum": ["heading", "paragraph", "list_item", "quote", "code", "table", "caption"]},
          "level": {"type": ["integer", "null"], "minimum": 1, "maximum": 6},
          "text": {"type": "string"},
          "rows": {"type": "array", "items": {"type": "array", "items": {"type": "string"}}},
          "line": {"type": ["integer", "null"], "minimum": 1}
        }
      }
    },
    "encoding": {
      "type": "object",
      "additionalProperties": false,
      "required": ["declared", "detected", "used", "confidence", "invalid_sequences"],
      "properties": {
        "declared": {"type": ["string", "null"]},
        "detected": {"type": ["string", "null"]},
        "used": {"type": ["string", "null"]},
        "confidence": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
        "invalid_sequences": {"type": "integer", "minimum": 0}
      }
    },
    "removed": {
      "type": "array",
      "items": {
        "type": "object",
        "additionalProperties": false,
        "required": ["text", "reason", "line"],
        "properties": {
          "text": {"type": "string"},
          "reason": {"type": "string", "pattern": "^[a-z0-9-]+(\\.[a-z0-9-]+)*$"},
          "line": {"type": ["integer", "null"], "minimum": 1}
        }
      }
    },
    "repairs": {
      "type": "array",
      "items": {
        "type": "object",
        "additionalProperties": false,
        "required": ["kind", "from", "to", "count"],
        "properties": {
          "kind": {"type": "string"},
          "from": {"type": "string"},
          "to": {"type": "string"},
          "count": {"type": "integer", "minimum": 1}
        }
      }
    },
    "decant": {
      "type": "object",
      "additionalProperties": false,
      "required": ["version", "schema_version", "reader"],
      "properties": {
        "version": {"type": "string"},
        "schema_version": {"const": 1},
        "reader": {"type": "string"}
      }
    },
    "error": {
      "oneOf": [
        {"type": "null"},
        {
          "type": "object",
          "additionalProperties": false,
          "required": ["code", "message", "input"],
          "properties": {
            "code": {"type": "string"},
            "message": {"type": "string"},
            "input": {"type": ["string", "null"], "description": "The input record as received, when decant pipe could not process it."}
          }
        }
      ]
    }
  }
}
"""#
}
