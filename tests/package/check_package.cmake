# Builds the Debian package from the finished build tree and checks what a user installs:
# both programs, desktop entry, icon, AppStream metainfo, sample study, demo model, computed
# dependencies.
# Usage: cmake -DBUILD_DIR=... -DOUT_DIR=... -P check_package.cmake
file(REMOVE_RECURSE "${OUT_DIR}")
file(MAKE_DIRECTORY "${OUT_DIR}")
execute_process(COMMAND cpack -G DEB -B "${OUT_DIR}" --config "${BUILD_DIR}/CPackConfig.cmake"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cpack failed (${rc}):\n${out}\n${err}")
endif()
file(GLOB debs "${OUT_DIR}/*.deb")
list(LENGTH debs n)
if(NOT n EQUAL 1)
  message(FATAL_ERROR "expected one .deb in ${OUT_DIR}, found: ${debs}")
endif()
execute_process(COMMAND dpkg-deb -c ${debs} OUTPUT_VARIABLE contents RESULT_VARIABLE rc)
foreach(path
    "./usr/bin/cxr-viewer" "./usr/bin/cxr-ground"
    "./usr/share/applications/org.cxrground.CXRGround.desktop"
    "./usr/share/metainfo/org.cxrground.CXRGround.metainfo.xml"
    "./usr/share/icons/hicolor/scalable/apps/org.cxrground.CXRGround.svg"
    "./usr/share/cxr-ground/samples/wg04_RG1_J2KI.dcm"
    "./usr/share/cxr-ground/demo-model/configs/inference.json"
    "./usr/share/cxr-ground/demo-model/models/diffusion_model.pth")
  string(FIND "${contents}" "${path}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the package lacks ${path}:\n${contents}")
  endif()
endforeach()
execute_process(COMMAND dpkg-deb -f ${debs} Depends OUTPUT_VARIABLE depends)
foreach(dep libqt6widgets6 libqt6core6 libdcmtk17 libopenjp2-7 libopencv-imgcodecs)
  string(FIND "${depends}" "${dep}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the package does not depend on ${dep}: ${depends}")
  endif()
endforeach()
# The desktop entry starts the viewer and names the icon that is installed.
execute_process(COMMAND dpkg-deb --fsys-tarfile ${debs} COMMAND tar -xO ./usr/share/applications/org.cxrground.CXRGround.desktop
                OUTPUT_VARIABLE desktop)
if(NOT desktop MATCHES "Exec=cxr-viewer" OR NOT desktop MATCHES "Icon=org.cxrground.CXRGround")
  message(FATAL_ERROR "bad desktop entry:\n${desktop}")
endif()
find_program(APPSTREAMCLI appstreamcli)
if(NOT APPSTREAMCLI)  # never skipped: installer/setup.sh installs appstream
  message(FATAL_ERROR "appstreamcli is missing: install the Debian package appstream (bash installer/setup.sh does)")
endif()
if(APPSTREAMCLI)
  execute_process(COMMAND dpkg-deb --fsys-tarfile ${debs} COMMAND tar -xO ./usr/share/metainfo/org.cxrground.CXRGround.metainfo.xml
                  OUTPUT_FILE "${OUT_DIR}/metainfo.xml")
  execute_process(COMMAND ${APPSTREAMCLI} validate --no-net --pedantic "${OUT_DIR}/metainfo.xml"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "appstreamcli validate failed:\n${out}")
  endif()
endif()
message(STATUS "package OK: ${debs}\nDepends: ${depends}")
