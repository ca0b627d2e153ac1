#ifndef GRAYWATCH_CLIBXML2_SHIM_H
#define GRAYWATCH_CLIBXML2_SHIM_H
/* Typed wrappers for libxml2's macro-only or function-pointer API, which Swift cannot call directly. */
#include <libxml/xmlversion.h>
#include <stdlib.h>
#include <string.h>
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

/* Whether `needle` (length `length`, > 0) occurs in `haystack` (length `size`). */
static inline int gw_contains_bytes(const unsigned char *haystack, size_t size, const unsigned char *needle, size_t length) {
    if (length == 0 || size < length) { return 0; }
    const unsigned char *end = haystack + size - length + 1;
    for (const unsigned char *at = haystack; at < end; at++) {
        at = (const unsigned char *)memchr(at, needle[0], (size_t)(end - at));
        if (at == NULL) { return 0; }
        if (memcmp(at, needle, length) == 0) { return 1; }
    }
    return 0;
}

/* The value of the attribute `name` (no namespace) of an element, as XPath's attribute axis sees it (the
   element's own attributes, no DTD defaults). Returns 0 when absent; 1 when *value points into the tree; 2 when
   *value was allocated (free it with gw_xml_free). */
static inline int gw_attribute_value(xmlNodePtr node, const char *name, const xmlChar **value) {
    for (xmlAttrPtr attr = node->properties; attr != NULL; attr = attr->next) {
        if (attr->ns != NULL || attr->name == NULL || strcmp((const char *)attr->name, name) != 0) { continue; }
        if (attr->children == NULL) { *value = (const xmlChar *)""; return 1; }
        if (attr->children->next == NULL && attr->children->type == XML_TEXT_NODE && attr->children->content != NULL) {
            *value = attr->children->content;
            return 1;
        }
        *value = xmlNodeListGetString(node->doc, attr->children, 1);
        return *value == NULL ? 0 : 2;
    }
    return 0;
}

/* XPath `@name = 'literal'`: 1 when the element has the attribute with exactly that value. */
static inline int gw_attribute_equals(xmlNodePtr node, const char *name, const char *literal) {
    const xmlChar *value = NULL;
    int kind = gw_attribute_value(node, name, &value);
    if (kind == 0) { return 0; }
    int equal = strcmp((const char *)value, literal) == 0;
    if (kind == 2) { gw_xml_free((void *)value); }
    return equal;
}

/* XPath `contains(@name, 'literal')` (an absent attribute is the empty string). */
static inline int gw_attribute_contains(xmlNodePtr node, const char *name, const char *literal) {
    const xmlChar *value = NULL;
    int kind = gw_attribute_value(node, name, &value);
    if (kind == 0) { return literal[0] == 0; }
    int found = strstr((const char *)value, literal) != NULL;
    if (kind == 2) { gw_xml_free((void *)value); }
    return found;
}

/* XPath `contains(concat(' ', normalize-space(@name), ' '), 'literal')`: white space (#x20 #x9 #xD #xA)
   stripped at both ends and collapsed to one space, padded with a space on each side. */
static inline int gw_attribute_padded_contains(xmlNodePtr node, const char *name, const char *literal) {
    const xmlChar *value = NULL;
    int kind = gw_attribute_value(node, name, &value);
    const char *text = kind == 0 ? "" : (const char *)value;
    size_t length = strlen(text);
    char *padded = (char *)malloc(length + 3);
    if (padded == NULL) { if (kind == 2) { gw_xml_free((void *)value); } return 0; }
    size_t out = 0;
    padded[out++] = ' ';
    int pending = 0;
    for (size_t i = 0; i < length; i++) {
        char c = text[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') { pending = out > 1; continue; }
        if (pending) { padded[out++] = ' '; pending = 0; }
        padded[out++] = c;
    }
    padded[out++] = ' ';
    padded[out] = 0;
    int found = strstr(padded, literal) != NULL;
    free(padded);
    if (kind == 2) { gw_xml_free((void *)value); }
    return found;
}

/* Every element below (and including) `root` in document order, without recursion; with `out` NULL only counts.
   For each element also writes, to `attrs` (when not NULL), its first attribute's address — the caller reads
   attribute names from there. Returns the number of elements. */
static inline size_t gw_collect_elements(xmlNodePtr root, xmlNodePtr *out) {
    size_t count = 0;
    xmlNodePtr node = root;
    while (node != NULL) {
        if (node->type == XML_ELEMENT_NODE) {
            if (out != NULL) { out[count] = node; }
            count++;
            if (node->children != NULL) { node = node->children; continue; }
        }
        while (node != NULL && node->next == NULL) {
            node = node->parent;
            if (node == NULL || node == root->parent || node->type != XML_ELEMENT_NODE) { node = NULL; break; }
        }
        if (node != NULL) { node = node->next; }
    }
    return count;
}

/* For every element of `nodes` and each of its attributes (no namespace) named in `names` (`count` names):
   writes the pair (element index, name index) to `pairs` (room for 2 * `room` entries), in document order.
   Returns how many pairs (at most `room`). */
static inline size_t gw_index_attributes(xmlNodePtr *nodes, size_t total, const char *const *names, size_t count,
                                         long *pairs, size_t room) {
    size_t found = 0;
    for (size_t n = 0; n < total; n++) {
        for (xmlAttrPtr attr = nodes[n]->properties; attr != NULL; attr = attr->next) {
            if (attr->ns != NULL || attr->name == NULL) { continue; }
            for (size_t k = 0; k < count; k++) {
                if (strcmp((const char *)attr->name, names[k]) == 0) {
                    if (found < room) { pairs[2 * found] = (long)n; pairs[2 * found + 1] = (long)k; found++; }
                    break;
                }
            }
        }
    }
    return found;
}

/* The elements of `nodes` (in order) whose name is `name` (any, when NULL) and that pass one of the `count`
   attribute tests: kinds[i] 0 = equals, 1 = contains, 2 = padded contains (see above) of attributes[i] against
   literals[i]. Writes them to `out` (room for `total`) and returns how many. */
static inline size_t gw_filter_elements(xmlNodePtr *nodes, size_t total, const char *name, const int *kinds,
                                        const char *const *attributes, const char *const *literals, size_t count,
                                        xmlNodePtr *out) {
    size_t found = 0;
    for (size_t n = 0; n < total; n++) {
        xmlNodePtr node = nodes[n];
        if (name != NULL && (node->name == NULL || strcmp((const char *)node->name, name) != 0)) { continue; }
        for (size_t t = 0; t < count; t++) {
            int pass = kinds[t] == 0 ? gw_attribute_equals(node, attributes[t], literals[t])
                     : kinds[t] == 1 ? gw_attribute_contains(node, attributes[t], literals[t])
                     : gw_attribute_padded_contains(node, attributes[t], literals[t]);
            if (pass) { out[found++] = node; break; }
        }
    }
    return found;
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
