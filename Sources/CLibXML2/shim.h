#ifndef GRAYWATCH_CLIBXML2_SHIM_H
#define GRAYWATCH_CLIBXML2_SHIM_H
/* Typed wrappers for libxml2's macro-only or function-pointer API, which Swift cannot call directly. */
#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU, whose headers clash with Foundation's bundled ICU in any module that
   imports both. Nothing here touches the ICU converter fields, so keep those headers out. */
#ifdef LIBXML_ICU_ENABLED
#undef LIBXML_ICU_ENABLED
#endif
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/tree.h>
#include <libxml/parserInternals.h>
#include <stdio.h>

/* xmlFree is a global function pointer; call it through a typed function. */
static inline void gw_xml_free(void *pointer) {
    if (pointer != NULL) { xmlFree(pointer); }
}

/* A structured-error handler that only counts: parse errors are suppressed but countable. */
static inline void gw_xml_count_error(void *userData, xmlErrorPtr error) {
    (void)error;
    if (userData != NULL) { (*(long *)userData)++; }
}

/* Parser options for hostile HTML: recover, no network, no error or warning output, no implied blanks. */
static inline int gw_html_parse_options(void) {
    return HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
         | HTML_PARSE_NOBLANKS | HTML_PARSE_COMPACT;
}

/* What a parse reported: how many errors, whether libxml2 stopped before the end of the input (it halts, keeping only
   what it had built, at more than xmlParserMaxDepth = 256 levels of nesting or on running out of memory), and the
   message of the last error (the one that stopped it, when it stopped). */
typedef struct {
    long count;
    int stopped;
    char message[160];
} gw_parse_report;

static inline void gw_parse_record_error(void *userData, xmlErrorPtr error) {
    gw_parse_report *report = (gw_parse_report *)userData;
    if (report == NULL) { return; }
    report->count++;
    if (error != NULL && error->message != NULL) {
        snprintf(report->message, sizeof report->message, "%s", error->message);
    }
}

/* The nesting depth beyond which libxml2 stops parsing (without XML_PARSE_HUGE, which graywatch does not set). */
static inline unsigned gw_parser_max_depth(void) { return xmlParserMaxDepth; }

/* Parse a UTF-8 HTML buffer into *report; returns NULL when nothing can be built. In recover mode libxml2 disables
   its SAX callbacks only when it halts, so that flag tells a stop before the end of the input. */
static inline htmlDocPtr gw_html_parse(const char *buffer, int size, const char *url, gw_parse_report *report) {
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (ctxt == NULL) { return NULL; }
    xmlSetStructuredErrorFunc(report, gw_parse_record_error);
    htmlDocPtr doc = htmlCtxtReadMemory(ctxt, buffer, size, url, "UTF-8", gw_html_parse_options());
    xmlSetStructuredErrorFunc(NULL, NULL);
    report->stopped = ctxt->disableSAX != 0;
    htmlFreeParserCtxt(ctxt);
    return doc;
}

/* Compile an XPath expression without printing errors; NULL when it does not compile. */
static inline xmlXPathCompExprPtr gw_xpath_compile(const char *expression) {
    long errors = 0;
    xmlSetStructuredErrorFunc(&errors, gw_xml_count_error);
    xmlXPathCompExprPtr compiled = xmlXPathCompile((const xmlChar *)expression);
    xmlSetStructuredErrorFunc(NULL, NULL);
    return compiled;
}

/* Evaluate a compiled expression without printing errors; NULL when evaluation fails. */
static inline xmlXPathObjectPtr gw_xpath_eval(xmlXPathCompExprPtr compiled, xmlXPathContextPtr context) {
    long errors = 0;
    xmlSetStructuredErrorFunc(&errors, gw_xml_count_error);
    xmlXPathObjectPtr result = xmlXPathCompiledEval(compiled, context);
    xmlSetStructuredErrorFunc(NULL, NULL);
    return result;
}

static inline int gw_xpath_nodeset_count(xmlXPathObjectPtr object) {
    if (object == NULL || object->nodesetval == NULL) { return 0; }
    return object->nodesetval->nodeNr;
}
static inline xmlNodePtr gw_xpath_nodeset_item(xmlXPathObjectPtr object, int index) {
    if (object == NULL || object->nodesetval == NULL) { return NULL; }
    if (index < 0 || index >= object->nodesetval->nodeNr) { return NULL; }
    return object->nodesetval->nodeTab[index];
}
#endif
