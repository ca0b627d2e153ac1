#ifndef GRAYWATCH_CLIBXML2_SHIM_H
#define GRAYWATCH_CLIBXML2_SHIM_H
/* Typed wrappers for libxml2's macro-only or function-pointer API, which Swift cannot call directly. */
#include <libxml/xmlversion.h>
#include <stdint.h>
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

/* What a parse can record as it builds the tree, while each element and its attributes are still in the cache:
   every element in document order with its last descendant (as gw_collect_element_ranges), and the columns of the
   attributes named in `names` (as gw_attribute_columns). Filled by gw_html_parse_capturing through libxml2's SAX
   start/end-element callbacks; `failed` is set when the callbacks and the tree could disagree (then the caller
   walks the tree instead). Free the arrays with gw_capture_free. */
typedef struct {
    xmlNodePtr *nodes;
    int32_t *ends;
    size_t count, room;
    int32_t *open;
    size_t depth, openRoom;
    size_t columnCount;
    const char *const *names;
    const int *padded;
    int32_t *columnIndices[64];
    int32_t *columnStarts[64];
    unsigned char *columnBuffers[64];
    size_t columnFound[64], columnRoom[64], columnLength[64], columnBufferRoom[64]; /* room: of indices and starts */
    int failed;
    startElementSAXFunc start;
    endElementSAXFunc end;
} gw_capture;

static inline int gw_capture_grow(void **array, size_t *room, size_t needed, size_t size) {
    if (needed <= *room) { return 1; }
    size_t grown = *room == 0 ? 256 : *room;
    while (grown < needed) { grown *= 2; }
    void *moved = realloc(*array, grown * size);
    if (moved == NULL) { return 0; }
    *array = moved;
    *room = grown;
    return 1;
}

static inline void gw_capture_attribute(gw_capture *c, size_t k, int32_t element, const unsigned char *text) {
    size_t n = c->columnFound[k], size = strlen((const char *)text);
    if (n > 0 && c->columnIndices[k][n - 1] == element) { return; } /* XPath sees the first of a name */
    if (n + 2 > c->columnRoom[k]) {
        size_t room = c->columnRoom[k] < 128 ? 256 : 2 * c->columnRoom[k];
        int32_t *indices = (int32_t *)realloc(c->columnIndices[k], room * sizeof(int32_t));
        if (indices != NULL) { c->columnIndices[k] = indices; }
        int32_t *starts = indices == NULL ? NULL : (int32_t *)realloc(c->columnStarts[k], room * sizeof(int32_t));
        if (starts == NULL) { c->failed = 1; return; }
        c->columnStarts[k] = starts;
        c->columnRoom[k] = room;
    }
    if (!gw_capture_grow((void **)&c->columnBuffers[k], &c->columnBufferRoom[k], c->columnLength[k] + size + 3, 1)) {
        c->failed = 1;
        return;
    }
    unsigned char *buffer = c->columnBuffers[k];
    size_t at = c->columnLength[k];
    c->columnIndices[k][n] = element;
    c->columnStarts[k][n] = (int32_t)at;
    if (!c->padded[k]) {
        memcpy(buffer + at, text, size);
        buffer[at + size] = 0;
        at += size + 1;
    } else {
        buffer[at++] = ' ';
        int pending = 0, any = 0;
        for (size_t i = 0; i < size; i++) {
            unsigned char ch = text[i];
            if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') { pending = any; continue; }
            if (pending) { buffer[at++] = ' '; pending = 0; }
            buffer[at++] = ch;
            any = 1;
        }
        buffer[at++] = ' ';
        buffer[at++] = 0;
    }
    c->columnLength[k] = at;
    c->columnFound[k] = n + 1;
    c->columnStarts[k][n + 1] = (int32_t)at;
}

static inline void gw_capture_start(void *context, const xmlChar *name, const xmlChar **atts) {
    htmlParserCtxtPtr ctxt = (htmlParserCtxtPtr)context;
    gw_capture *c = (gw_capture *)ctxt->_private;
    xmlNodePtr before = ctxt->node;
    c->start(context, name, atts);
    if (c->failed) { return; }
    xmlNodePtr node = ctxt->node;
    /* The new element must hang below the element the recording has open (the tree's shape, not just its order,
       is what the ranges stand for); anything else and the recording is dropped for a walk of the tree. */
    xmlNodePtr parent = node == NULL ? NULL : node->parent;
    if (parent != NULL && parent->type != XML_ELEMENT_NODE) { parent = NULL; }
    if (node == NULL || node == before || node->type != XML_ELEMENT_NODE
        || parent != (c->depth > 0 ? c->nodes[c->open[c->depth - 1]] : NULL)) {
        c->failed = 1;
        return;
    }
    if (c->count == c->room) {
        size_t room = c->room < 512 ? 1024 : 2 * c->room;
        xmlNodePtr *nodes = (xmlNodePtr *)realloc(c->nodes, room * sizeof(xmlNodePtr));
        if (nodes != NULL) { c->nodes = nodes; }
        int32_t *ends = nodes == NULL ? NULL : (int32_t *)realloc(c->ends, room * sizeof(int32_t));
        if (ends == NULL) { c->failed = 1; return; }
        c->ends = ends;
        c->room = room;
    }
    if (!gw_capture_grow((void **)&c->open, &c->openRoom, c->depth + 1, sizeof(int32_t))) { c->failed = 1; return; }
    int32_t index = (int32_t)c->count++;
    c->nodes[index] = node;
    c->ends[index] = index;
    c->open[c->depth++] = index;
    if (atts == NULL) { return; }
    for (size_t a = 0; atts[a] != NULL; a += 2) {
        for (size_t k = 0; k < c->columnCount; k++) {
            if (strcmp((const char *)atts[a], c->names[k]) == 0) {
                gw_capture_attribute(c, k, index, atts[a + 1] == NULL ? (const unsigned char *)"" : atts[a + 1]);
            }
        }
    }
}

