// The main window's compare mode and export actions: the grid, the export dialog, the pictures
// burned in and the files written.
#include "mainwindow.h"

#include "compare.h"
#include "export/atomic_write.h"
#include "export/dicom_sc.h"
#include "grounding.h"
#include "side_by_side.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace cxr::ui {

void MainWindow::setCompareMode(bool on) { setLayout(on ? Layout::Compare : Layout::Single); }

bool MainWindow::compareMode() const { return stack_->currentWidget() == compare_; }

void MainWindow::updateCompareStyle() {
    annotate::Layers style = grounding_->layers();
    style.boxes = boxesAct_ ? boxesAct_->isChecked() : true;
    compare_->setStyle(style);
}

void MainWindow::compareEntries(const QList<int>& rows) {
    const auto img = viewport_->image();
    if (!img) return;
    const auto& es = grounding_->entries();
    int added = 0;
    for (int row : rows) {
        if (row < 0 || row >= es.size()) continue;
        CompareItem item;
        item.image = img;
        item.display = viewport_->display();
        item.imageName = QFileInfo(currentFile_).fileName();
        item.entry = es[row];
        item.boxes = viewport_->boxes();
        item.demoModel = grounding_->demoModel();
        if (!compare_->addItem(item)) {
            statusBar()->showMessage(tr("The grid is full (%1 cells): remove a cell first.").arg(CompareView::kMaxCells), 8000);
            break;
        }
        ++added;
    }
    if (added) setCompareMode(true);
}

namespace {
QString fileSafe(const QString& s) {
    QString out;
    for (const QChar c : s) out += (c.isLetterOrNumber() || c == QLatin1Char('-')) ? c : QLatin1Char('_');
    while (out.contains(QStringLiteral("__"))) out.replace(QStringLiteral("__"), QStringLiteral("_"));
    return out.left(60);
}
}  // namespace

QImage MainWindow::exportPicture(bool originalResolution, QString* message) const {
    if (compareMode()) {
        if (compare_->count() == 0) {
            *message = tr("The compare grid is empty.");
            return QImage();
        }
        return compare_->exportGrid(originalResolution);
    }
    if (layout() == Layout::PriorCurrent || layout() == Layout::PaLateral) {  // both sides, each turned as shown
        annotate::Caption cap;
        cap.details = pair_->caption(0) + QStringLiteral("  |  ") + pair_->caption(1);
        annotate::Layers none;
        none.heat = false;
        none.mask = MaskMode::Off;
        return annotate::withFooter(originalResolution ? pair_->picture() : pair_->grab().toImage(), none, cap);
    }
    const auto img = viewport_->image();
    if (!img) {
        *message = tr("No image is open.");
        return QImage();
    }
    const grounding::PromptResult* r = grounding_->displayedResult();
    const GroundedPrompt* e = grounding_->displayedEntry();
    annotate::Layers layers = grounding_->layers();
    layers.boxes = boxesAct_->isChecked();
    for (const auto& b : viewport_->boxes()) layers.boxList.push_back({b.rect, b.label});
    layers.outlines = grounding_->outlines();  // every ticked prompt's outline in its colour, as the view shows them
    if (viewport_->measurementsVisible()) layers.measurements = viewport_->measurementGraphics();
    annotate::Caption cap;
    cap.demoModel = grounding_->modelReady() && grounding_->demoModel() && r;
    if (r && e) {
        cap.prompt = grounding_->activeWord() >= 0
                         ? tr("%1 (word \"%2\")").arg(e->prompt, QString::fromStdString(e->result->words[size_t(grounding_->activeWord())].text))
                         : e->prompt;
        cap.negated = e->negated;
        cap.otsu = e->settings.otsu ? r->threshold : -1;
        QString metrics = grounding_->metricsText();
        metrics.replace(QLatin1Char('\n'), QLatin1Char(' '));
        cap.details = settingsSummary(e->settings) + (metrics.isEmpty() ? QString() : QStringLiteral(" | ") + metrics);
    } else {
        layers.heat = false;
        layers.mask = MaskMode::Off;
    }
    QImage picture;
    if (originalResolution) {
        // As the viewer shows it: rotated and flipped, at original resolution.
        static const std::vector<float> none;
        picture = annotate::burnIn(viewport_->rendered(), r ? r->original : none, r ? r->originalWidth : 0,
                                   r ? r->originalHeight : 0, layers, cap, viewport_->geometry());
    } else {
        picture = viewport_->grab().toImage();
    }
    return annotate::withFooter(picture, layers, cap);
}

