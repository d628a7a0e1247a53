// Engine benchmark (Qt-free; used by cxr-ground and the engine-only cxr-ground-engine).
#pragma once

#include <string>

namespace cxr::bench {

struct Options {
    std::string configDir;
    int steps = 30;
    std::string device = "cpu";
    std::string precision = "fp32";
    int threads = 0;
    int width = 1024, height = 1024;
    bool skipNaive = false;
    bool compareBf16 = false;   // also the window's partial pass in bf16 on the CPU, against fp32
    int channelsLast = -1;      // -1: the engine's default; 0 off; 1 on
    bool quick = false;         // only the per-call profile (and the bf16 per-call comparison)
};

bool parseOptions(int argc, char** argv, int first, Options* o, std::string* error);
int runEngineBench(const Options& o);

}  // namespace cxr::bench
