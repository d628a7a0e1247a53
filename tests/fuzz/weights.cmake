# libFuzzer targets for core/model (cxrweights): the safetensors reader (+ the JSON reader and the
# config parsers) and the PyTorch zip / restricted-pickle reader. The library sources are compiled
# into each target so they get the fuzzer + ASan/UBSan instrumentation.
# Seeds: fuzz_torchzip  <- tests/data/weights/{views,views_bigendian,compressed,legacy}.pth
#        fuzz_safetensors <- tests/data/weights/tiny.safetensors, tests/data/model-small/configs/inference.json,
#                            tests/data/model-small/text_encoder/config.json
# Run:   mkdir corpus seeds && cp <seed files> seeds/ &&
#        ./fuzz_torchzip -max_total_time=240 -rss_limit_mb=2048 corpus seeds   (same for fuzz_safetensors)
# If the top-level configure fails (it needs Qt, DCMTK, OpenCV, ...), build them directly:
#   clang++ -std=c++17 -g -O1 -fsanitize=fuzzer,address,undefined -Icore tests/fuzz/fuzz_torchzip.cpp \
#     core/model/json.cpp core/model/weights.cpp core/model/torch_zip.cpp -o fuzz_torchzip
set(_cxrw_dir ${CMAKE_SOURCE_DIR}/core/model)
set(_cxrw_sources ${_cxrw_dir}/json.cpp ${_cxrw_dir}/weights.cpp ${_cxrw_dir}/torch_zip.cpp)

cxrg_add_fuzzer(fuzz_safetensors ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_safetensors.cpp ${_cxrw_sources}
                ${_cxrw_dir}/config.cpp)
target_include_directories(fuzz_safetensors PRIVATE ${CMAKE_SOURCE_DIR}/core)

cxrg_add_fuzzer(fuzz_torchzip ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_torchzip.cpp ${_cxrw_sources})
target_include_directories(fuzz_torchzip PRIVATE ${CMAKE_SOURCE_DIR}/core)