static inline void gw_capture_end(void *context, const xmlChar *name) {
    htmlParserCtxtPtr ctxt = (htmlParserCtxtPtr)context;
    gw_capture *c = (gw_capture *)ctxt->_private;
    if (!c->failed) {
        if (c->depth == 0 || c->nodes[c->open[c->depth - 1]] != ctxt->node) {
            c->failed = 1;
        } else {
            c->depth--;
            c->ends[c->open[c->depth]] = (int32_t)c->count - 1;
        }
    }
    c->end(context, name);
}

/* gw_html_parse recording into `capture` (see gw_capture; `names`, `padded`, `columnCount` ≤ 64 set by the caller,
   everything else zero). */
static inline htmlDocPtr gw_html_parse_capturing(const char *buffer, int size, const char *url, gw_parse_report *report,
                                                 gw_capture *capture) {
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (ctxt == NULL) { return NULL; }
    if (ctxt->sax == NULL || ctxt->sax->startElement == NULL || ctxt->sax->endElement == NULL || capture->columnCount > 64) {
        capture->failed = 1;
    } else {
        capture->start = ctxt->sax->startElement;
        capture->end = ctxt->sax->endElement;
        ctxt->sax->startElement = gw_capture_start;
        ctxt->sax->endElement = gw_capture_end;
        ctxt->_private = capture;
    }
    xmlSetStructuredErrorFunc(report, gw_parse_record_error);
    htmlDocPtr doc = htmlCtxtReadMemory(ctxt, buffer, size, url, "UTF-8", gw_html_parse_options());
    xmlSetStructuredErrorFunc(NULL, NULL);
    report->stopped = ctxt->disableSAX != 0;
    htmlFreeParserCtxt(ctxt);
    while (capture->depth > 0) { capture->depth--; capture->ends[capture->open[capture->depth]] = (int32_t)capture->count - 1; }
    return doc;
}

