// The studies browser: patients, studies, series and files of the last scan as a tree, with
// thumbnails loaded in the background. Selecting a file asks the window to show it.
#pragma once

#include "imaging/scan.h"

#include <QStringList>
#include <QTreeWidget>

#include <atomic>
#include <memory>

namespace cxr::ui {

class StudiesBrowser : public QTreeWidget {
    Q_OBJECT
public:
    static constexpr int kPathRole = Qt::UserRole + 1;
    static constexpr int kFramesRole = Qt::UserRole + 2;

    explicit StudiesBrowser(QWidget* parent = nullptr);
    ~StudiesBrowser() override;

    // Fills the tree from a scan and marks `current` (without emitting fileSelected). Thumbnails
    // load in the background until `cancel` is set or the browser is gone.
    void fill(const ScanResult& r, const QString& current, std::shared_ptr<std::atomic_bool> cancel);
    // Marks the file's entry as the current one without emitting fileSelected.
    void selectPath(const QString& path);

    // The text of a file's entry.
    static QString describeFile(const ScannedFile& f);

Q_SIGNALS:
    void fileSelected(const QString& path);

private:
    void loadThumbnails(const QStringList& files, std::shared_ptr<std::atomic_bool> cancel);

    std::shared_ptr<std::atomic_bool> alive_;
};

}  // namespace cxr::ui
