#ifndef GRAYWATCH_CZSTD_SHIM_H
#define GRAYWATCH_CZSTD_SHIM_H
/* Zstandard, for the evidence bodies kept with every observation. */
#include <zstd.h>

/* Whether a ZSTD_* return value is an error code. */
static inline int gw_zstd_is_error(size_t code) { return ZSTD_isError(code) ? 1 : 0; }

/* The frame's decompressed size as written by ZSTD_compress; -1 when unknown or not a frame. */
static inline long long gw_zstd_content_size(const void *src, size_t size) {
    unsigned long long n = ZSTD_getFrameContentSize(src, size);
    if (n == ZSTD_CONTENTSIZE_UNKNOWN || n == ZSTD_CONTENTSIZE_ERROR) { return -1; }
    return (long long)n;
}
#endif
