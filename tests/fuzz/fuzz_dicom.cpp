// libFuzzer target for the DICOM loading path (header, pixel data, LUTs, rendering).
// Run: build-fuzz/tests/fuzz/fuzz_dicom -max_total_time=600 -rss_limit_mb=2048 corpus/ seeds/
#include "imaging/image.h"
#include "imaging/loader.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFile>
#include <QString>

#include <unistd.h>

#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const QString path = QStringLiteral("/tmp/cxrg-fuzz-dicom-%1.dcm").arg(getpid());
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) return 0;
        f.write(reinterpret_cast<const char*>(data), static_cast<qint64>(size));
    }
    cxr::registerCodecs();
    const cxr::HeaderResult h = cxr::readHeader(path);
    (void)h;
    const cxr::LoadResult r = cxr::loadDicom(path, 0);
    if (r.ok()) {
        cxr::Renderer renderer;
        const cxr::Rendered out = renderer.render(*r.image, cxr::defaultDisplay(*r.image));
        (void)out;
        QString err;
        (void)cxr::dumpTags(path, &err);
    }
    return 0;
}
