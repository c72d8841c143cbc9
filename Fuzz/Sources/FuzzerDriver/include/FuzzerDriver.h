#ifndef DECANT_FUZZER_DRIVER_H
#define DECANT_FUZZER_DRIVER_H

/// Runs libFuzzer on the target's `LLVMFuzzerTestOneInput`, with libFuzzer's usual arguments.
///
/// SwiftPM links every executable with `main` aliased to `<module>_main`, so libFuzzer's own
/// `main` never gets linked; each target defines `<module>_main` and calls this instead.
int decant_fuzzer_main(int argc, char **argv);

#endif
