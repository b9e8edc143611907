// libxml2's SAX2 push parser, for reading metadata.xml without FoundationXML's per-event objects.
//
// Debian builds libxml2 with ICU, and encoding.h then includes the system's <unicode/ucnv.h>, whose enums
// clash with the ICU copy Foundation ships (_FoundationICU) in any Swift module that imports both. Only the
// layout of xmlCharEncodingHandler (two ICU converter pointers at its end) depends on it, and Swift never
// touches that struct (the parser holds it by pointer), so the ICU part is left out here.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/globals.h>
