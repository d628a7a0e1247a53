// The "PACS" source next to the studies browser: pick a server, search by patient, date range,
// modality and accession number, see studies (series on expanding), double-click to retrieve into
// the local cache and open, with progress and cancel. A study already in the cache opens without
// a transfer. Every network call runs off the event loop.
#pragma once

#include "pacs/cache.h"
#include "pacs/pacs.h"
#include "pacs_servers.h"

#include <QFutureWatcher>
#include <QWidget>

#include <atomic>
#include <memory>

class QComboBox;
class QDateEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace cxr::ui {

class PacsPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kStudyRole = Qt::UserRole + 1;
    static constexpr int kSeriesRole = Qt::UserRole + 2;
    static constexpr int kLoadedRole = Qt::UserRole + 3;  // series children fetched

    explicit PacsPanel(QWidget* parent = nullptr);
    ~PacsPanel() override;

    // Re-reads the servers from the settings (after Settings > PACS).
    void reloadServers();
    // The local cache (tests point it at a temporary folder).
    void setCacheRoot(const QString& root);
    QString cacheRoot() const { return cache_.root(); }

    // Search with the form's values; asynchronous (searchFinished).
    void search();
    // Retrieves the study (or series) of a result row into the cache and opens it
    // (filesReady); from the cache at once when it is complete there.
    void retrieve(QTreeWidgetItem* item);
    void cancel();
    bool busy() const { return busy_; }

    QComboBox* serverBox() const { return server_; }
    QLineEdit* patientNameEdit() const { return patientName_; }
    QLineEdit* patientIdEdit() const { return patientId_; }
    QLineEdit* accessionEdit() const { return accession_; }
    QComboBox* modalityBox() const { return modality_; }
    QComboBox* dateBox() const { return dateRange_; }
    QDateEdit* fromDate() const { return from_; }
    QDateEdit* toDate() const { return to_; }
    QPushButton* searchButton() const { return searchButton_; }
    QPushButton* cancelButton() const { return cancelButton_; }
    QTreeWidget* results() const { return tree_; }
    QProgressBar* progressBar() const { return progress_; }
    QString statusText() const;
    QString lastError() const { return lastError_; }
    // The current server as the client sees it (false when none or invalid).
    bool currentServer(pacs::Server* out, QString* error) const;

Q_SIGNALS:
    void filesReady(const QStringList& files, bool fromCache);
    void searchFinished();
    void retrieveFinished(bool ok);
    void errorOccurred(const QString& message);
    void settingsRequested();

private:
    // Runs `work` on a worker thread with the current server and its password.
    void start(const QString& what, std::function<QVariant(pacs::Client&, const std::atomic_bool&, QString*)> work,
               std::function<void(const QVariant&, const QString&)> done);
    void expandStudy(QTreeWidgetItem* item);
    void fillStudies(const pacs::FindResult& r);
    void setBusy(bool busy, const QString& what);
    void fail(const QString& message);
    void updateDateEdits();
    pacs::Query query() const;

    QVector<PacsServerEntry> servers_;
    pacs::StudyCache cache_;
    QComboBox *server_, *modality_, *dateRange_;
    QLineEdit *patientName_, *patientId_, *accession_;
    QDateEdit *from_, *to_;
    QWidget* dates_;
    QFormLayout* form_;
    QPushButton *searchButton_, *cancelButton_, *settingsButton_;
    QTreeWidget* tree_;
    QProgressBar* progress_;
    QLabel* status_;
    QString lastError_;
    bool busy_ = false;
    std::shared_ptr<std::atomic_bool> cancel_;
    std::shared_ptr<bool> alive_;
};

}  // namespace cxr::ui