bool MainWindow::exportView(const QString& path, const QString& format, bool originalResolution, bool anonymise, bool overwrite,
                            QString* message) {
    if (format == QLatin1String("seg") || format == QLatin1String("pmap"))
        return exportResultObject(path, format, anonymise, overwrite, message);
    const QImage picture = exportPicture(originalResolution, message);
    if (picture.isNull()) return false;
    const auto mode = overwrite ? exporting::Overwrite::Replace : exporting::Overwrite::Refuse;
    if (format == QLatin1String("dcm")) {
        exporting::SecondaryCaptureOptions o;
        const auto img = viewport_->image();
        if (img && img->info.format == QLatin1String("DICOM")) {
            o.sourceDicom = currentFile_;
            o.sourceFrame = currentFrame_;
        }
        const GroundedPrompt* e = grounding_->displayedEntry();
        const QString what = compareMode() ? tr("compare grid of %n prompt(s)", nullptr, compare_->count())
                                           : (e ? e->prompt : tr("image"));
        o.seriesDescription = tr("CXR Ground heat map: %1").arg(what).left(64);
        o.derivationDescription =
            tr("Zero-shot phrase grounding (latent diffusion cross-attention) burned into the image; %1; model %2%3. Research use - not for diagnosis.")
                .arg(e ? settingsSummary(e->settings) : QString(), QFileInfo(grounding_->modelFolder()).fileName(),
                     grounding_->demoModel() ? tr(" (demo model, random weights)") : QString())
                .left(1024);
        o.anonymise = anonymise;
        return exporting::writeSecondaryCapture(path, picture, o, mode, message);
    }
    return exporting::writeImageAtomically(path, picture, format.toLatin1(), mode, message);
}

QStringList MainWindow::exportAllPaths(const QString& folder) const {
    QStringList out;
    const auto& es = grounding_->entries();
    for (int i = 0; i < es.size(); ++i)
        out << QDir(folder).filePath(QStringLiteral("%1_%2.png").arg(i + 1, 2, 10, QLatin1Char('0')).arg(fileSafe(es[i].name)));
    return out;
}

bool MainWindow::exportAllPrompts(const QString& folder, bool overwrite, QString* message, QStringList* written) {
    const auto img = viewport_->image();
    const auto& es = grounding_->entries();
    if (!img || es.isEmpty()) {
        *message = tr("No grounded prompt on this image to export.");
        return false;
    }
    const QImage base = viewport_->rendered().convertToFormat(QImage::Format_RGB32);
    annotate::Layers layers = grounding_->layers();
    layers.boxes = boxesAct_->isChecked();
    for (const auto& b : viewport_->boxes()) layers.boxList.push_back({b.rect, b.label});
    if (viewport_->measurementsVisible()) layers.measurements = viewport_->measurementGraphics();
    QStringList done;
    for (int i = 0; i < es.size(); ++i) {
        const GroundedPrompt& e = es[i];
        annotate::Caption cap;
        cap.prompt = e.prompt;
        cap.negated = e.negated;
        cap.demoModel = grounding_->demoModel();
        cap.otsu = e.settings.otsu ? e.result->threshold : -1;
        cap.details = settingsSummary(e.settings);
        const QImage picture = annotate::withFooter(
            annotate::burnIn(base, e.result->original, e.result->originalWidth, e.result->originalHeight, layers, cap), layers, cap);
        const QString path = exportAllPaths(folder).value(i);
        if (!exporting::writeImageAtomically(path, picture, "png", overwrite ? exporting::Overwrite::Replace : exporting::Overwrite::Refuse,
                                             message)) {
            if (written) *written = done;
            return false;
        }
        done << path;
    }
    if (written) *written = done;
    *message = tr("%n picture(s) written to %1.", nullptr, int(done.size())).arg(folder);
    return true;
}

QString MainWindow::suggestedExportPath(const QString& format) const {
    QStringList parts;
    if (const auto img = viewport_->image()) {
        const ImageInfo& i = img->info;
        if (!i.studyDate.isEmpty()) parts << i.studyDate;
        if (!i.studyDescription.isEmpty()) parts << i.studyDescription;
        if (i.seriesNumber > 0) parts << QStringLiteral("S%1").arg(i.seriesNumber);
        if (!i.seriesDescription.isEmpty() && i.seriesDescription != i.studyDescription) parts << i.seriesDescription;
        if (parts.isEmpty()) parts << QFileInfo(currentFile_).completeBaseName();
    }
    const GroundedPrompt* e = grounding_->displayedEntry();
    parts << (compareMode() ? QStringLiteral("grid") : e ? e->name : QStringLiteral("cxr-ground"));
    QString name;
    for (const QString& p : parts) {
        const QString safe = fileSafe(p);
        if (!safe.isEmpty() && safe != QLatin1String("_")) name += (name.isEmpty() ? QString() : QStringLiteral("_")) + safe;
    }
    QString dir = QSettings().value(QStringLiteral("export/lastDir")).toString();
    if (dir.isEmpty() || !QFileInfo(dir).isDir()) dir = QFileInfo(currentFile_).absolutePath();
    const QString suffix = format == QLatin1String("seg")    ? QStringLiteral("seg.dcm")
                           : format == QLatin1String("pmap") ? QStringLiteral("pmap.dcm")
                                                             : format;
    return QDir(dir).filePath(name.left(120) + QLatin1Char('.') + suffix);
}

