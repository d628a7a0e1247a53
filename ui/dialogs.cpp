#include "dialogs.h"

#include "imaging/loader.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cxr::ui {

TagDialog::TagDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("DICOM tags"));
    resize(820, 640);
    auto* lay = new QVBoxLayout(this);
    title_ = new QLabel(this);
    title_->setTextFormat(Qt::PlainText);
    lay->addWidget(title_);
    search_ = new QLineEdit(this);
    search_->setPlaceholderText(tr("Search tag, name or value"));
    search_->setClearButtonEnabled(true);
    lay->addWidget(search_);
    model_ = new QStandardItemModel(0, 4, this);
    model_->setHorizontalHeaderLabels({tr("Tag"), tr("VR"), tr("Name"), tr("Value")});
    proxy_ = new QSortFilterProxyModel(this);
    proxy_->setSourceModel(model_);
    proxy_->setFilterKeyColumn(-1);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    view_ = new QTableView(this);
    view_->setModel(proxy_);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->verticalHeader()->hide();
    view_->horizontalHeader()->setStretchLastSection(true);
    view_->setWordWrap(false);
    lay->addWidget(view_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    lay->addWidget(buttons);
    connect(search_, &QLineEdit::textChanged, proxy_, &QSortFilterProxyModel::setFilterFixedString);
}

void TagDialog::showFile(const QString& path) {
    model_->removeRows(0, model_->rowCount());
    QString error;
    const std::vector<TagRow> rows = dumpTags(path, &error);
    title_->setText(error.isEmpty() ? QFileInfo(path).fileName() : error);
    for (const TagRow& r : rows) {
        QList<QStandardItem*> items;
        // QStandardItem shows plain text; markup in values stays literal.
        items << new QStandardItem(QString(r.depth * 2, QLatin1Char(' ')) + r.tag) << new QStandardItem(r.vr)
              << new QStandardItem(r.name) << new QStandardItem(r.value);
        model_->appendRow(items);
    }
    view_->resizeColumnsToContents();
}

int TagDialog::visibleRows() const { return proxy_->rowCount(); }

QString TagDialog::valueAt(int row) const { return proxy_->index(row, 3).data().toString(); }

QList<QPair<QString, QString>> ShortcutsDialog::rows(const QList<QAction*>& actions) {
    QList<QPair<QString, QString>> out;
    for (QAction* a : actions) {
        if (a->shortcuts().isEmpty()) continue;
        QStringList keys;
        for (const QKeySequence& k : a->shortcuts()) keys << k.toString(QKeySequence::NativeText);
        QString name = a->text();
        name.remove(QLatin1Char('&'));
        out.append({name, keys.join(QStringLiteral(", "))});
    }
    return out;
}

ShortcutsDialog::ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Keyboard shortcuts"));
    resize(520, 560);
    auto* lay = new QVBoxLayout(this);
    const auto list = rows(actions);
    auto* table = new QTableWidget(list.size() + 4, 2, this);
    table->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
    int r = 0;
    for (const auto& [name, keys] : list) {
        table->setItem(r, 0, new QTableWidgetItem(name));
        table->setItem(r, 1, new QTableWidgetItem(keys));
        ++r;
    }
    const QList<QPair<QString, QString>> mouse = {
        {tr("Zoom about the cursor"), tr("Mouse wheel")},
        {tr("Pan"), tr("Left or middle drag")},
        {tr("Window/level (right/left: width, up/down: centre)"), tr("Right drag")},
        {tr("Fit to window"), tr("Double-click")}};
    for (const auto& [name, keys] : mouse) {
        table->setItem(r, 0, new QTableWidgetItem(name));
        table->setItem(r, 1, new QTableWidgetItem(keys));
        ++r;
    }
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->resizeColumnToContents(0);
    lay->addWidget(table);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    lay->addWidget(buttons);
}

SettingsDialog::SettingsDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Settings"));
    QSettings s;
    auto* lay = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    theme_ = new QComboBox(this);
    theme_->addItem(tr("Dark"), QStringLiteral("dark"));
    theme_->addItem(tr("Light"), QStringLiteral("light"));
    theme_->setCurrentIndex(s.value(QStringLiteral("ui/theme"), QStringLiteral("dark")).toString() == QLatin1String("light") ? 1 : 0);
    form->addRow(tr("Theme:"), theme_);
    language_ = new QComboBox(this);
    language_->addItem(tr("System default"), QString());
    language_->addItem(QStringLiteral("English"), QStringLiteral("en"));
    language_->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    const QString lang = s.value(QStringLiteral("ui/language")).toString();
    language_->setCurrentIndex(lang == QLatin1String("en") ? 1 : lang == QLatin1String("de") ? 2 : 0);
    form->addRow(tr("Language:"), language_);
    lay->addLayout(form);
    auto* note = new QLabel(tr("A new language takes effect when the application is restarted."), this);
    note->setWordWrap(true);
    lay->addWidget(note);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    lay->addWidget(buttons);
}

QString SettingsDialog::theme() const { return theme_->currentData().toString(); }
QString SettingsDialog::language() const { return language_->currentData().toString(); }

}  // namespace cxr::ui
