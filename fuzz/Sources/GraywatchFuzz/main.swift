import CLibFuzzer
import Foundation
import FuzzSupport

/// libFuzzer's per-input callback: one input through decode → parse → extract → enrich → score (see PagePipeline).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPage(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, let input = FuzzInput(UnsafeBufferPointer(start: data, count: size)) else { return 0 }
    PagePipeline.run(input)
    return 0
}

// Load the rules before the first input, so a broken checkout fails at start and not on input 1 (out of LeakSanitizer's
// sight: they live until exit, see CLibFuzzer.h); then hand the process to libFuzzer (its arguments are libFuzzer's:
// corpus folders, -max_total_time=, …).
__lsan_disable()
_ = FuzzEnvironment.shared
__lsan_enable()
var argumentCount = CommandLine.argc
var argumentVector = Optional(CommandLine.unsafeArgv)
exit(LLVMFuzzerRunDriver(&argumentCount, &argumentVector) { data, size in fuzzPage(data, size) })
