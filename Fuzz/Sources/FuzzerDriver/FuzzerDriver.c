#include "FuzzerDriver.h"
#include <stddef.h>
#include <stdint.h>

// Both come from libFuzzer (linked by -sanitize=fuzzer) and from the Swift target.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int decant_fuzzer_main(int argc, char **argv) {
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
