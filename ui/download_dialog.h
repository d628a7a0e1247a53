// Downloads the model into a folder with progress, cancel and resume (core/download does the
// work: staging folder, Range resume, verification, atomic rename).
#pragma once

#include "download/downloader.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace cxr::ui {

class DownloadDialog : public QDialog {
    Q_OBJECT
public:
    explicit DownloadDialog(QWidget* parent = nullptr);
    // Default target: <app data>/models/cxr-ldm-sd21-text.
    static QString defaultTarget();
    void setTarget(const QString& dir);
    QString target() const;
    void setSources(const download::Sources& s) { sources_ = s; }
    void start();
    bool running() const { return downloader_.isRunning(); }
    QString message() const;
    bool succeeded() const { return ok_; }

Q_SIGNALS:
    void modelDownloaded(const QString& dir);

protected:
    void reject() override;  // closing cancels (partial data kept for a resume)

private:
    void onProgress(const download::Progress& p);
    void onFinished(bool ok, const QString& message);

    download::Downloader downloader_;
    download::Sources sources_;
    QLineEdit* target_;
    QPushButton* browse_;
    QPushButton* start_;
    QPushButton* close_;
    QProgressBar* bar_;
    QLabel* file_;
    QLabel* status_;
    bool ok_ = false;
};

QString formatBytes(qint64 bytes);

}  // namespace cxr::ui
