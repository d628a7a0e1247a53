// Atomic file writes for exports: the data goes to a temporary file in the target folder, which
// is then renamed onto the final name. A failed export leaves nothing behind and never damages
// an existing file. Messages are translated (context "cxr::exporting") and name the path.
#pragma once

#include <QByteArray>
#include <QString>

class QImage;

namespace cxr::exporting {

enum class Overwrite { Refuse, Replace };

// Writes `data` to `path` atomically. An existing file is refused unless `mode` is Replace
// (the refusal is race-free: the final step fails if the name appeared in the meantime).
// On failure returns false and, when `message` is given, a plain sentence naming the path and
// the cause (folder missing, folder not writable, a parent is not a folder, disk full, existing file).
bool writeFileAtomically(const QString& path, const QByteArray& data, Overwrite mode, QString* message);

// Encodes `image` as "png" or "jpg"/"jpeg" (quality 95) without any metadata (no text chunks,
// comments, EXIF, ICC profile or resolution) and writes it with writeFileAtomically().
// PNG keeps an alpha channel and 8-bit grey; everything else is written as 8-bit RGB.
bool writeImageAtomically(const QString& path, const QImage& image, const QByteArray& format,
                          Overwrite mode, QString* message);

// Building blocks for writers that must write the file themselves (e.g. DCMTK).
namespace detail {
// Checks that `path` can be written (folder present and writable, parents are folders, no file
// there unless Replace, not a folder). Returns false with a message otherwise.
bool checkTarget(const QString& path, Overwrite mode, QString* message);
// Creates an empty, uniquely named temporary file next to `path` ("" and a message on failure).
QString createTemporaryNextTo(const QString& path, QString* message);
// Flushes `temporary` to disk and moves it onto `path` (refusing an existing file unless Replace).
// The temporary file is removed on failure.
bool commitTemporary(const QString& temporary, const QString& path, Overwrite mode, QString* message);
// A message for an errno value while writing `path`.
QString describeError(const QString& path, int error);
}  // namespace detail

}  // namespace cxr::exporting
