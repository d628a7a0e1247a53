// The grounding panel's side of preparing images before the sentence (preparation.h): settings,
// the following images of the study, and the line that says where the shown image stands.
#include "grounding.h"

#include "grounding/trajectory_cache.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

#include <cmath>

namespace cxr::ui {

namespace {
// "40 s", "2 min": what a user reads in a status line.
QString duration(double seconds) {
    if (seconds < 90) return GroundingPanel::tr("%1 s").arg(std::max(1, int(std::lround(seconds))));
    return GroundingPanel::tr("%1 min").arg(int(std::lround(seconds / 60)));
}
}  // namespace

void GroundingPanel::applyPreparationSettings() { applyPreparationSettings(PreparationSettings::load()); }

void GroundingPanel::applyPreparationSettings(const PreparationSettings& p) {
    const qulonglong maxBytes = qulonglong(p.cacheMaxMiB) << 20;
    QMetaObject::invokeMethod(worker_, "setTrajectoryCache", Qt::QueuedConnection,
                              Q_ARG(QString, p.diskCache ? p.resolvedCacheDir() : QString()), Q_ARG(qulonglong, maxBytes));
    if (!p.diskCache) cacheProblem_.clear();
    prep_->setNextLimit(p.nextImages, p.diskCache);
    prep_->setEnabled(p.background);
    showImageState();
}

void GroundingPanel::setFollowingImages(const QStringList& paths) { prep_->setFollowing(paths); }

QString GroundingPanel::preparationText() const {
    if (key_.isEmpty() || !modelReady_) return QString();
    const BackgroundPreparation::State st = prep_->state(key_);
    const int percent = int(std::floor(st.fraction() * 100));
    QString text;
    switch (st.status) {
    case BackgroundPreparation::Status::Ready: {
        const double s = prep_->sentenceSeconds();
        const QString where = st.fromDisk ? tr("Ready (prepared earlier, kept on disk)") : tr("Ready");
        if (s < 0) text = tr("%1: this image is prepared.").arg(where);
        else if (s < 1) text = tr("%1: a sentence takes under a second.").arg(where);
        else text = tr("%1: a sentence takes about %2.").arg(where, duration(s));
        break;
    }
    case BackgroundPreparation::Status::Preparing: {
        if (busy_ || !queue_.isEmpty()) {  // stopping before its next call
            text = tr("Preparing this image: %1 %, paused: your sentence goes first.").arg(percent);
            break;
        }
        const double left = prep_->secondsLeft(key_);
        text = left < 0 ? tr("Preparing this image: %1 %").arg(percent)
                        : tr("Preparing this image: %1 %, about %2 left").arg(percent).arg(duration(left));
        break;
    }
    case BackgroundPreparation::Status::Stopped:
        text = tr("Cancelled: %1 % of this image is prepared and kept. Preparing goes on when you ground a sentence or "
                  "show the image again.").arg(percent);
        break;
    case BackgroundPreparation::Status::Failed:
        text = tr("Preparing this image failed: %1").arg(st.error);
        break;
    case BackgroundPreparation::Status::Unknown:
    case BackgroundPreparation::Status::Waiting:
        if (!prep_->enabled()) {
            if (st.states > 0) text = tr("%1 % of this image is prepared (preparing in the background is off in Settings).").arg(percent);
        } else if (busy_ || !queue_.isEmpty()) {
            text = tr("Preparing this image: %1 %, paused: your sentence goes first.").arg(percent);
        } else if (prep_->stopped()) {
            text = tr("Cancelled: %1 % of this image is prepared and kept.").arg(percent);
        } else {
            text = tr("Preparing this image: %1 %").arg(percent);
        }
        break;
    }
    if (prep_->enabled() && prep_->followingCount() > 0)
        text += QLatin1Char('\n') + tr("Next images of the study: %1 of %2 prepared.").arg(prep_->followingReady()).arg(prep_->followingCount());
    if (!cacheProblem_.isEmpty())
        text += QLatin1Char('\n') + tr("The disk cache could not be used (prepared images stay in memory only): %1").arg(cacheProblem_);
    return text.trimmed();
}

void GroundingPanel::showImageState() {
    const QString text = preparationText();
    prepLabel_->setText(text);
    prepLabel_->setVisible(!text.isEmpty());
    cancelButton_->setEnabled(busy_ || !queue_.isEmpty() || prep_->running());
    if (busy_ && running_.key == key_) return;  // the bar follows the sentence running on this image
    if (key_.isEmpty() || !modelReady_ || !prep_->enabled()) return;
    // The bar shows this image's preparation: its own, never another image's.
    const BackgroundPreparation::State st = prep_->state(key_);
    progress_->setMaximum(st.needed);
    progress_->setValue(std::min(st.states, st.needed));
}

}  // namespace cxr::ui
