#include "atomic_write.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QRandomGenerator>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cxr::exporting {

namespace {

QString native(const QString& path) { return QDir::toNativeSeparators(path); }

QString folderOf(const QString& path) { return QFileInfo(path).absolutePath(); }

QByteArray encoded(const QString& path) { return QFile::encodeName(path); }

bool fail(QString* message, const QString& text) {
    if (message) *message = text;
    return false;
}

QString existsMessage(const QString& path) {
    return QCoreApplication::translate("cxr::exporting",
                                       "Cannot write %1: a file with that name already exists.")
        .arg(native(path));
}

// Creates a new, empty temporary file in the folder of `path`; returns its descriptor (-1 on failure).
int openTemporary(const QString& path, QString* temporary, QString* message) {
    const QFileInfo fi(path);
    for (int attempt = 0; attempt < 64; ++attempt) {
        const QString name =
            fi.absolutePath() + QLatin1String("/.") + fi.fileName() + QLatin1Char('.') +
            QString::number(QRandomGenerator::global()->generate64() & 0xFFFFFFFFFFull, 36) +
            QLatin1String(".part");
        const int fd = ::open(encoded(name).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0) {
            *temporary = name;
            return fd;
        }
        if (errno != EEXIST) {
            fail(message, detail::describeError(path, errno));
            return -1;
        }
    }
    fail(message, QCoreApplication::translate("cxr::exporting",
                                              "Cannot write %1: no temporary file could be created "
                                              "in the folder %2.")
                      .arg(native(path), native(fi.absolutePath())));
    return -1;
}

void removeQuietly(const QString& file) {
    if (!file.isEmpty()) ::unlink(encoded(file).constData());
}

void syncFolder(const QString& folder) {
    const int fd = ::open(encoded(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);  // best effort: the rename itself has already happened
    ::close(fd);
}

bool writeAll(int fd, const char* data, qint64 size) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, static_cast<size_t>(qMin<qint64>(size, 1 << 30)));
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        if (n == 0) {
            errno = ENOSPC;
            return false;
        }
        data += n;
        size -= n;
    }
    return true;
}

// Moves `temporary` onto `path` without replacing an existing file.
bool moveNoReplace(const QString& temporary, const QString& path, QString* message) {
    const QByteArray from = encoded(temporary), to = encoded(path);
#ifdef RENAME_NOREPLACE
    if (::renameat2(AT_FDCWD, from.constData(), AT_FDCWD, to.constData(), RENAME_NOREPLACE) == 0)
        return true;
    if (errno == EEXIST) return fail(message, existsMessage(path));
    if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP && errno != EOPNOTSUPP)
        return fail(message, detail::describeError(path, errno));
#endif
    // File systems without RENAME_NOREPLACE: a hard link fails atomically on an existing name.
    if (::link(from.constData(), to.constData()) == 0) {
        ::unlink(from.constData());
        return true;
    }
    if (errno == EEXIST) return fail(message, existsMessage(path));
    if (errno != EPERM && errno != ENOTSUP && errno != EOPNOTSUPP && errno != EMLINK && errno != ENOSYS)
        return fail(message, detail::describeError(path, errno));
    // No hard links either (FAT, some network shares): check, then rename.
    struct stat st;
    if (::lstat(to.constData(), &st) == 0) return fail(message, existsMessage(path));
    if (::rename(from.constData(), to.constData()) != 0)
        return fail(message, detail::describeError(path, errno));
    return true;
}

}  // namespace

