// libFuzzer's driver entry point (compiler-rt FuzzerInterface.h), linked in by `-sanitize=fuzzer`, and LSan's switches.
//
// SwiftPM links every Linux executable with `--defsym main=<Module>_main`, which leaves no room for libFuzzer's own
// `main`; the fuzz targets' main.swift calls this instead, with the process's arguments.
#ifndef GRAYWATCH_CLIBFUZZER_H
#define GRAYWATCH_CLIBFUZZER_H
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

// LeakSanitizer's interface (sanitizer/lsan_interface.h), linked in by `-sanitize=address`: what is allocated between
// disable and enable is never reported. The targets load the rules that way, once: they live until exit, and Swift
// keeps enum tags in pointer spare bits, so LSan cannot see the references to some of their boxes.
void __lsan_disable(void);
void __lsan_enable(void);

#endif
