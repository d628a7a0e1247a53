#include "reading.h"

#include <QCoreApplication>
#include <QSettings>

#include <algorithm>
#include <cmath>

namespace cxr::ui {

namespace {
// The translation context of these texts.
class Reading {
    Q_DECLARE_TR_FUNCTIONS(cxr::ui::Reading)
};
}  // namespace

QList<QPair<CornerField, QString>> cornerFieldNames() {
    return {{CornerField::PatientName, Reading::tr("Patient name")},
            {CornerField::PatientId, Reading::tr("Patient ID")},
            {CornerField::BirthDateSex, Reading::tr("Birth date and sex")},
            {CornerField::StudyDate, Reading::tr("Study date")},
            {CornerField::Accession, Reading::tr("Accession number")},
            {CornerField::SeriesInstance, Reading::tr("Series and instance")},
            {CornerField::ViewPosition, Reading::tr("View position")},
            {CornerField::Window, Reading::tr("Window")},
            {CornerField::Zoom, Reading::tr("Zoom")}};
}

CornerFields savedCornerFields() {
    return CornerFields(QSettings().value(QStringLiteral("viewer/cornerFields"), kAllCornerFields).toInt() & kAllCornerFields);
}

void saveCornerFields(CornerFields fields) { QSettings().setValue(QStringLiteral("viewer/cornerFields"), int(fields)); }

QString readableDate(const QString& d) {
    const QString t = d.trimmed();
    if (t.size() == 8 && std::all_of(t.begin(), t.end(), [](QChar c) { return c.isDigit(); }))
        return QStringLiteral("%1-%2-%3").arg(t.left(4), t.mid(4, 2), t.mid(6, 2));
    return t;
}

QString readableName(const QString& pn) {
    const QStringList parts = pn.section(QLatin1Char('='), 0, 0).split(QLatin1Char('^'));
    const QString family = parts.value(0).trimmed();
    QStringList rest;
    for (int i = 1; i < std::min<int>(parts.size(), 3); ++i)
        if (!parts[i].trimmed().isEmpty()) rest << parts[i].trimmed();
    if (rest.isEmpty()) return family;
    if (family.isEmpty()) return rest.join(QLatin1Char(' '));
    return family + QStringLiteral(", ") + rest.join(QLatin1Char(' '));
}

QStringList cornerLines(Corner corner, const ImageInfo& info, const DisplaySettings& display, int zoomPercent, CornerFields f) {
    QStringList out;
    auto add = [&](CornerField field, const QString& text) {
        if (f.testFlag(field) && !text.trimmed().isEmpty()) out << text;
    };
    switch (corner) {
    case Corner::TopLeft: {
        add(CornerField::PatientName, readableName(info.patientName));
        add(CornerField::PatientId, info.patientId.isEmpty() ? QString() : Reading::tr("ID %1").arg(info.patientId));
        QStringList bs;
        if (!info.patientBirthDate.isEmpty()) bs << Reading::tr("born %1").arg(readableDate(info.patientBirthDate));
        if (!info.patientSex.isEmpty()) bs << info.patientSex;
        add(CornerField::BirthDateSex, bs.join(QStringLiteral("  ")));
        break;
    }
    case Corner::TopRight:
        add(CornerField::StudyDate, readableDate(info.studyDate));
        add(CornerField::Accession, info.accessionNumber.isEmpty() ? QString() : Reading::tr("Acc %1").arg(info.accessionNumber));
        if (info.seriesNumber > 0 && info.instanceNumber > 0)
            add(CornerField::SeriesInstance, Reading::tr("Se %1  Im %2").arg(info.seriesNumber).arg(info.instanceNumber));
        else if (info.seriesNumber > 0)
            add(CornerField::SeriesInstance, Reading::tr("Se %1").arg(info.seriesNumber));
        break;
    case Corner::BottomLeft:
        add(CornerField::ViewPosition, info.viewPosition);
        break;
    case Corner::BottomRight:
        add(CornerField::Window, display.voi == DisplaySettings::Voi::VoiLut
                                     ? Reading::tr("VOI LUT")
                                     : Reading::tr("C %1  W %2").arg(display.window.center, 0, 'f', 0).arg(display.window.width, 0, 'f', 0));
        add(CornerField::Zoom, Reading::tr("%1 %").arg(zoomPercent));
        break;
    }
    return out;
}

QString measureKindName(MeasureKind kind) {
    switch (kind) {
    case MeasureKind::Distance: return Reading::tr("Distance");
    case MeasureKind::Angle: return Reading::tr("Angle");
    case MeasureKind::Rectangle: return Reading::tr("Rectangle");
    case MeasureKind::Ellipse: return Reading::tr("Ellipse");
    case MeasureKind::CardiothoracicRatio: return Reading::tr("Cardiothoracic ratio");
    }
    return {};
}

QString measurementText(const Measurement& m, const MeasureValues& v, bool brief) {
    const QString mm = v.spacingKnown ? Reading::tr("mm") : Reading::tr("px");
    const QString mm2 = v.spacingKnown ? Reading::tr("mm²") : Reading::tr("px²");
    auto length = [&](double x) { return QStringLiteral("%1 %2").arg(x, 0, 'f', 1).arg(mm); };
    const QString sep = brief ? QStringLiteral("  ") : QStringLiteral("\n");
    switch (m.kind) {
    case MeasureKind::Distance: return length(v.length);
    case MeasureKind::Angle: return Reading::tr("%1°").arg(v.angle, 0, 'f', 1);
    case MeasureKind::Rectangle:
    case MeasureKind::Ellipse:
        return Reading::tr("area %1 %2").arg(v.area, 0, 'f', 1).arg(mm2) + sep +
               Reading::tr("mean %1  SD %2").arg(v.mean, 0, 'f', 1).arg(v.sd, 0, 'f', 1);
    case MeasureKind::CardiothoracicRatio:
        return Reading::tr("CTR %1").arg(v.ratio, 0, 'f', 2) + sep + Reading::tr("heart %1 / thorax %2").arg(length(v.cardiac), length(v.thoracic));
    }
    return {};
}

QString spacingNote(const Image& image) {
    const PixelSpacing& s = image.info.spacing;
    if (!s.known()) return Reading::tr("No pixel spacing in the file: lengths in pixels.");
    if (s.source == PixelSpacing::Source::ImagerPixelSpacing)
        return Reading::tr("Imager Pixel Spacing: mm at the detector, not calibrated (the patient is magnified).");
    return {};
}

}  // namespace cxr::ui
