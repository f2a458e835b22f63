// libFuzzer's driver, for executables whose `main` is their own (SwiftPM names every executable's entry point
// itself, so libFuzzer's `main` cannot be used). Provided by the fuzzer runtime that -sanitize=fuzzer links.
#ifndef CFUZZERDRIVER_H
#define CFUZZERDRIVER_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));

#endif
