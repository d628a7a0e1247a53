#include "download_dialog.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QVBoxLayout>

#include <cmath>

namespace cxr::ui {

QString formatBytes(qint64 bytes) {
    if (bytes < 0) return QStringLiteral("?");
    if (bytes < 1000000) return QObject::tr("%1 kB").arg(bytes / 1000.0, 0, 'f', 0);
    if (bytes < 1000000000) return QObject::tr("%1 MB").arg(bytes / 1e6, 0, 'f', 1);
    return QObject::tr("%1 GB").arg(bytes / 1e9, 0, 'f', 2);
}

QString DownloadDialog::defaultTarget() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("models/cxr-ldm"));
}

DownloadDialog::DownloadDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Download the model"));
    resize(620, 260);
    QSettings s;
    sources_.bundleBaseUrl = s.value(QStringLiteral("download/bundleUrl"), sources_.bundleBaseUrl).toString();
    sources_.textBaseUrl = s.value(QStringLiteral("download/textUrl"), sources_.textBaseUrl).toString();
    auto* lay = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Downloads the MONAI chest X-ray latent diffusion bundle and the Stable Diffusion 2.1 "
                                "text encoder and tokenizer (about 2.5 GB) from their official locations (Settings > "
                                "Model names mirrors). An interrupted download resumes where it stopped; the model "
                                "folder appears only when every file is complete."),
                             this);
    intro->setWordWrap(true);
    lay->addWidget(intro);
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Save to:"), this));
    target_ = new QLineEdit(s.value(QStringLiteral("download/target"), defaultTarget()).toString(), this);
    browse_ = new QPushButton(tr("Browse…"), this);
    row->addWidget(target_, 1);
    row->addWidget(browse_);
    lay->addLayout(row);
    bar_ = new QProgressBar(this);
    bar_->setRange(0, 1000);
    bar_->setValue(0);
    lay->addWidget(bar_);
    file_ = new QLabel(this);
    file_->setTextFormat(Qt::PlainText);
    status_ = new QLabel(this);
    status_->setTextFormat(Qt::PlainText);
    status_->setWordWrap(true);
    lay->addWidget(file_);
    lay->addWidget(status_, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    start_ = new QPushButton(tr("Download"), this);
    close_ = new QPushButton(tr("Close"), this);
    buttons->addWidget(start_);
    buttons->addWidget(close_);
    lay->addLayout(buttons);
    if (QFileInfo::exists(download::stagingFolder(target())))
        status_->setText(tr("A previous download into this folder was interrupted; it will resume."));

    connect(browse_, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Parent folder of the model"), QFileInfo(target()).absolutePath());
        if (!dir.isEmpty()) target_->setText(QDir(dir).filePath(QStringLiteral("cxr-ldm")));
    });
    connect(start_, &QPushButton::clicked, this, [this] {
        if (downloader_.isRunning()) downloader_.cancel();
        else start();
    });
    connect(close_, &QPushButton::clicked, this, &DownloadDialog::reject);
    connect(&downloader_, &download::Downloader::progress, this, &DownloadDialog::onProgress);
    connect(&downloader_, &download::Downloader::finished, this, &DownloadDialog::onFinished);
}

void DownloadDialog::setTarget(const QString& dir) { target_->setText(dir); }
QString DownloadDialog::target() const { return QDir::cleanPath(target_->text().trimmed()); }
QString DownloadDialog::message() const { return status_->text(); }

void DownloadDialog::start() {
    const QString dir = target();
    if (dir.isEmpty()) {
        status_->setText(tr("Choose where to save the model."));
        return;
    }
    if (!QDir().mkpath(QFileInfo(dir).absolutePath())) {
        status_->setText(tr("Cannot create the folder %1.").arg(QFileInfo(dir).absolutePath()));
        return;
    }
    QSettings().setValue(QStringLiteral("download/target"), dir);
    ok_ = false;
    target_->setEnabled(false);
    browse_->setEnabled(false);
    start_->setText(tr("Pause"));
    status_->setText(tr("Connecting…"));
    downloader_.start(download::modelFiles(sources_), dir);
}

void DownloadDialog::onProgress(const download::Progress& p) {
    if (p.totalExpected > 0) bar_->setValue(int(1000.0 * p.totalReceived / p.totalExpected));
    else if (p.fileTotal > 0) bar_->setValue(int(1000.0 * p.fileReceived / p.fileTotal));
    file_->setText(tr("File %1 of %2: %3").arg(p.fileIndex + 1).arg(p.fileCount).arg(p.relativePath));
    QString left;
    if (p.bytesPerSecond > 0 && p.fileTotal > 0) {
        const qint64 remaining = (p.totalExpected > 0 ? p.totalExpected - p.totalReceived : p.fileTotal - p.fileReceived);
        left = tr(", about %1 min left").arg(std::max(1.0, std::ceil(remaining / p.bytesPerSecond / 60.0)), 0, 'f', 0);
    }
    status_->setText(tr("%1 of %2 at %3/s%4")
                         .arg(formatBytes(p.fileReceived), formatBytes(p.fileTotal), formatBytes(qint64(p.bytesPerSecond)), left));
}

void DownloadDialog::onFinished(bool ok, const QString& message) {
    ok_ = ok;
    target_->setEnabled(!ok);
    browse_->setEnabled(!ok);
    start_->setText(ok ? tr("Download") : tr("Resume"));
    start_->setEnabled(!ok);
    status_->setText(ok ? tr("The model is complete in %1.").arg(target()) : message);
    if (ok) {
        bar_->setValue(bar_->maximum());
        Q_EMIT modelDownloaded(target());
    }
}

void DownloadDialog::reject() {
    if (downloader_.isRunning()) downloader_.cancel();
    QDialog::reject();
}

}  // namespace cxr::ui