static inline void gw_capture_free(gw_capture *capture) {
    free(capture->nodes);
    free(capture->ends);
    free(capture->open);
    for (size_t k = 0; k < 64; k++) {
        free(capture->columnIndices[k]);
        free(capture->columnStarts[k]);
        free(capture->columnBuffers[k]);
    }
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

/* Every element below (and including) `root` in document order, in one walk: *out gets them and *ends, for each,
   the index of its last descendant element (itself when it has none), so the descendants of element i are exactly
   elements i+1 ... ends[i]. Both arrays are malloc'ed (free them); returns the count, or 0 with both NULL when
   memory runs out. */
static inline size_t gw_collect_element_ranges(xmlNodePtr root, xmlNodePtr **out, int32_t **ends) {
    size_t count = 0, room = 1024, depth = 0, openRoom = 256;
    xmlNodePtr *nodes = (xmlNodePtr *)malloc(room * sizeof(xmlNodePtr));
    int32_t *last = (int32_t *)malloc(room * sizeof(int32_t));
    /* open[d]: the index of the element open at depth d (the stack grows: a tree need not come from the parser). */
    int32_t *open = (int32_t *)malloc(openRoom * sizeof(int32_t));
    xmlNodePtr node = root;
    while (nodes != NULL && last != NULL && open != NULL && node != NULL) {
        if (node->type == XML_ELEMENT_NODE) {
            if (count == room) {
                xmlNodePtr *moreNodes = (xmlNodePtr *)realloc(nodes, 2 * room * sizeof(xmlNodePtr));
                if (moreNodes != NULL) { nodes = moreNodes; }
                int32_t *moreLast = moreNodes == NULL ? NULL : (int32_t *)realloc(last, 2 * room * sizeof(int32_t));
                if (moreLast == NULL) { free(nodes); free(last); nodes = NULL; last = NULL; break; }
                last = moreLast;
                room *= 2;
            }
            nodes[count] = node;
            last[count] = (int32_t)count;
            if (node->children != NULL) {
                if (depth == openRoom) {
                    int32_t *grown = (int32_t *)realloc(open, 2 * openRoom * sizeof(int32_t));
                    if (grown == NULL) { free(nodes); free(last); nodes = NULL; last = NULL; break; }
                    open = grown;
                    openRoom *= 2;
                }
                open[depth++] = (int32_t)count++;
                node = node->children;
                continue;
            }
            count++;
        }
        while (node != NULL && node->next == NULL) {
            node = node->parent;
            if (node == NULL || node == root->parent || node->type != XML_ELEMENT_NODE) { node = NULL; break; }
            if (depth > 0) { depth--; last[open[depth]] = (int32_t)count - 1; }
        }
        if (node != NULL) { node = node->next; }
    }
    free(open);
    if (nodes == NULL || last == NULL) {
        free(nodes);
        free(last);
        *out = NULL;
        *ends = NULL;
        return 0;
    }
    while (depth > 0) { depth--; last[open[depth]] = (int32_t)count - 1; }
    *out = nodes;
    *ends = last;
    return count;
}

/* One attribute's values over a document's elements, for searching all of them at once: `indices` (room `total`)
   gets the index of each element having the attribute `name`, `starts` (room `total` + 1) where its value begins in
   `buffer`, in which every value is followed by a NUL. With `padded`, each value is stored as XPath's
   concat(' ', normalize-space(value), ' '). Returns how many elements have the attribute; *length gets the bytes
   the buffer needs (call with buffer NULL to learn it, then again with room for it). */
static inline size_t gw_attribute_column(xmlNodePtr *nodes, size_t total, const char *name, int padded, int32_t *indices,
                                         int32_t *starts, unsigned char *buffer, size_t *length) {
    size_t found = 0, used = 0;
    for (size_t n = 0; n < total; n++) {
        const xmlChar *value = NULL;
        int kind = gw_attribute_value(nodes[n], name, &value);
        if (kind == 0) { continue; }
        const unsigned char *text = (const unsigned char *)value;
        size_t size = strlen((const char *)text);
        if (indices != NULL) { indices[found] = (int32_t)n; starts[found] = (int32_t)used; }
        if (!padded) {
            if (buffer != NULL) { memcpy(buffer + used, text, size); buffer[used + size] = 0; }
            used += size + 1;
        } else {
            size_t out = used;
            if (buffer != NULL) { buffer[out] = ' '; }
            out++;
            int pending = 0, any = 0;
            for (size_t i = 0; i < size; i++) {
                unsigned char c = text[i];
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n') { pending = any; continue; }
                if (pending) { if (buffer != NULL) { buffer[out] = ' '; } out++; pending = 0; }
                if (buffer != NULL) { buffer[out] = c; }
                out++;
                any = 1;
            }
            if (buffer != NULL) { buffer[out] = ' '; buffer[out + 1] = 0; }
            used = out + 2;
        }
        if (kind == 2) { gw_xml_free((void *)value); }
        found++;
    }
    if (starts != NULL) { starts[found] = (int32_t)used; }
    *length = used;
    return found;
}

/* glibc's memmem (declared by <string.h> only under _GNU_SOURCE; a compatible declaration). */
extern void *memmem(const void *haystack, size_t haystacklen, const void *needle, size_t needlelen);

/* Marks (marks[i] = 1) the values of a column (see gw_attribute_column: `count` values, `length` bytes) that contain
   `literal` (`exact` 0), or equal it (`exact` 1). One memmem pass over the whole column. */
static inline void gw_column_mark(const unsigned char *buffer, size_t length, const int32_t *starts, size_t count,
                                  const char *literal, int exact, unsigned char *marks) {
    size_t size = strlen(literal);
    if (count == 0) { return; }
    if (size == 0) {
        for (size_t i = 0; i < count; i++) {
            if (!exact || starts[i + 1] - starts[i] == 1) { marks[i] = 1; }
        }
        return;
    }
    size_t at = 0, value = 0;
    while (at + size <= length) {
        const unsigned char *hit = (const unsigned char *)memmem(buffer + at, length - at, literal, size);
        if (hit == NULL) { return; }
        size_t offset = (size_t)(hit - buffer);
        /* The value holding the hit: values are in order and hits come in order, so walk forward from the last. */
        while (value + 1 < count && (size_t)starts[value + 1] <= offset) { value++; }
        if (!exact || ((size_t)starts[value] == offset && buffer[offset + size] == 0)) {
            marks[value] = 1;
            at = (size_t)starts[value + 1];
            value++;
        } else {
            at = offset + 1;
        }
    }
}

/// True when the XPath string value of `node` (its text and CDATA descendants, in order) contains one of the
/// `count` needles: a necessary condition of a text predicate, checked before libxml2 evaluates it.
static inline int gw_text_contains_any(xmlNodePtr node, const char *const *needles, size_t count) {
    xmlChar *text = xmlNodeGetContent(node);
    if (text == NULL) return 0;
    int found = 0;
    for (size_t i = 0; i < count && !found; i++) found = strstr((const char *)text, needles[i]) != NULL;
    gw_xml_free(text);
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
