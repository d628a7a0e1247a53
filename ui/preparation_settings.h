// Settings > Preparation: preparing images before the sentence (the shown one, the next ones of
// its study) and the disk cache of prepared images (location, size bound, current size, Clear).
#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace cxr::ui {

class PreparationSettingsPage : public QWidget {
    Q_OBJECT
public:
    explicit PreparationSettingsPage(QWidget* parent = nullptr);
    void save() const;  // writes the settings (PreparationSettings); trims the cache to a lower bound

    // The folder the page shows the size of (the default XDG folder when the field is empty).
    QString cacheDir() const;
    QLineEdit* cacheDirEdit() const { return dir_; }
    QSpinBox* cacheLimit() const { return maxMiB_; }
    QSpinBox* nextImages() const { return next_; }
    QCheckBox* background() const { return background_; }
    QCheckBox* diskCache() const { return disk_; }
    QPushButton* clearButton() const { return clear_; }
    QString sizeText() const;
    bool busy() const { return busy_; }  // a size count or a Clear is running
    qulonglong cacheBytes() const { return bytes_; }
    int cacheEntries() const { return entries_; }
    void refreshSize();  // counts the folder's entries, off the event loop
    void clearCache();   // removes every entry, off the event loop

Q_SIGNALS:
    void sizeUpdated();

private:
    void updateEnabled();
    void count(bool clearFirst);
    QCheckBox* background_;
    QSpinBox* next_;
    QCheckBox* disk_;
    QLineEdit* dir_;
    QPushButton* browse_;
    QPushButton* defaultDir_;
    QSpinBox* maxMiB_;
    QLabel* size_;
    QPushButton* clear_;
    bool busy_ = false;
    quint64 generation_ = 0;
    qulonglong bytes_ = 0;
    int entries_ = 0;
};

}  // namespace cxr::ui
