// cxr-ground-engine: the engine-only command line (LibTorch alone; no Qt, DCMTK or OpenCV), for
// building and measuring the engine on CUDA machines that only have PyTorch's LibTorch.
//   cxr-ground-engine bench --config DIR [--steps N] [--device cuda] [--precision bf16] [--no-naive]
#include "bench_engine.h"
#include "omp_policy.h"

#include <cstdio>
#include <cstring>

int main(int argc, char** argv) {
    cxr::app::preferPassiveOpenMp(argv);
    if (argc < 2 || std::strcmp(argv[1], "bench") != 0) {
        std::fprintf(stderr, "usage: cxr-ground-engine bench --config DIR [--steps N] [--device cpu|cuda] "
                             "[--precision fp32|bf16|fp16] [--threads N] [--size N] [--no-naive]\n");
        return 2;
    }
    cxr::bench::Options o;
    std::string err;
    if (!cxr::bench::parseOptions(argc, argv, 2, &o, &err)) {
        std::fprintf(stderr, "cxr-ground-engine: %s\n", err.c_str());
        return 2;
    }
    return cxr::bench::runEngineBench(o);
}
