#!/usr/bin/env bash
# One-step set-up on Debian 12: install the dependencies (apt), build (Release), then
#   run   start the viewer on the bundled sample study
#   test  run the test suite with ctest
#   build only build
# Usage: bash installer/setup.sh run|test|build   (BUILD_DIR defaults to ./build)
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"
BUILD_DIR="${BUILD_DIR:-build}"

PACKAGES=(
  build-essential cmake ninja-build pkg-config dpkg-dev
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  qt6-svg-dev libqt6svg6 libgl1-mesa-dev
  libdcmtk-dev dcmtk libopenjp2-7-dev libopencv-dev
  libtorch-dev libopenblas0-pthread
  xvfb xauth fonts-dejavu-core
  file appstream
  qtkeychain-qt6-dev
  orthanc orthanc-dicomweb dicom3tools openssl
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

echo "== configuring and building ($BUILD_DIR, Release)"
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build "$BUILD_DIR" -j"$(nproc)"

case "$mode" in
  run)
    shift || true
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
      case " $* " in
        *" --screenshot "*|*" --screenshot="*)
          echo "== no display: running the viewer under xvfb-run for the screenshot"
          exec xvfb-run -a "$BUILD_DIR/app/cxr-viewer" --samples "$@" ;;
      esac
      echo "== built. There is no display here (DISPLAY and WAYLAND_DISPLAY are unset), so the viewer" >&2
      echo "   window would be invisible. Start it from a desktop session, with ssh -X, or grab a" >&2
      echo "   picture instead: bash installer/setup.sh run --screenshot shot.png" >&2
      exit 2
    fi
    exec "$BUILD_DIR/app/cxr-viewer" --samples "$@"
    ;;
  test)
    cd "$BUILD_DIR"
    QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j"$(nproc)"
    ;;
  build) ;;
  *) echo "unknown mode: $mode (run|test|build)" >&2; exit 2 ;;
esac
