// File > Send to PACS: the current export as DICOM objects (Secondary Capture of the view,
// Segmentation of the mask, Parametric Map of the heat map) stored on a PACS, with progress,
// cancel and each object's status.
#pragma once

#include "pacs/pacs.h"

#include <QDialog>
#include <QTemporaryDir>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace cxr::ui {

class MainWindow;

class SendToPacsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SendToPacsDialog(MainWindow* window);
    ~SendToPacsDialog() override;

    // Writes the chosen objects and stores them (asynchronous: finished()).
    void send();
    bool busy() const { return busy_; }
    QComboBox* serverBox() const { return server_; }
    QCheckBox* secondaryCaptureBox() const { return sc_; }
    QCheckBox* segmentationBox() const { return seg_; }
    QCheckBox* parametricMapBox() const { return pmap_; }
    QCheckBox* anonymiseBox() const { return anonymise_; }
    QPushButton* sendButton() const { return sendButton_; }
    QString resultText() const;
    bool succeeded() const { return succeeded_; }

Q_SIGNALS:
    void finished(bool ok);

private:
    void updateChoices();
    void done(const QVector<pacs::StoreResult>& results, const QStringList& names, const QString& error);

    MainWindow* window_;
    QComboBox* server_;
    QCheckBox *sc_, *seg_, *pmap_, *anonymise_;
    QPushButton *sendButton_, *cancelButton_;
    QProgressBar* progress_;
    QPlainTextEdit* results_;
    QLabel* note_;
    std::unique_ptr<QTemporaryDir> staging_;
    std::shared_ptr<std::atomic_bool> cancel_;
    std::shared_ptr<bool> alive_;
    bool busy_ = false, succeeded_ = false;
};

}  // namespace cxr::ui
