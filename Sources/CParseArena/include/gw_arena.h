#ifndef GRAYWATCH_PARSE_ARENA_H
#define GRAYWATCH_PARSE_ARENA_H
/* A bump arena for the trees libxml2 builds, behind libxml2's own allocation hooks (xmlMemSetup).

   glibc's malloc and free took about a third of an HTML parse of a real item page (a tree of thousands of nodes,
   attributes and strings, each its own block), and xmlFreeDoc's walk of the tree another tenth. While a document is
   parsed, every libxml2 allocation of that thread comes from the document's arena (chunks of GW_ARENA_CHUNK bytes,
   kept in a small pool for the next document); freeing such a block does nothing; the whole arena goes at once
   when the document is released (HTMLDocument's deinit).

   Every block handed to libxml2 carries a 16-byte header (its size, and a tag saying arena or system), so any
   block can be freed or resized on any thread at any time, whether or not an arena is active there. A block
   without either tag (allocated before the hooks were installed) goes to plain free/realloc. */
#include <stddef.h>

typedef struct gw_arena_chunk gw_arena_chunk;

/* One document's memory: the chunks it took, the free space of the newest one, and its last block (which can
   grow or be given back in place). Zero-initialized before first use. */
typedef struct gw_arena {
    gw_arena_chunk *chunks;
    char *cursor;
    char *limit;
    char *last;
    size_t bytes;
} gw_arena;

/* libxml2's allocation hooks (xmlMemSetup(gw_mem_free, gw_mem_malloc, gw_mem_realloc, gw_mem_strdup)), to be
   installed before any other libxml2 call of the process. */
void *gw_mem_malloc(size_t size);
void gw_mem_free(void *pointer);
void *gw_mem_realloc(void *pointer, size_t size);
char *gw_mem_strdup(const char *text);

/* Makes `arena` (or none, with NULL) the one this thread's allocations through the hooks come from; returns the
   previous one. */
gw_arena *gw_arena_activate(gw_arena *arena);

/* Gives every chunk of the arena back (to a small pool for the next document, or to the system) and zeroes it. */
void gw_arena_release(gw_arena *arena);
#endif
