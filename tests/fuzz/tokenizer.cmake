# CLIP tokenizer: arbitrary bytes through cleaning, pre-tokenisation and BPE.
cxrg_add_fuzzer(fuzz_tokenizer ${CMAKE_CURRENT_LIST_DIR}/fuzz_tokenizer.cpp)
target_link_libraries(fuzz_tokenizer PRIVATE cxrtext)
target_compile_definitions(fuzz_tokenizer PRIVATE CXRG_TOKENIZER_DIR="${PROJECT_SOURCE_DIR}/tests/data/model-small/tokenizer")
