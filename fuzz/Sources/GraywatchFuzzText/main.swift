import CLibFuzzer
import Foundation
import FuzzSupport

/// libFuzzer's per-input callback: one input through the text parsers (see TextParsers).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzText(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    TextParsers.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}

// Load the catalog before the first input (out of LeakSanitizer's sight, see CLibFuzzer.h), then hand the process
// to libFuzzer (see GraywatchFuzz/main.swift).
__lsan_disable()
_ = FuzzEnvironment.shared
__lsan_enable()
var argumentCount = CommandLine.argc
var argumentVector = Optional(CommandLine.unsafeArgv)
exit(LLVMFuzzerRunDriver(&argumentCount, &argumentVector) { data, size in fuzzText(data, size) })
