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
    // Marks the file's entry as the current one (none when it is not listed) without emitting
    // fileSelected.
    void selectPath(const QString& path);
    bool contains(const QString& path) const;
    QStringList paths() const;  // every file, in tree order (patient, study, series, instance)

    // The text of a file's entry: instance number and name (the tree elides it in the middle).
    static QString describeFile(const ScannedFile& f);
    static QString describeDetails(const ScannedFile& f);  // modality, size, frames (tool tip)

Q_SIGNALS:
    void fileSelected(const QString& path);

private:
    void loadThumbnails(const QStringList& files, std::shared_ptr<std::atomic_bool> cancel);

    std::shared_ptr<std::atomic_bool> alive_;
};

}  // namespace cxr::ui
