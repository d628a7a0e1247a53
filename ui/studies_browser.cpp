#include "studies_browser.h"

#include "imaging/loader.h"

#include <QApplication>
#include <QFileInfo>
#include <QPointer>
#include <QStyle>
#include <QtConcurrent>

namespace cxr::ui {

namespace {

QImage thumbnailOf(const QString& path) {
    const LoadResult r = loadImage(path, 0);
    if (!r.ok()) return {};
    Renderer ren;
    Rendered px = ren.render(*r.image, defaultDisplay(*r.image));
    const QImage::Format f = px.channels == 3 ? QImage::Format_RGB888 : QImage::Format_Grayscale8;
    const QImage img(px.pixels.data(), px.width, px.height, px.width * px.channels, f);
    return img.scaled(56, 56, Qt::KeepAspectRatio, Qt::SmoothTransformation);  // deep copy
}

}  // namespace

StudiesBrowser::StudiesBrowser(QWidget* parent) : QTreeWidget(parent), alive_(std::make_shared<std::atomic_bool>(true)) {
    setHeaderHidden(true);
    setIconSize(QSize(48, 48));
    setUniformRowHeights(false);
    // Files of one series often share a long prefix: keep both ends visible.
    setTextElideMode(Qt::ElideMiddle);
    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (item && !item->data(0, kPathRole).toString().isEmpty()) Q_EMIT fileSelected(item->data(0, kPathRole).toString());
    });
}

StudiesBrowser::~StudiesBrowser() { *alive_ = false; }

QString StudiesBrowser::describeFile(const ScannedFile& f) {
    const ImageInfo& i = f.info;
    QString text = QFileInfo(f.path).fileName();
    // The instance number first: it tells entries with similar names apart.
    if (i.instanceNumber > 0) text = tr("#%1  %2").arg(i.instanceNumber).arg(text);
    if (i.frames > 1) text += QStringLiteral("  (") + tr("%n frame(s)", nullptr, i.frames) + QLatin1Char(')');
    return text;
}

QString StudiesBrowser::describeDetails(const ScannedFile& f) {
    const ImageInfo& i = f.info;
    QStringList bits;
    if (!i.modality.isEmpty()) bits << i.modality;
    if (i.columns > 0) bits << QStringLiteral("%1×%2").arg(i.columns).arg(i.rows);
    if (i.frames > 1) bits << tr("%n frame(s)", nullptr, i.frames);
    return bits.join(QStringLiteral(", "));
}

void StudiesBrowser::fill(const ScanResult& r, const QString& current, std::shared_ptr<std::atomic_bool> cancel) {
    clear();
    QStringList files;
    for (const auto& p : r.patients) {
        auto* pi = new QTreeWidgetItem(this);
        QString name = p.name;
        name.replace(QLatin1Char('^'), QLatin1Char(' '));
        pi->setText(0, (name.trimmed().isEmpty() ? tr("(no name)") : name.trimmed()) +
                           (p.patientId.isEmpty() ? QString() : QStringLiteral("  [%1]").arg(p.patientId)));
        QFont bold = pi->font(0);
        bold.setBold(true);
        pi->setFont(0, bold);
        for (const auto& st : p.studies) {
            auto* si = new QTreeWidgetItem(pi);
            QString date = st.date;
            if (date.size() == 8) date = date.left(4) + QLatin1Char('-') + date.mid(4, 2) + QLatin1Char('-') + date.right(2);
            si->setText(0, (st.description.isEmpty() ? tr("Study") : st.description) +
                               (date.isEmpty() ? QString() : QStringLiteral("  ") + date));
            for (const auto& se : st.series) {
                auto* ri = new QTreeWidgetItem(si);
                const QString label = se.modality.isEmpty() && se.number == 0
                                          ? se.description
                                          : tr("Series %1 %2 %3").arg(se.number).arg(se.modality, se.description).simplified();
                ri->setText(0, label + QStringLiteral("  (%1)").arg(se.files.size()));
                for (const auto& f : se.files) {
                    auto* fi = new QTreeWidgetItem(ri);
                    fi->setText(0, describeFile(f));
                    fi->setToolTip(0, QStringLiteral("%1\n%2").arg(f.path, describeDetails(f)));
                    fi->setData(0, kPathRole, f.path);
                    fi->setData(0, kFramesRole, f.info.frames);
                    fi->setIcon(0, style()->standardIcon(QStyle::SP_FileIcon));
                    files << f.path;
                }
            }
        }
    }
    expandAll();
    selectPath(current);  // the shown file, without re-loading it
    loadThumbnails(files, std::move(cancel));
}

void StudiesBrowser::selectPath(const QString& path) {
    const QSignalBlocker block(this);
    QTreeWidgetItem* found = nullptr;
    for (QTreeWidgetItemIterator it(this); *it && !found; ++it)
        if (!path.isEmpty() && (*it)->data(0, kPathRole).toString() == path) found = *it;
    setCurrentItem(found);
    if (!found) clearSelection();
}

bool StudiesBrowser::contains(const QString& path) const { return paths().contains(path); }

QStringList StudiesBrowser::paths() const {
    QStringList out;
    for (QTreeWidgetItemIterator it(const_cast<StudiesBrowser*>(this)); *it; ++it) {
        const QString p = (*it)->data(0, kPathRole).toString();
        if (!p.isEmpty()) out << p;
    }
    return out;
}

void StudiesBrowser::loadThumbnails(const QStringList& files, std::shared_ptr<std::atomic_bool> cancel) {
    if (files.isEmpty()) return;
    QPointer<StudiesBrowser> self(this);
    auto alive = alive_;
    // One background job, file by file; results are posted to the GUI thread.
    (void)QtConcurrent::run([self, alive, cancel, files] {
        for (const QString& f : files.mid(0, 200)) {
            if (!*alive || (cancel && *cancel)) return;
            const QImage thumb = thumbnailOf(f);
            if (thumb.isNull()) continue;
            QMetaObject::invokeMethod(
                qApp,
                [self, f, thumb] {
                    if (!self) return;
                    for (QTreeWidgetItemIterator it(self); *it; ++it)
                        if ((*it)->data(0, kPathRole).toString() == f) (*it)->setIcon(0, QIcon(QPixmap::fromImage(thumb)));
                },
                Qt::QueuedConnection);
        }
    });
}

}  // namespace cxr::ui
