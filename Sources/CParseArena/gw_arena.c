/* The parse arena: see include/gw_arena.h. */
#include "gw_arena.h"
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define GW_ARENA_TAG 0x9e3779b97f4a7c15ULL
#define GW_SYSTEM_TAG 0x7f4a7c159e3779b9ULL
#define GW_ARENA_CHUNK ((size_t)262144)
#define GW_ARENA_SPARE_CHUNKS 32

struct gw_arena_chunk {
    struct gw_arena_chunk *next;
    size_t size;
};

static gw_arena_chunk *gw_arena_spare;
static int gw_arena_spare_count;
static pthread_mutex_t gw_arena_spare_lock = PTHREAD_MUTEX_INITIALIZER;
static _Thread_local gw_arena *gw_arena_current;

static size_t gw_arena_round(size_t size) { return (size + 15) & ~(size_t)15; }

static gw_arena_chunk *gw_arena_new_chunk(size_t size) {
    if (size == GW_ARENA_CHUNK) {
        pthread_mutex_lock(&gw_arena_spare_lock);
        gw_arena_chunk *chunk = gw_arena_spare;
        if (chunk != NULL) { gw_arena_spare = chunk->next; gw_arena_spare_count--; }
        pthread_mutex_unlock(&gw_arena_spare_lock);
        if (chunk != NULL) { return chunk; }
    }
    gw_arena_chunk *chunk = (gw_arena_chunk *)malloc(size);
    if (chunk != NULL) { chunk->size = size; }
    return chunk;
}

/* A block of `size` bytes from the arena, after its header; NULL when memory runs out. */
static void *gw_arena_take(gw_arena *arena, size_t size) {
    if (size > SIZE_MAX / 2) { return NULL; }
    size_t need = gw_arena_round(size) + 16;
    if ((size_t)(arena->limit - arena->cursor) < need) {
        size_t start = gw_arena_round(sizeof(gw_arena_chunk));
        size_t chunkSize = need + start > GW_ARENA_CHUNK ? need + start : GW_ARENA_CHUNK;
        gw_arena_chunk *chunk = gw_arena_new_chunk(chunkSize);
        if (chunk == NULL) { return NULL; }
        chunk->next = arena->chunks;
        arena->chunks = chunk;
        arena->bytes += chunkSize;
        arena->cursor = (char *)chunk + start;
        arena->limit = (char *)chunk + chunkSize;
    }
    uint64_t *header = (uint64_t *)arena->cursor;
    header[0] = size;
    header[1] = GW_ARENA_TAG;
    arena->last = arena->cursor;
    arena->cursor += need;
    return header + 2;
}

/* Gives every chunk back (to the pool, up to GW_ARENA_SPARE_CHUNKS, or to the system). */
void gw_arena_release(gw_arena *arena) {
    gw_arena_chunk *chunk = arena->chunks;
    while (chunk != NULL) {
        gw_arena_chunk *next = chunk->next;
        int kept = 0;
        if (chunk->size == GW_ARENA_CHUNK) {
            pthread_mutex_lock(&gw_arena_spare_lock);
            if (gw_arena_spare_count < GW_ARENA_SPARE_CHUNKS) {
                chunk->next = gw_arena_spare;
                gw_arena_spare = chunk;
                gw_arena_spare_count++;
                kept = 1;
            }
            pthread_mutex_unlock(&gw_arena_spare_lock);
        }
        if (!kept) { free(chunk); }
        chunk = next;
    }
    memset(arena, 0, sizeof *arena);
}

void *gw_mem_malloc(size_t size) {
    gw_arena *arena = gw_arena_current;
    if (arena != NULL) { return gw_arena_take(arena, size); }
    if (size > SIZE_MAX - 16) { return NULL; }
    uint64_t *header = (uint64_t *)malloc(size + 16);
    if (header == NULL) { return NULL; }
    header[0] = size;
    header[1] = GW_SYSTEM_TAG;
    return header + 2;
}

void gw_mem_free(void *pointer) {
    if (pointer == NULL) { return; }
    uint64_t *header = (uint64_t *)pointer - 2;
    if (header[1] == GW_ARENA_TAG) {
        gw_arena *arena = gw_arena_current;
        /* The newest block of the active arena is given back in place (parser scratch buffers often are). */
        if (arena != NULL && arena->last == (char *)header) {
            arena->cursor = arena->last;
            arena->last = NULL;
        }
        return;
    }
    if (header[1] == GW_SYSTEM_TAG) {
        header[1] = 0;
        free(header);
        return;
    }
    free(pointer);
}

void *gw_mem_realloc(void *pointer, size_t size) {
    if (pointer == NULL) { return gw_mem_malloc(size); }
    uint64_t *header = (uint64_t *)pointer - 2;
    if (header[1] == GW_SYSTEM_TAG) {
        if (size > SIZE_MAX - 16) { return NULL; }
        uint64_t *moved = (uint64_t *)realloc(header, size + 16);
        if (moved == NULL) { return NULL; }
        moved[0] = size;
        return moved + 2;
    }
    if (header[1] != GW_ARENA_TAG) { return realloc(pointer, size); }
    size_t old = (size_t)header[0];
    gw_arena *arena = gw_arena_current;
    if (arena != NULL && arena->last == (char *)header && size <= SIZE_MAX / 2) {
        size_t need = gw_arena_round(size) + 16;
        if ((size_t)(arena->limit - arena->last) >= need) {
            header[0] = size;
            arena->cursor = arena->last + need;
            return pointer;
        }
    }
    void *moved = gw_mem_malloc(size);
    if (moved == NULL) { return NULL; }
    memcpy(moved, pointer, old < size ? old : size);
    return moved;
}

char *gw_mem_strdup(const char *text) {
    size_t length = strlen(text) + 1;
    char *copy = (char *)gw_mem_malloc(length);
    if (copy != NULL) { memcpy(copy, text, length); }
    return copy;
}

/* Makes `arena` (or none, with NULL) the one this thread's libxml2 allocations come from; returns the previous. */
gw_arena *gw_arena_activate(gw_arena *arena) {
    gw_arena *previous = gw_arena_current;
    gw_arena_current = arena;
    return previous;
}
