#include "measurements_panel.h"

#include "viewport.h"

#include <QAction>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QHeaderView>
#include <QTreeWidget>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace cxr::ui {

MeasurementsPanel::MeasurementsPanel(Viewport* view, const QList<QAction*>& tools, QWidget* parent)
    : QDockWidget(tr("Measurements"), parent), view_(view) {
    setObjectName(QStringLiteral("measurementsDock"));
    auto* body = new QWidget(this);
    auto* lay = new QVBoxLayout(body);
    lay->setContentsMargins(4, 4, 4, 4);
    auto* row = new QHBoxLayout;
    row->setSpacing(2);
    for (QAction* a : tools) {
        auto* b = new QToolButton(body);
        b->setDefaultAction(a);
        b->setToolButtonStyle(Qt::ToolButtonIconOnly);
        b->setAutoRaise(true);
        row->addWidget(b);
    }
    row->addStretch(1);
    lay->addLayout(row);
    list_ = new QTreeWidget(body);
    list_->setColumnCount(2);
    list_->setHeaderLabels({tr("Measurement"), tr("Value")});
    list_->setRootIsDecorated(false);
    list_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    list_->header()->setStretchLastSection(true);
    list_->setToolTip(tr("Double-click or F2 names a measurement; Delete removes it"));
    list_->installEventFilter(this);
    list_->setMinimumHeight(60);
    lay->addWidget(list_, 1);
    note_ = new QLabel(body);
    note_->setWordWrap(true);
    note_->setTextFormat(Qt::PlainText);
    note_->setStyleSheet(QStringLiteral("color: #e0a030;"));
    lay->addWidget(note_);
    auto* buttons = new QHBoxLayout;
    remove_ = new QPushButton(tr("Delete"), body);
    removeAll_ = new QPushButton(tr("Delete all"), body);
    buttons->addWidget(remove_);
    buttons->addWidget(removeAll_);
    buttons->addStretch(1);
    lay->addLayout(buttons);
    setWidget(body);

    connect(view_, &Viewport::measurementsChanged, this, &MeasurementsPanel::refresh);
    connect(view_, &Viewport::measurementSelected, this, [this](int i) {
        if (filling_) return;
        const QSignalBlocker b(list_);
        list_->setCurrentItem(list_->topLevelItem(i));
        remove_->setEnabled(i >= 0);
    });
    connect(list_, &QTreeWidget::currentItemChanged, this, [this] {
        if (filling_) return;
        const int i = currentRow();
        view_->selectMeasurement(i);
        remove_->setEnabled(i >= 0);
    });
    connect(list_, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem* it, int column) {
        if (filling_ || column != 0) return;
        const int i = list_->indexOfTopLevelItem(it);
        const QString typed = it->text(0).simplified();
        // An empty name gives the measurement its kind's name back.
        view_->setMeasurementLabel(i, typed == measureKindName(view_->measurements().value(i).kind) ? QString() : typed);
    });
    connect(remove_, &QPushButton::clicked, this, [this] { view_->deleteMeasurement(currentRow()); });
    connect(removeAll_, &QPushButton::clicked, this, [this] {
        while (!view_->measurements().isEmpty()) view_->deleteMeasurement(int(view_->measurements().size()) - 1);
    });
    refresh();
}

void MeasurementsPanel::refresh() {
    filling_ = true;
    const QVector<Measurement> ms = view_->measurements();
    list_->clear();
    for (int i = 0; i < ms.size(); ++i) {
        const MeasureValues v = view_->measurementValues(i);
        auto* it = new QTreeWidgetItem(list_, {ms[i].label.isEmpty() ? measureKindName(ms[i].kind) : ms[i].label, measurementText(ms[i], v, true)});
        it->setFlags(it->flags() | Qt::ItemIsEditable);
        const QString tip = measureKindName(ms[i].kind) + QLatin1Char('\n') + measurementText(ms[i], v);
        it->setToolTip(0, tip);
        it->setToolTip(1, tip);
    }
    list_->resizeColumnToContents(0);
    list_->setCurrentItem(list_->topLevelItem(view_->selectedMeasurement()));
    remove_->setEnabled(view_->selectedMeasurement() >= 0);
    removeAll_->setEnabled(!ms.isEmpty());
    const auto img = view_->image();
    note_->setText(img ? spacingNote(*img) : QString());
    note_->setVisible(!note_->text().isEmpty());
    filling_ = false;
}

int MeasurementsPanel::currentRow() const { return list_->currentItem() ? list_->indexOfTopLevelItem(list_->currentItem()) : -1; }

QString MeasurementsPanel::note() const { return note_->isVisible() ? note_->text() : QString(); }

bool MeasurementsPanel::eventFilter(QObject* o, QEvent* e) {
    // (While a name is edited the keys go to the editor, not to the list.)
    if (o == list_ && e->type() == QEvent::KeyPress && static_cast<QKeyEvent*>(e)->key() == Qt::Key_Delete) {
        view_->deleteMeasurement(currentRow());
        return true;
    }
    return QDockWidget::eventFilter(o, e);
}

}  // namespace cxr::ui
