// PNG / JPEG / other raster images through OpenCV (MIMIC-CXR-JPG is 8-bit JPEG).
#include "loader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace cxr {

class RasterText {
    Q_DECLARE_TR_FUNCTIONS(RasterText)
};

namespace {

QString sniffFormat(const QByteArray& h) {
    if (h.startsWith("\x89PNG\r\n\x1a\n")) return QStringLiteral("PNG");
    if (h.startsWith("\xff\xd8\xff")) return QStringLiteral("JPEG");
    if (h.startsWith("II*\0") || h.startsWith("MM\0*")) return QStringLiteral("TIFF");
    if (h.startsWith("BM")) return QStringLiteral("BMP");
    return {};
}

}  // namespace

LoadResult loadRaster(const QString& path) {
    LoadResult result;
    const QString name = QFileInfo(path).fileName();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        result.error = RasterText::tr("%1: the file cannot be opened (%2)").arg(name, f.errorString());
        return result;
    }
    const QByteArray data = f.readAll();
    const QString format = sniffFormat(data.left(16));
    if (format.isEmpty()) {
        result.error = RasterText::tr("%1: not an image this application can read (neither DICOM "
                                      "nor PNG, JPEG, TIFF or BMP)").arg(name);
        return result;
    }
    cv::Mat m;
    try {
        const cv::Mat buf(1, data.size(), CV_8U, const_cast<char*>(data.constData()));
        m = cv::imdecode(buf, cv::IMREAD_UNCHANGED | cv::IMREAD_ANYDEPTH);
    } catch (const cv::Exception& e) {
        m.release();
    }
    if (m.empty()) {
        result.error = RasterText::tr("%1: the %2 data is damaged or truncated and cannot be decoded")
                           .arg(name, format);
        return result;
    }
    if (m.depth() != CV_8U && m.depth() != CV_16U) {
        result.error = RasterText::tr("%1: only 8- and 16-bit images are supported").arg(name);
        return result;
    }
    // Drop alpha; BGR -> RGB; colour images whose channels are equal are grey.
    if (m.channels() == 4) cv::cvtColor(m, m, cv::COLOR_BGRA2BGR);
    if (m.channels() == 2) {
        std::vector<cv::Mat> planes;
        cv::split(m, planes);
        m = planes[0];
    }
    if (m.channels() == 3) {
        std::vector<cv::Mat> planes;
        cv::split(m, planes);
        if (cv::norm(planes[0], planes[1], cv::NORM_INF) == 0 &&
            cv::norm(planes[0], planes[2], cv::NORM_INF) == 0)
            m = planes[0];
        else
            cv::cvtColor(m, m, cv::COLOR_BGR2RGB);
    }
    auto img = std::make_shared<Image>();
    ImageInfo& info = img->info;
    info.path = path;
    info.format = format;
    info.modality = QString();
    info.photometric = m.channels() == 3 ? QStringLiteral("RGB") : QStringLiteral("MONOCHROME2");
    info.rows = m.rows;
    info.columns = m.cols;
    info.bitsAllocated = info.bitsStored = m.depth() == CV_16U ? 16 : 8;
    info.highBit = info.bitsStored - 1;
    info.samplesPerPixel = m.channels();
    info.frames = 1;
    img->width = m.cols;
    img->height = m.rows;
    img->channels = m.channels();
    img->stored.resize(static_cast<size_t>(m.rows) * m.cols * m.channels());
    size_t k = 0;
    for (int y = 0; y < m.rows; ++y) {
        if (m.depth() == CV_8U) {
            const uint8_t* row = m.ptr<uint8_t>(y);
            for (int x = 0; x < m.cols * m.channels(); ++x) img->stored[k++] = row[x];
        } else {
            const uint16_t* row = m.ptr<uint16_t>(y);
            for (int x = 0; x < m.cols * m.channels(); ++x) img->stored[k++] = row[x];
        }
    }
    img->updateStoredRange();
    // 8-bit files are already display values: show them as stored (window 0..255).
    if (info.bitsStored == 8) info.windows.push_back({128.0, 256.0, RasterText::tr("Full range")});
    result.image = std::move(img);
    return result;
}

LoadResult loadImage(const QString& path, int frame) {
    if (!QFileInfo(path).isFile()) {
        LoadResult r;
        r.error = RasterText::tr("%1: the file does not exist").arg(QFileInfo(path).fileName());
        return r;
    }
    QFile f(path);
    QByteArray head;
    if (f.open(QIODevice::ReadOnly)) head = f.read(16);
    if (!sniffFormat(head).isEmpty() && !looksLikeDicom(path)) {
        if (frame != 0) {
            LoadResult r;
            r.error = RasterText::tr("%1: frame %2 does not exist (the file has 1 frame)")
                          .arg(QFileInfo(path).fileName()).arg(frame + 1);
            return r;
        }
        return loadRaster(path);
    }
    if (looksLikeDicom(path)) return loadDicom(path, frame);
    // Neither a known raster signature nor a DICOM start: still try DICOM (some old files start
    // with unusual groups), but explain the failure as "not an image" rather than a parse error.
    LoadResult r = loadDicom(path, frame);
    if (!r.ok())
        r.error = RasterText::tr("%1: not an image this application can read (neither DICOM nor PNG, JPEG, TIFF or BMP)")
                      .arg(QFileInfo(path).fileName());
    return r;
}

}  // namespace cxr
