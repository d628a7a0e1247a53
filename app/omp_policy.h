// LibTorch's OpenMP runtime (libgomp) lets idle worker threads spin before they sleep. LibTorch
// also runs OpenBLAS's own threads, so on a machine with few cores the spinning threads take the
// cores from the ones with work: `bench engine --quick` measured 2.34 s per window call with the
// default policy against 1.77 s with OMP_WAIT_POLICY=PASSIVE (fp32, 2 cores, idle machine), and a
// shared or busy machine loses far more. libgomp reads the policy once, when it is loaded, so the
// programs that run the engine start themselves again with it set. An explicit OMP_WAIT_POLICY
// (e.g. ACTIVE for a dedicated many-core node) is kept as given.
#pragma once

#include <cstdlib>

#include <unistd.h>

namespace cxr::app {

inline void preferPassiveOpenMp(char** argv) {
    if (std::getenv("OMP_WAIT_POLICY") != nullptr) return;
    if (setenv("OMP_WAIT_POLICY", "PASSIVE", 1) != 0) return;
    execv("/proc/self/exe", argv);  // returns only when it failed: go on with the default policy
}

}  // namespace cxr::app
