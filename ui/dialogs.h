// Dialogs of the viewer: DICOM tag browser, keyboard shortcuts, settings.
#pragma once

#include "reading.h"

#include <QAction>
#include <QDialog>
#include <QList>

class QLineEdit;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QCheckBox;
class QSpinBox;
class QTabWidget;

namespace cxr::ui {
class PacsServersEditor;
class PreparationSettingsPage;
}

namespace cxr::ui {

// Searchable table of every element of a DICOM file. Values are untrusted: plain text only.
class TagDialog : public QDialog {
    Q_OBJECT
public:
    explicit TagDialog(QWidget* parent = nullptr);
    void showFile(const QString& path);
    int visibleRows() const;
    QString valueAt(int visibleRow) const;
    QLineEdit* searchField() const { return search_; }
    QTableView* table() const { return view_; }

private:
    QLineEdit* search_;
    QTableView* view_;
    QStandardItemModel* model_;
    QSortFilterProxyModel* proxy_;
    QLabel* title_;
};

// Every action with a shortcut, generated from the actions themselves so it cannot go stale.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent = nullptr);
    static QList<QPair<QString, QString>> rows(const QList<QAction*>& actions);  // (action, keys)
};

// Settings: General (theme, language, corner text fields) and Model (folder checked with the engine's inspection,
// device, precision, threads, download locations).
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);
    QString theme() const;     // "dark" | "light"
    QString language() const;  // "" (system) | "en" | "de"
    CornerFields cornerFields() const;  // what the corner text shows
    QString modelFolder() const;
    QString device() const;     // "cpu", "cuda:0", ...
    QString precision() const;  // "fp32", "bf16", "fp16"
    int threads() const;        // 0: all cores
    QString bundleUrl() const;
    QString textUrl() const;
    void showModelPage();
    void showPacsPage();
    void showPreparationPage();
    PacsServersEditor* pacsEditor() const { return pacs_; }
    PreparationSettingsPage* preparationPage() const { return preparation_; }
    // Checks the folder now (also done on every change of the folder, off the event loop).
    void checkModelFolder();
    QString modelReport() const;  // the report shown for the folder
    bool modelFolderUsable() const { return modelOk_; }
    bool checking() const { return checking_; }
    QTabWidget* tabs() const { return tabs_; }
    QLineEdit* modelFolderEdit() const { return folder_; }

Q_SIGNALS:
    void downloadRequested();
    void modelChecked();

private:
    void updatePrecision();
    QTabWidget* tabs_;
    PacsServersEditor* pacs_ = nullptr;
    PreparationSettingsPage* preparation_ = nullptr;
    QComboBox* theme_;
    QComboBox* language_;
    QList<QPair<CornerField, QCheckBox*>> cornerChecks_;
    QLineEdit* folder_;
    QPlainTextEdit* report_;
    QComboBox* device_;
    QComboBox* precision_;
    QSpinBox* threads_;
    QLineEdit* bundleUrl_;
    QLineEdit* textUrl_;
    bool modelOk_ = false, checking_ = false;
    quint64 checkGeneration_ = 0;
};

// Words a user understands for a model-folder inspection (every problem listed).
QString describeModelFolder(const QString& dir, bool* usable);

}  // namespace cxr::ui
