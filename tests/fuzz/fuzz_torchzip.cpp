// libFuzzer: PyTorch zip checkpoint reader (ZIP/ZIP64 directory + restricted pickle machine).
#include "fuzz_weights_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    cxrgTouchWeights(data, size);
    return 0;
}