void MainWindow::chooseExport() {
    QDialog d(this);
    d.setWindowTitle(compareMode() ? tr("Export the compare grid") : tr("Export the image"));
    auto* lay = new QVBoxLayout(&d);
    auto* form = new QFormLayout;
    auto* format = new QComboBox(&d);
    format->addItem(tr("PNG image"), QStringLiteral("png"));
    format->addItem(tr("JPEG image"), QStringLiteral("jpg"));
    format->addItem(tr("DICOM Secondary Capture (into the study)"), QStringLiteral("dcm"));
    format->addItem(tr("DICOM Segmentation of the mask (into the study)"), QStringLiteral("seg"));
    format->addItem(tr("DICOM Parametric Map of the heat map (into the study)"), QStringLiteral("pmap"));
    auto* resolution = new QComboBox(&d);
    resolution->addItem(tr("Original image resolution"), true);
    resolution->addItem(tr("As on screen"), false);
    auto* anonymise = new QCheckBox(tr("Anonymise (remove patient identifiers from the DICOM)"), &d);
    form->addRow(tr("Format:"), format);
    form->addRow(tr("Resolution:"), resolution);
    form->addRow(anonymise);
    lay->addLayout(form);
    auto* note = new QLabel(tr("Exactly the visible layers and measurements are burned in, every ticked prompt's outline in its colour, "
                               "with the prompt, the colour bar and \"Research use - not for diagnosis\". PNG and JPEG files carry no "
                               "metadata."),
                            &d);
    note->setWordWrap(true);
    lay->addWidget(note);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &d);
    connect(buttons, &QDialogButtonBox::accepted, &d, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &d, &QDialog::reject);
    lay->addWidget(buttons);
    auto sync = [&] {
        const QString f = format->currentData().toString();
        const bool object = f == QLatin1String("seg") || f == QLatin1String("pmap");
        anonymise->setEnabled(f == QLatin1String("dcm") || object);
        resolution->setEnabled(!object);  // objects always have the source's resolution
    };
    connect(format, QOverload<int>::of(&QComboBox::currentIndexChanged), &d, sync);
    sync();
    if (d.exec() != QDialog::Accepted) return;
    const QString fmt = format->currentData().toString();
    const QString filter = fmt == QLatin1String("png") ? tr("PNG images (*.png)") : fmt == QLatin1String("jpg") ? tr("JPEG images (*.jpg *.jpeg)") : tr("DICOM files (*.dcm)");
    // The file dialog asks before replacing an existing file; only then is it overwritten.
    const QString path = QFileDialog::getSaveFileName(this, tr("Export"), suggestedExportPath(fmt), filter);
    if (path.isEmpty()) return;
    QSettings().setValue(QStringLiteral("export/lastDir"), QFileInfo(path).absolutePath());
    QString message;
    if (exportView(path, fmt, resolution->currentData().toBool(), anonymise->isChecked(), QFileInfo::exists(path), &message))
        statusBar()->showMessage(tr("Exported to %1").arg(path), 10000);
    else
        reportError(message);
}

void MainWindow::chooseExportAll() {
    const QString last = QSettings().value(QStringLiteral("export/lastDir")).toString();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Folder for the pictures"),
                                                             QFileInfo(last).isDir() ? last : QFileInfo(currentFile_).absolutePath());
    if (folder.isEmpty()) return;
    QSettings().setValue(QStringLiteral("export/lastDir"), folder);
    QStringList existing;
    for (const QString& p : exportAllPaths(folder))
        if (QFileInfo::exists(p)) existing << QFileInfo(p).fileName();
    bool overwrite = false;
    if (!existing.isEmpty()) {
        if (QMessageBox::question(this, tr("Replace files?"),
                                  tr("%n picture(s) exist already in %1:\n%2\nReplace them?", nullptr, int(existing.size()))
                                      .arg(folder, existing.mid(0, 8).join(QLatin1Char('\n')))) != QMessageBox::Yes)
            return;
        overwrite = true;
    }
    QString message;
    if (!exportAllPrompts(folder, overwrite, &message)) {
        reportError(message);
        return;
    }
    statusBar()->showMessage(message, 10000);
}

}  // namespace cxr::ui