namespace detail {

QString describeError(const QString& path, int error) {
    const QString folder = native(folderOf(path));
    switch (error) {
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
        return QCoreApplication::translate("cxr::exporting", "Cannot write %1: the disk is full.")
            .arg(native(path));
    case EACCES:
    case EPERM:
        return QCoreApplication::translate("cxr::exporting",
                                           "Cannot write %1: the folder %2 is not writable "
                                           "(permission denied).")
            .arg(native(path), folder);
    case EROFS:
        return QCoreApplication::translate("cxr::exporting",
                                           "Cannot write %1: the folder %2 is on a read-only disk.")
            .arg(native(path), folder);
    case ENOENT:
        if (QFileInfo(folderOf(path)).isDir()) break;  // the folder is there: a plain system message
        return QCoreApplication::translate("cxr::exporting",
                                           "Cannot write %1: the folder %2 does not exist.")
            .arg(native(path), folder);
    case ENOTDIR:
        return QCoreApplication::translate("cxr::exporting",
                                           "Cannot write %1: a part of the folder path %2 is not a folder.")
            .arg(native(path), folder);
    case EEXIST:
        return existsMessage(path);
    case EISDIR:
        return QCoreApplication::translate("cxr::exporting",
                                           "Cannot write %1: a folder with that name exists.")
            .arg(native(path));
    case ENAMETOOLONG:
        return QCoreApplication::translate("cxr::exporting",
                                           "Cannot write %1: the file name is too long.")
            .arg(native(path));
    default:
        break;
    }
    return QCoreApplication::translate("cxr::exporting", "Cannot write %1: %2.")
        .arg(native(path), QString::fromLocal8Bit(std::strerror(error)));
}

bool checkTarget(const QString& path, Overwrite mode, QString* message) {
    if (path.isEmpty())
        return fail(message, QCoreApplication::translate("cxr::exporting", "No file name was given."));
    const QFileInfo fi(path);
    if (fi.fileName().isEmpty() || fi.isDir())
        return fail(message, QCoreApplication::translate("cxr::exporting",
                                                         "Cannot write %1: a folder with that name exists.")
                                 .arg(native(path)));
    const QString folder = fi.absolutePath();
    // Walk up to the nearest existing ancestor: it must be a folder.
    QString existing = folder;
    for (;;) {
        const QFileInfo di(existing);
        if (di.exists()) {
            if (!di.isDir())
                return fail(message, QCoreApplication::translate("cxr::exporting",
                                                                 "Cannot write %1: %2 is a file, not a folder.")
                                         .arg(native(path), native(existing)));
            break;
        }
        const QString parent = QFileInfo(existing).absolutePath();
        if (parent == existing) break;
        existing = parent;
    }
    if (existing != folder)
        return fail(message, QCoreApplication::translate("cxr::exporting",
                                                         "Cannot write %1: the folder %2 does not exist.")
                                 .arg(native(path), native(folder)));
    if (::access(encoded(folder).constData(), W_OK | X_OK) != 0)
        return fail(message, describeError(path, errno));
    struct stat st;
    if (::lstat(encoded(fi.absoluteFilePath()).constData(), &st) == 0) {
        if (S_ISDIR(st.st_mode)) return fail(message, describeError(path, EISDIR));
        if (mode == Overwrite::Refuse) return fail(message, existsMessage(path));
    }
    return true;
}

QString createTemporaryNextTo(const QString& path, QString* message) {
    QString temporary;
    const int fd = openTemporary(path, &temporary, message);
    if (fd < 0) return QString();
    ::close(fd);
    return temporary;
}

bool commitTemporary(const QString& temporary, const QString& path, Overwrite mode, QString* message) {
    const QString target = QFileInfo(path).absoluteFilePath();
    const QByteArray from = encoded(temporary);
    // Flush to disk before the rename, so a crash cannot leave a truncated file under the final name.
    const int fd = ::open(from.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        const int error = errno;
        if (fd >= 0) ::close(fd);
        removeQuietly(temporary);
        return fail(message, describeError(path, error));
    }
    ::close(fd);
    if (mode == Overwrite::Replace) {
        struct stat st;
        if (::stat(encoded(target).constData(), &st) == 0 && S_ISREG(st.st_mode))
            ::chmod(from.constData(), st.st_mode & 07777);  // keep the old file's permissions
        if (::rename(from.constData(), encoded(target).constData()) != 0) {
            const int error = errno;
            removeQuietly(temporary);
            return fail(message, describeError(path, error));
        }
    } else if (!moveNoReplace(temporary, target, message)) {
        removeQuietly(temporary);
        return false;
    }
    syncFolder(QFileInfo(target).absolutePath());
    return true;
}

}  // namespace detail

bool writeFileAtomically(const QString& path, const QByteArray& data, Overwrite mode, QString* message) {
    if (!detail::checkTarget(path, mode, message)) return false;
    QString temporary;
    const int fd = openTemporary(QFileInfo(path).absoluteFilePath(), &temporary, message);
    if (fd < 0) return false;
    if (!writeAll(fd, data.constData(), data.size())) {
        const int error = errno;
        ::close(fd);
        removeQuietly(temporary);
        return fail(message, detail::describeError(path, error));
    }
    if (::close(fd) != 0) {  // network file systems report a full disk here
        const int error = errno;
        removeQuietly(temporary);
        return fail(message, detail::describeError(path, error));
    }
    return detail::commitTemporary(temporary, path, mode, message);
}

bool writeImageAtomically(const QString& path, const QImage& image, const QByteArray& format,
                          Overwrite mode, QString* message) {
    if (image.isNull())
        return fail(message, QCoreApplication::translate("cxr::exporting",
                                                         "Cannot write %1: the image is empty.")
                                 .arg(native(path)));
    const QByteArray fmt = format.toLower();
    const bool png = fmt == "png";
    const bool jpeg = fmt == "jpg" || fmt == "jpeg";
    if (!png && !jpeg)
        return fail(message, QCoreApplication::translate("cxr::exporting",
                                                         "Cannot write %1: the image format \"%2\" is "
                                                         "not supported (PNG or JPEG).")
                                 .arg(native(path), QString::fromLatin1(format)));
    if (!detail::checkTarget(path, mode, message)) return false;

    QImage::Format target = QImage::Format_RGB888;
    if (image.format() == QImage::Format_Grayscale8) target = QImage::Format_Grayscale8;
    else if (png && image.hasAlphaChannel()) target = QImage::Format_ARGB32;
    const QImage converted = image.convertToFormat(target);
    // A fresh image carries no text, colour space or other metadata of the original.
    QImage clean(converted.width(), converted.height(), target);
    if (clean.isNull())
        return fail(message, QCoreApplication::translate("cxr::exporting",
                                                         "Cannot write %1: not enough memory for the image.")
                                 .arg(native(path)));
    const qsizetype rowBytes = qMin(clean.bytesPerLine(), converted.bytesPerLine());
    for (int y = 0; y < clean.height(); ++y)
        std::memcpy(clean.scanLine(y), converted.constScanLine(y), static_cast<size_t>(rowBytes));

    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, png ? QByteArrayLiteral("png") : QByteArrayLiteral("jpeg"));
    if (jpeg) writer.setQuality(95);
    if (!writer.write(clean))
        return fail(message, QCoreApplication::translate("cxr::exporting",
                                                         "Cannot write %1: the image cannot be encoded (%2).")
                                 .arg(native(path), writer.errorString()));
    buffer.close();
    return writeFileAtomically(path, bytes, mode, message);
}

}  // namespace cxr::exporting
