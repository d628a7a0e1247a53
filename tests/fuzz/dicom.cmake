# DICOM loading path: DCMTK parse, size checks, decoders (JPEG, JPEG-LS, RLE, OpenJPEG), LUTs,
# rendering. Seed corpus: tests/data/dicom-*.
cxrg_add_fuzzer(fuzz_dicom ${CMAKE_CURRENT_LIST_DIR}/fuzz_dicom.cpp)
target_link_libraries(fuzz_dicom PRIVATE cxrimaging Qt6::Core)
