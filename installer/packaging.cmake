# Installation layout and the Debian package (cpack -G DEB).
set(CXRG_APP_ID "org.cxrground.CXRGround")

install(FILES ${PROJECT_SOURCE_DIR}/installer/${CXRG_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/installer/${CXRG_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${PROJECT_SOURCE_DIR}/resources/cxr-viewer.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
        RENAME ${CXRG_APP_ID}.svg)
# The bundled sample study and its credits.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/samples/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/cxr-ground/samples)
# The demo model (small networks with random weights, tests/data/model-small): the viewer offers
# it, and uses it when no model is set, so that grounding works out of the box.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/tests/data/model-small/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/cxr-ground/demo-model)
install(FILES ${PROJECT_SOURCE_DIR}/resources/CREDITS.md ${PROJECT_SOURCE_DIR}/README.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_PACKAGE_NAME "cxr-ground")
set(CPACK_PACKAGE_VENDOR "CXR Ground")
set(CPACK_PACKAGE_CONTACT "CXR Ground developers <dev@cxr-ground.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Chest X-ray viewer with zero-shot phrase grounding")
set(CPACK_PACKAGE_DESCRIPTION "A DICOM / PNG / JPEG chest X-ray viewer (cxr-viewer) and a headless
 command line (cxr-ground). Research use only - not for diagnosis.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)   # dependencies computed from the binaries (dpkg-shlibdeps)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "hicolor-icon-theme, libqt6svg6")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-qpa-plugins, qt6-gtk-platformtheme, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_GENERATOR "DEB")
include(CPack)
