// libxml2's HTML parser and tree API, as used by DecantHTML.
//
// Debian builds libxml2 with ICU, and its encoding.h then includes the system's ICU headers,
// whose types clash with the ICU copy inside Swift's Foundation ("UErrorCode has different
// definitions") in any module that imports both. Decant never touches libxml2's encoding
// handlers (it hands libxml2 UTF-8 it decoded itself), so the ICU part is switched off here.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
