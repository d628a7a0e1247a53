// The main window's PACS parts: the PACS source beside the studies browser, results as DICOM
// Segmentation / Parametric Map (export, and opening them over their source image), and
// File > Send to PACS.
#include "mainwindow.h"

#include "dialogs.h"
#include "export/dicom_result.h"
#include "grounding.h"
#include "pacs_panel.h"
#include "pacs_send.h"

#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QtConcurrent>

#include <cmath>

namespace cxr::ui {

namespace {

// A result read from a DICOM object as the grounding panel lists it.
std::shared_ptr<const grounding::PromptResult> promptResultOf(const exporting::ResultObject& o) {
    auto r = std::make_shared<grounding::PromptResult>();
    r->prompt = o.sentence.toStdString();
    r->originalWidth = o.width;
    r->originalHeight = o.height;
    r->original = o.values;
    // The legend's range: the values inside the analysed region.
    for (float v : o.values)
        if (!std::isnan(v)) r->heatmap.push_back(v);
    return r;
}

QString originName(const exporting::ResultObject& o) {
    return o.kind == exporting::ResultObject::Kind::Segmentation ? MainWindow::tr("DICOM Segmentation")
                                                                 : MainWindow::tr("DICOM Parametric Map");
}

struct Located {
    std::shared_ptr<exporting::ResultObject> object;
    QString source, error;
};

}  // namespace

void MainWindow::buildPacsSource(QDockWidget* dock) {
    sources_ = new QTabWidget(dock);
    sources_->setObjectName(QStringLiteral("sourcesTabs"));
    sources_->setDocumentMode(true);
    browser_->setParent(sources_);
    sources_->addTab(browser_, tr("Studies"));
    pacs_ = new PacsPanel(sources_);
    sources_->addTab(pacs_, tr("PACS"));
    dock->setWidget(sources_);
    // Search results need room: the dock widens while the PACS tab is shown, and goes back after.
    connect(sources_, &QTabWidget::currentChanged, this, [this, dock](int index) {
        static const char* kNarrow = "cxrgNarrowWidth";
        if (sources_->widget(index) == pacs_) {
            dock->setProperty(kNarrow, dock->width());
            if (dock->width() < 440 && !dock->isFloating()) resizeDocks({dock}, {std::min(480, width() * 36 / 100)}, Qt::Horizontal);
        } else if (dock->property(kNarrow).isValid() && !dock->isFloating()) {
            resizeDocks({dock}, {dock->property(kNarrow).toInt()}, Qt::Horizontal);
        }
    });
    connect(pacs_, &PacsPanel::filesReady, this, &MainWindow::pacsFilesReady);
    connect(pacs_, &PacsPanel::errorOccurred, this, [this](const QString& m) { reportError(m); });
    connect(pacs_, &PacsPanel::settingsRequested, this, &MainWindow::showPacsSettings);
}

void MainWindow::showPacsSettings() {
    SettingsDialog d(this);
    d.showPacsPage();
    if (d.exec() == QDialog::Accepted) pacs_->reloadServers();
}

void MainWindow::pacsFilesReady(const QStringList& files, bool fromCache) {
    // Images first: the first file is the one shown; results follow in the browser.
    QStringList images, results;
    for (const QString& f : files) (exporting::isResultObject(f) ? results : images) << f;
    sources_->setCurrentWidget(browser_);
    statusBar()->showMessage(fromCache ? tr("Opened %n image(s) from the local PACS cache.", nullptr, int(files.size()))
                                       : tr("Retrieved %n image(s) from the PACS.", nullptr, int(files.size())),
                             8000);
    if (images.isEmpty() && !results.isEmpty()) {
        openResultObject(results.first());  // only results: their source is looked up
        return;
    }
    openFiles(images + results);
}

bool MainWindow::exportResultObject(const QString& path, const QString& format, bool anonymise, bool overwrite,
                                    QString* message) {
    if (compareMode()) {
        *message = tr("A Segmentation or Parametric Map holds the result of one prompt: leave compare mode first.");
        return false;
    }
    const auto img = viewport_->image();
    const GroundedPrompt* e = grounding_->displayedEntry();
    if (!img || !e) {
        *message = tr("No grounded prompt is shown: ground a sentence first.");
        return false;
    }
    if (img->info.format != QLatin1String("DICOM")) {
        *message = tr("A Segmentation or Parametric Map references its source image, which must be DICOM (this one is %1).")
                       .arg(img->info.format);
        return false;
    }
    if (format == QLatin1String("seg") && !e->settings.otsu && e->origin.isEmpty()) {
        *message = tr("The mask is the Otsu threshold of the map: this prompt was grounded without it.");
        return false;
    }
    exporting::ResultOptions o;
    o.sourceDicom = currentFile_;
    o.sourceFrame = currentFrame_;
    o.sentence = e->prompt;
    o.algorithmParameters = tr("%1; model %2%3")
                                .arg(settingsSummary(e->settings), QFileInfo(grounding_->modelFolder()).fileName(),
                                     grounding_->demoModel() ? tr(" (demo model, random weights)") : QString());
    o.anonymise = anonymise;
    const auto mode = overwrite ? exporting::Overwrite::Replace : exporting::Overwrite::Refuse;
    const grounding::PromptResult& r = *e->result;
    return format == QLatin1String("seg")
               ? exporting::writeSegmentation(path, r.original, r.originalWidth, r.originalHeight, o, mode, message)
               : exporting::writeParametricMap(path, r.original, r.originalWidth, r.originalHeight, o, mode, message);
}

void MainWindow::openResultObject(const QString& path) {
    // The source among the files of the open studies (by SOP Instance UID), else in the folder.
    QHash<QString, QString> known;
    for (const ScannedPatient& p : lastScan_.patients)
        for (const ScannedStudy& st : p.studies)
            for (const ScannedSeries& se : st.series)
                for (const ScannedFile& f : se.files)
                    if (!f.info.sopInstanceUid.isEmpty()) known.insert(f.info.sopInstanceUid, f.path);
    statusBar()->showMessage(tr("Reading %1…").arg(QFileInfo(path).fileName()));
    auto* watcher = new QFutureWatcher<Located>(this);
    connect(watcher, &QFutureWatcher<Located>::finished, this, [this, watcher, path] {
        const Located l = watcher->result();
        watcher->deleteLater();
        statusBar()->clearMessage();
        if (!l.error.isEmpty()) {
            reportError(l.error);
            Q_EMIT loadFailed(path, l.error);
            return;
        }
        pendingResult_ = l.object;
        pendingResultSource_ = l.source;
        if (QFileInfo(currentFile_) == QFileInfo(l.source) && currentFrame_ == l.object->sourceFrame && viewport_->image())
            applyPendingResult();
        else
            showFile(l.source, l.object->sourceFrame);
    });
    watcher->setFuture(QtConcurrent::run([path, known]() -> Located {
        Located l;
        l.object = std::make_shared<exporting::ResultObject>();
        if (!exporting::readResultObject(path, l.object.get(), &l.error)) return l;
        const QString uid = l.object->sourceSopInstanceUid;
        if (uid.isEmpty()) {
            l.error = tr("%1 names no source image.").arg(QFileInfo(path).fileName());
            return l;
        }
        l.source = known.value(uid);
        if (l.source.isEmpty()) {
            // Retrieved studies and exports keep the source beside the object (or one folder up).
            for (const QString& folder : {QFileInfo(path).absolutePath(), QFileInfo(QFileInfo(path).absolutePath()).absolutePath()}) {
                const QString named = QDir(folder).filePath(uid + QStringLiteral(".dcm"));
                if (QFileInfo(named).isFile()) {
                    l.source = named;
                    break;
                }
                for (const QFileInfo& fi : QDir(folder).entryInfoList(QDir::Files, QDir::Name)) {
                    if (fi.absoluteFilePath() == QFileInfo(path).absoluteFilePath() || !looksLikeDicom(fi.absoluteFilePath())) continue;
                    const HeaderResult h = readHeader(fi.absoluteFilePath());
                    if (h.ok() && h.info.sopInstanceUid == uid) {
                        l.source = fi.absoluteFilePath();
                        break;
                    }
                }
                if (!l.source.isEmpty()) break;
            }
        }
        if (l.source.isEmpty())
            l.error = tr("The source image of %1 (SOP Instance UID %2) is not open and not in its folder: open or retrieve "
                         "its study first, then open the result again.")
                          .arg(QFileInfo(path).fileName(), uid);
        return l;
    }));
}

void MainWindow::applyPendingResult() {
    if (!pendingResult_) return;
    const auto object = pendingResult_;
    if (QFileInfo(currentFile_) != QFileInfo(pendingResultSource_)) return;  // another image came first
    pendingResult_.reset();
    const auto img = viewport_->image();
    if (!img) return;
    if (object->width != img->width || object->height != img->height) {
        reportError(tr("The %1 is %2 x %3 but its source image is %4 x %5: it cannot be shown over it.")
                        .arg(originName(*object))
                        .arg(object->width)
                        .arg(object->height)
                        .arg(img->width)
                        .arg(img->height));
        return;
    }
    grounding_->addImportedResult(object->sentence, promptResultOf(*object), originName(*object), object->sopInstanceUid,
                                  object->kind == exporting::ResultObject::Kind::Segmentation);
    grounding_->setHeatVisible(true);
    if (grounding_->maskMode() == MaskMode::Off) grounding_->setMaskMode(MaskMode::Outline);
    updateOverlay();
    statusBar()->showMessage(tr("%1: \"%2\"").arg(originName(*object), shortened(object->sentence, 120)), 10000);
    Q_EMIT resultShown(object->sentence);
}

void MainWindow::chooseSendToPacs() {
    SendToPacsDialog d(this);
    d.exec();
}

}  // namespace cxr::ui
