// Dialogs of the viewer: DICOM tag browser, keyboard shortcuts, settings.
#pragma once

#include <QAction>
#include <QDialog>
#include <QList>

class QLineEdit;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;
class QComboBox;
class QLabel;

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

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);
    QString theme() const;     // "dark" | "light"
    QString language() const;  // "" (system) | "en" | "de"

private:
    QComboBox* theme_;
    QComboBox* language_;
};

}  // namespace cxr::ui
