#ifndef GRAYWATCH_CCURL_SHIM_H
#define GRAYWATCH_CCURL_SHIM_H
/* Typed wrappers for libcurl's variadic calls, which Swift cannot call directly. */
#include <curl/curl.h>

typedef size_t (*gw_curl_write_callback)(char *ptr, size_t size, size_t nmemb, void *userdata);
typedef int (*gw_curl_xferinfo_callback)(void *userdata, curl_off_t dltotal, curl_off_t dlnow,
                                         curl_off_t ultotal, curl_off_t ulnow);

/* curl_global_init with the default flags (a macro expression Swift does not import). Call once. */
static inline CURLcode gw_curl_global_init(void) {
    return curl_global_init(CURL_GLOBAL_DEFAULT);
}

static inline CURLcode gw_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode gw_curl_setopt_off(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode gw_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode gw_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode gw_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode gw_curl_setopt_write_function(CURL *handle, CURLoption option, gw_curl_write_callback value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode gw_curl_setopt_xferinfo_function(CURL *handle, gw_curl_xferinfo_callback value) {
    return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, value);
}

static inline CURLcode gw_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}
static inline CURLcode gw_curl_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return curl_easy_getinfo(handle, info, value);
}
static inline CURLcode gw_curl_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}

/* Feature bits of the linked libcurl (CURLVERSION_NOW is a macro Swift does not import). */
static inline int gw_curl_features(void) {
    curl_version_info_data *info = curl_version_info(CURLVERSION_NOW);
    return info == NULL ? 0 : info->features;
}

/* CURLMsg carries its result in a union; read it through a typed accessor. */
static inline int gw_curl_msg_is_done(const CURLMsg *message) {
    return message != NULL && message->msg == CURLMSG_DONE;
}
static inline CURLcode gw_curl_msg_result(const CURLMsg *message) {
    return message->data.result;
}
#endif
